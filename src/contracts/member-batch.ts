import { IdSchema, IsoDateSchema, optionalText, text, VersionSchema } from './common.ts';
import { IMPORT_FORMATS } from './member-import.ts';
import { MemberListQuery } from './members.ts';
import { z } from './zod-zh.ts';

/**
 * Batch operations on the roster (批量操作): one selection shape for every batch endpoint — the members ticked on
 * a page, or everything the roster's filter matches, resolved by the server at the time of the act within the
 * actor's scope (ids outside it: 404 for the whole batch, nothing written).
 */
export const MEMBER_SELECTION_MAX = 5000;

/** The roster's filter (GET /api/members without paging and order): lists comma-separated, flags `true`/`false`. */
export const MemberFilterQuery = MemberListQuery.omit({ page: true, pageSize: true, sort: true });

export const MemberSelection = z.union([
  z
    .object({
      memberIds: z
        .array(IdSchema)
        .min(1, '请至少选择一名党员')
        .max(MEMBER_SELECTION_MAX, `一次最多选择${MEMBER_SELECTION_MAX}名党员`),
    })
    .strict(),
  z.object({ filter: MemberFilterQuery }).strict(),
]);
export type MemberSelection = z.input<typeof MemberSelection>;

/** 调整党小组: to a 党小组 of one branch, or to the branch itself; every selected member must be in that branch. */
export const BatchMoveBody = z.object({
  selection: MemberSelection,
  /** The branch itself or one of its 党小组. */
  toOrgId: IdSchema,
  effectiveOn: IsoDateSchema,
  reason: optionalText(500),
});

/** One member's move (the member page): at the version read. */
export const MoveMemberBody = z.object({
  version: VersionSchema,
  toOrgId: IdSchema,
  effectiveOn: IsoDateSchema,
  reason: optionalText(500),
});

/**
 * 批量转接（系统内）: one letter per member to one receiving branch or group of the deployment. Each letter is
 * numbered `letterNo-1`, `letterNo-2`… in the roster's order (by org, then name).
 */
export const BatchTransferBody = z.object({
  selection: MemberSelection,
  toOrgId: IdSchema,
  letterNo: text(90),
  issuedOn: IsoDateSchema,
  validUntil: IsoDateSchema.optional(),
  reason: optionalText(500),
});

/** What a batch did: how many members, and which. */
export const BatchResult = z.object({
  count: z.number().int(),
  memberIds: z.array(z.number().int()),
});

/** 导出 the selection: exactly the members selected (every status), masked unless revealed (audited). */
export const BatchExportBody = z.object({
  selection: MemberSelection,
  format: z.enum(IMPORT_FORMATS).default('template'),
  reveal: z.enum(['idNumber']).optional(),
});

/** A member a whole batch was refused for, and why (the rule's reason and message): `details.members`. */
export const BatchRefusalRow = z.object({
  memberId: z.number().int(),
  name: z.string(),
  reason: z.string(),
  message: z.string(),
});
