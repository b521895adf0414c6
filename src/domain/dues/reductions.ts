import { allow, type Decision, deny, firstDenial, type IsoDate } from '../shared/index.ts';
import type { Fen } from './money.ts';
import { type MonthKey, monthLabel, monthsBetween } from './months.ts';
import type { DuesReason } from './reasons.ts';

/**
 * 减免 (docs/dues.md §6; 中组发〔2008〕3号 第七条): a member in hardship pays less (少交) or nothing (免交) for a range of
 * months, on the branch's discussion and the approval of the 党委 one level up.
 */
const ARTICLE = '中组发〔2008〕3号 第七条';

/** The longest range one decision covers: a year, after which the branch looks at the hardship again [platform rule]. */
export const REDUCTION_MAX_MONTHS = 12;

export type ReductionDraft = {
  readonly kind: 'reduce' | 'exempt';
  readonly fromMonth: MonthKey;
  readonly toMonth: MonthKey;
  /** 少交: the monthly amount paid instead, in 分; null for 免交. */
  readonly monthlyAmount: Fen | null;
  readonly reason: string;
  /** The day of the branch's discussion. */
  readonly branchDecidedOn: IsoDate;
};

/**
 * A reduction as the branch records it (docs/dues.md §6): its months in order and at most a year; a reason; the
 * branch's discussion not in the future; 少交 with an amount below the full amount of every month it covers (else it
 * reduces nothing: 免交 is the other kind), 免交 without one. `fullAmounts`: the full amounts the rules give for the
 * months of the range the member owes (empty when none can be computed yet, e.g. no base on record).
 */
export function checkReduction(
  draft: ReductionDraft,
  today: IsoDate,
  fullAmounts: readonly Fen[],
): Decision<DuesReason> {
  const span = monthsBetween(draft.fromMonth, draft.toMonth);
  return firstDenial<DuesReason>(
    span < 0
      ? deny('dues_reduction_months_invalid', '减免的起始月份不能晚于截止月份', { article: ARTICLE })
      : allow,
    span + 1 > REDUCTION_MAX_MONTHS
      ? deny(
          'dues_reduction_too_long',
          `一次减免最长${REDUCTION_MAX_MONTHS}个月：期满后由支部重新研究，报上级党委审批`,
          { article: ARTICLE, details: { months: span + 1 } },
        )
      : allow,
    draft.reason.trim() === ''
      ? deny('dues_reduction_reason_required', '请写明减免的理由（党员生活困难等情况）', { article: ARTICLE })
      : allow,
    draft.branchDecidedOn > today
      ? deny('dues_reduction_date_future', '支部研究日期不能晚于今天', { article: ARTICLE })
      : allow,
    checkReducedAmount(draft, fullAmounts),
  );
}

function checkReducedAmount(draft: ReductionDraft, fullAmounts: readonly Fen[]): Decision<DuesReason> {
  if (draft.kind === 'exempt') {
    return draft.monthlyAmount === null
      ? allow
      : deny('dues_reduction_amount_invalid', '免交不填写每月交纳金额', { article: ARTICLE });
  }
  if (draft.monthlyAmount === null || !Number.isSafeInteger(draft.monthlyAmount) || draft.monthlyAmount < 0)
    return deny('dues_reduction_amount_invalid', '少交须填写每月交纳金额（不少于0元）', { article: ARTICLE });
  if (fullAmounts.length === 0)
    return deny(
      'dues_reduction_full_unknown',
      '这些月份尚无法按规定计算应缴金额（未核定计算基数或不在应缴期间），不能确定少交金额',
      { article: ARTICLE },
    );
  const lowest = Math.min(...fullAmounts);
  if (draft.monthlyAmount >= lowest)
    return deny(
      'dues_reduction_amount_not_lower',
      `少交金额须低于按规定应缴的金额（${(lowest / 100).toFixed(2)}元）；不必少交则无须减免`,
      { article: ARTICLE, details: { fullAmount: lowest } },
    );
  return allow;
}

/** Two approved reductions of a member never cover the same month (docs/dues.md §6). */
export function checkReductionOverlap(
  range: { readonly fromMonth: MonthKey; readonly toMonth: MonthKey },
  approved: readonly { readonly fromMonth: MonthKey; readonly toMonth: MonthKey }[],
): Decision<DuesReason> {
  const other = approved.find((a) => a.fromMonth <= range.toMonth && range.fromMonth <= a.toMonth);
  if (!other) return allow;
  return deny(
    'dues_reduction_overlap',
    `与已批准的减免（${monthLabel(other.fromMonth)}至${monthLabel(other.toMonth)}）月份重叠`,
    { article: ARTICLE, details: { fromMonth: other.fromMonth, toMonth: other.toMonth } },
  );
}

/**
 * The 党委 one level up approves or refuses (第七条): whoever holds `dues.approve` over the branch's parent; a branch
 * never approves its own reductions.
 */
export function checkReductionApprover(coversParent: boolean): Decision<DuesReason> {
  return coversParent
    ? allow
    : deny('dues_reduction_not_level_above', '党费减免须由上一级党委批准，党支部不能批准本支部的减免', {
        article: ARTICLE,
      });
}

/** Only a pending reduction is approved, refused or withdrawn; a decided one stays as it was decided. */
export function checkReductionPending(status: string): Decision<DuesReason> {
  return status === 'pending'
    ? allow
    : deny('dues_reduction_not_pending', '该减免已经处理（已批准、未批准或已撤回），不能再改变', {
        article: ARTICLE,
      });
}
