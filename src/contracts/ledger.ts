import { LEFT_REASONS } from '../domain/membership/index.ts';
import { IsoDateSchema, PageQuery, pageOf } from './common.ts';
import { z } from './zod-zh.ts';

/** 增减台账 of an org's subtree over a period (both dates inclusive). */
const LedgerPeriod = z.object({ from: IsoDateSchema, to: IsoDateSchema });
const fromNotAfterTo = (q: { from: string; to: string }) => q.from <= q.to;
const FROM_AFTER_TO = { message: '开始日期不能晚于结束日期', path: ['to'] };

export const LedgerQuery = LedgerPeriod.refine(fromNotAfterTo, FROM_AFTER_TO);

/** The entries (台账明细) of the same period, a page at a time, oldest first. */
export const LedgerEntriesQuery = LedgerPeriod.extend(PageQuery.shape).refine(fromNotAfterTo, FROM_AFTER_TO);

/**
 * Counted (在册): probationary, full and unreachable members placed in the subtree; 停止党籍 is a decrease and
 * 恢复党籍 an increase. Moves between two orgs inside the subtree are internal and not counted.
 * opening + increases.total − decreases.total = closing.
 */
export const LedgerView = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  from: IsoDateSchema,
  to: IsoDateSchema,
  /** Counted at the start of `from`. */
  opening: z.number().int(),
  increases: z.object({
    /** 新登记 / 发展 (dated on admission). */
    registered: z.number().int(),
    transferredIn: z.number().int(),
    restored: z.number().int(),
    other: z.number().int(),
    total: z.number().int(),
  }),
  decreases: z.object({
    /** 出党, by reason. */
    left: z.object(
      Object.fromEntries(LEFT_REASONS.map((r) => [r, z.number().int()])) as Record<
        (typeof LEFT_REASONS)[number],
        z.ZodNumber
      >,
    ),
    suspended: z.number().int(),
    transferredOut: z.number().int(),
    other: z.number().int(),
    total: z.number().int(),
  }),
  /** Counted at the end of `to`. */
  closing: z.number().int(),
});
export type LedgerView = z.infer<typeof LedgerView>;

/**
 * One event that moved the count inside the period: who, when, which column (`label`, e.g. 转入, 出党（死亡）),
 * the org left and the org joined (or the org outside the deployment), the letter number of a transfer.
 */
export const LedgerEntry = z.object({
  eventId: z.number().int(),
  effectiveOn: IsoDateSchema,
  memberId: z.number().int(),
  name: z.string(),
  side: z.enum(['increase', 'decrease']),
  label: z.string(),
  /** The org the member was in before the event (for a 新增: the org they were registered in). */
  fromOrgName: z.string().nullable(),
  /** The org joined by a transfer, or the org outside the deployment for a 转出至系统外. */
  toOrgName: z.string().nullable(),
  letterNo: z.string().nullable(),
  reason: z.string().nullable(),
  /** Whether the member's record is still inside the reader's scope (a member transferred away is not). */
  memberReachable: z.boolean(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;
export const LedgerEntryPage = pageOf(LedgerEntry);
