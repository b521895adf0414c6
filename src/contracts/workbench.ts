import { FINDING_KINDS } from '../domain/org-findings.ts';
import { ORG_KINDS } from '../domain/org-kinds.ts';
import { OrgFindingItem } from './orgs.ts';
import { z } from './zod-zh.ts';

/** 工作台: what needs the user's action first, then the key figures of their subtree. */
export const WorkbenchView = z.object({
  roots: z.array(z.object({ id: z.number().int(), name: z.string() })),
  orgCounts: z.record(z.enum(ORG_KINDS), z.number().int()),
  findingCounts: z.record(
    z.enum(FINDING_KINDS),
    z.object({ warning: z.number().int(), critical: z.number().int() }),
  ),
  userCount: z.number().int(),
  /** The most urgent findings, critical first, then by date. */
  todos: z.array(OrgFindingItem),
});
export type WorkbenchView = z.infer<typeof WorkbenchView>;
