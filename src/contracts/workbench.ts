import { ORG_KINDS } from '../domain/org/index.ts';
import { FindingKindSchema, OrgFindingItem } from './orgs.ts';
import { z } from './zod-zh.ts';

/** 工作台: what needs the user's action first, then the key figures of their subtree. */
export const WorkbenchView = z.object({
  roots: z.array(z.object({ id: z.number().int(), name: z.string() })),
  /** Orgs of the scope that are not dissolved, by kind (党小组 among them, listed apart). */
  orgCounts: z.record(z.enum(ORG_KINDS), z.number().int()),
  /** 党组织总数 as the official statistics count it: every kind but 党小组 (docs/organizations.md §1). */
  orgTotal: z.number().int(),
  findingCounts: z.record(
    FindingKindSchema,
    z.object({ warning: z.number().int(), critical: z.number().int() }),
  ),
  userCount: z.number().int(),
  /** The most urgent findings, critical first, then by date. */
  todos: z.array(OrgFindingItem),
});
export type WorkbenchView = z.infer<typeof WorkbenchView>;

/** 安全管理员的工作台: what weakens the deployment's security now, and the accounts that need attention. */
export const SecurityWorkbenchView = z.object({
  notices: z.array(
    z.object({
      key: z.enum(['totp_org_admin_off', 'admins_without_second_factor']),
      message: z.string(),
    }),
  ),
  /** Administrator accounts (三员) in scope without an enrolled second factor: they enrol at their next login. */
  adminsWithoutSecondFactor: z.number().int(),
  /** Accounts in scope locked by failed logins right now. */
  lockedAccounts: z.number().int(),
});
export type SecurityWorkbenchView = z.infer<typeof SecurityWorkbenchView>;
