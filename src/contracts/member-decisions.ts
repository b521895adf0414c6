import { DECISION_KINDS, DECISION_STATUSES, LEAVING_CATEGORIES } from '../domain/membership/index.ts';
import { IdSchema, IsoDateSchema, optionalText, text, VersionSchema } from './common.ts';
import { z } from './zod-zh.ts';

/**
 * 支部大会 decisions and the approval of the level above (docs/membership.md §12): 转正, 延长预备期 and the 出党
 * the level above approves. Recorded with the meeting's date, pending until the approval is recorded; the
 * approval dates the ledger's count (counted_on), the meeting the history (effective_on).
 */
export const DecisionKindSchema = z.enum(DECISION_KINDS);
export const DecisionStatusSchema = z.enum(DECISION_STATUSES);
const LeavingCategorySchema = z.enum(LEAVING_CATEGORIES);

/** The approval of the level above: 批准机关, 批准日期, 批复文号. */
export const ApprovalInput = z.object({
  approvingOrgName: text(100),
  approvedOn: IsoDateSchema,
  documentNo: text(100),
});

export const RecordDecisionBody = z.object({
  /** The member's version as read: the decision is about the member as shown. */
  version: VersionSchema,
  kind: DecisionKindSchema,
  /** The date of the 支部大会. */
  meetingOn: IsoDateSchema,
  reason: optionalText(500),
  /** For `leave`: the T10 category (one the level above approves). */
  leftReason: LeavingCategorySchema.optional(),
  /** For `leave` as 自行脱党除名: 经多方查找确实无法取得联系. */
  unreachable: z.boolean().optional(),
  /** For `extend_probation`: the new end of the 预备期. */
  probationEndsOn: IsoDateSchema.optional(),
  /** Given when already approved (recorded after the fact): the decision applies at once. */
  approval: ApprovalInput.optional(),
});

export const ApproveDecisionBody = ApprovalInput.extend({ version: VersionSchema });
export const WithdrawDecisionBody = z.object({ version: VersionSchema, reason: optionalText(500) });

export const MemberDecisionView = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  memberName: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  kind: DecisionKindSchema,
  status: DecisionStatusSchema,
  meetingOn: IsoDateSchema,
  reason: z.string().nullable(),
  leftReason: LeavingCategorySchema.nullable(),
  probationEndsOn: IsoDateSchema.nullable(),
  approvingOrgName: z.string().nullable(),
  approvedOn: IsoDateSchema.nullable(),
  documentNo: z.string().nullable(),
  /** The last day the level above should approve on (3 months after the meeting), and the days left (negative once overdue). */
  dueOn: IsoDateSchema,
  daysLeft: z.number().int(),
  /** Whether the actor may record the approval (the level above) or withdraw it. */
  can: z.object({ approve: z.boolean(), withdraw: z.boolean() }),
  version: z.number().int(),
});
export type MemberDecisionView = z.infer<typeof MemberDecisionView>;

export const PendingDecisionsQuery = z.object({
  /** Decisions of members in this org's subtree (must be in scope); the whole scope by default. */
  orgId: IdSchema.optional(),
});
export const PendingDecisionList = z.object({ items: z.array(MemberDecisionView) });
