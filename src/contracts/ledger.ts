import { CLOSED_PERIOD_POLICIES, LEFT_REASONS } from '../domain/membership/index.ts';
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
 * The 增减台账 in the lines of 党统 T1 (docs/membership.md §8). Counted: 党员总数 (docs/membership.md §1), probationary,
 * full and unreachable members placed in the subtree; 停止党籍 is a decrease and 恢复党籍 an increase; 死亡 is a
 * decrease of its own, not 出党. Moves between two orgs inside the subtree are internal and not counted.
 * opening + increases.total − decreases.total = closing (期末应有数); `actualClosing` (期末实有数) is counted from
 * each member's standing at the end of the period, and `difference` = actualClosing − closing (T1's 差).
 */
const count = z.number().int();
export const LedgerView = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  from: IsoDateSchema,
  to: IsoDateSchema,
  /** 期初人数: counted at the start of `from`. */
  opening: count,
  increases: z.object({
    /** 发展党员: members admitted in the subtree (arrived as `admitted` or `readmitted`). */
    registered: count,
    /** 其中 重新入党. */
    readmitted: count,
    restored: count,
    transferredIn: count,
    /** 其他增加, with the 建库 arrivals (T1 has no line of its own for them). */
    other: count,
    /** 其中 建库: members recorded by the initial load of the roster (docs/membership.md §8). */
    initialLoad: count,
    total: count,
  }),
  decreases: z.object({
    /** 出党, every category. */
    left: count,
    /** 出党 by T10 category. */
    leftBy: z.object(
      Object.fromEntries(LEFT_REASONS.map((r) => [r, count])) as Record<
        (typeof LEFT_REASONS)[number],
        typeof count
      >,
    ),
    /** 其中 自行脱党除名 经多方查找确实无法取得联系. */
    leftUnreachable: count,
    suspended: count,
    died: count,
    transferredOut: count,
    other: count,
    total: count,
  }),
  /** 期末应有数: opening + increases − decreases. */
  closing: count,
  /** 期末实有数: members counted in the subtree at the end of `to`, from each one's latest standing. */
  actualClosing: count,
  /** 实有数与应有数之差 (0 when the history is consistent). */
  difference: count,
});
export type LedgerView = z.infer<typeof LedgerView>;

/**
 * One event that moved the count inside the period: who, when, which column (`label`, e.g. 转入, 出党（死亡）),
 * the org left and the org joined (or the org outside the deployment), the letter number of a transfer.
 */
export const LedgerEntry = z.object({
  eventId: z.number().int(),
  /** 发生日期: the day it happened. */
  effectiveOn: IsoDateSchema,
  /** 计入日期: the day the ledger counts it on (the arrival, an approval, a correction's day). */
  countedOn: IsoDateSchema,
  /** 更正: the closed day it would have been counted on, for a change booked after its period was closed. */
  correctionOf: IsoDateSchema.nullable(),
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

/**
 * 关账 (docs/membership.md §8): a reported period (the half-year to 06-30, the year to 12-31) closed for the whole
 * deployment. An event that would be counted on or before the last closed end is refused or booked as a
 * correction (更正) in the current period, as the `org` setting `closedPeriodPolicy` says.
 */
export const LedgerClosingView = z.object({
  periodEnd: IsoDateSchema,
  /** 2025年度, 2025年上半年. */
  label: z.string(),
  closedOn: IsoDateSchema,
  closedAt: z.string(),
  closedByName: z.string().nullable(),
  note: z.string().nullable(),
});
export type LedgerClosingView = z.infer<typeof LedgerClosingView>;

export const LedgerClosingList = z.object({
  /** Newest first. */
  items: z.array(LedgerClosingView),
  /** Everything counted on or before this day is closed (the latest closed end), or null. */
  closedThrough: IsoDateSchema.nullable(),
  policy: z.enum(CLOSED_PERIOD_POLICIES),
  /** Whether the reader may close and reopen (an org_admin at the root org). */
  canClose: z.boolean(),
});
export type LedgerClosingList = z.infer<typeof LedgerClosingList>;

const note = z.string().trim().max(200, '说明不能超过200字');

export const CloseLedgerPeriodBody = z.object({
  periodEnd: IsoDateSchema.meta({ description: '关账期间的最后一天：6月30日（半年）或12月31日（年度）' }),
  note: note.optional(),
});

export const LedgerPeriodParams = z.object({ periodEnd: IsoDateSchema });

export const ReopenLedgerPeriodBody = z.object({
  reason: note.min(1, '请填写取消关账的原因'),
});
