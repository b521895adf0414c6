import { allow, type Decision, type Denial, deny, type IsoDate } from '../shared/index.ts';
import { type Fen, formatYuan } from './money.ts';
import { type MonthKey, monthLabel, monthOf, monthsBetween } from './months.ts';
import type { DuesReason } from './reasons.ts';
import type { DuesRuleSet } from './rules.ts';

/**
 * The dues ledger's rules (docs/dues.md §4, §9; 中组发〔2008〕3号): what a payment, a reversal and a 特殊党费 may be,
 * and the balance of a month. The ledger is append-only (the database refuses UPDATE and DELETE); a correction is a
 * reversal of one entry plus a new entry.
 */

export const DUES_ARTICLE = '关于中国共产党党费收缴、使用和管理的规定（中组发〔2008〕3号）';
export const CENTRE_ARTICLE = `${DUES_ARTICLE}第十一条`;

/** One entry as the rules see it: a month's payment, a reversal (of `reversesId`, its month the reversed one's), 特殊党费. */
export type LedgerFact = {
  readonly id: number;
  readonly kind: 'payment' | 'reversal' | 'special_dues';
  readonly month: MonthKey | null;
  readonly amount: Fen;
  readonly reversesId: number | null;
};

/** What was paid for a month: the sum of its entries, reversals included (docs/dues.md §9). */
export function paidByMonth(entries: readonly LedgerFact[]): Map<MonthKey, Fen> {
  const out = new Map<MonthKey, Fen>();
  for (const e of entries) {
    if (e.month === null || e.kind === 'special_dues') continue;
    out.set(e.month, (out.get(e.month) ?? 0) + e.amount);
  }
  return out;
}

/** A month's 应缴 / 实缴 / 欠缴: the balance is the charge less the sum of its entries (docs/dues.md §9). */
export type MonthBalance = {
  readonly month: MonthKey;
  readonly charged: Fen;
  readonly paid: Fen;
  readonly balance: Fen;
};

/** Every month charged or paid, in order (a payment without a charge: a month not charged, or prepaid). */
export function monthBalances(
  charges: ReadonlyMap<MonthKey, Fen>,
  entries: readonly LedgerFact[],
): MonthBalance[] {
  const paid = paidByMonth(entries);
  const months = [...new Set([...charges.keys(), ...paid.keys()])].sort();
  return months.map((month) => {
    const charged = charges.get(month) ?? 0;
    const p = paid.get(month) ?? 0;
    return { month, charged, paid: p, balance: charged - p };
  });
}

/** A month a payment covers: its amount in 分, or null for "what is still owed" (the default). */
export type PaymentLine = { readonly month: MonthKey; readonly amount: Fen | null };

export type PaymentFacts = {
  readonly today: IsoDate;
  /** The member's 入党时间: nobody owes before its month (第八条). */
  readonly admittedOn: IsoDate | null;
  /** The month's charge after any reduction, where one is on record. */
  readonly charges: ReadonlyMap<MonthKey, Fen>;
  /** What was paid for each month so far (paidByMonth). */
  readonly paid: ReadonlyMap<MonthKey, Fen>;
  readonly rules: DuesRuleSet;
};

export type PaymentInput = {
  readonly lines: readonly PaymentLine[];
  readonly paidOn: IsoDate;
  /** The branch's consent to paying ahead (按季度预交, §4): who gave it; null without it. */
  readonly prepaymentConsentBy: string | null;
};

/** Something accepted only when the actor confirms it (`confirm`): back payment or prepayment far off, more than owed. */
export type PaymentWarning = {
  readonly reason: 'dues_back_payment_long' | 'dues_prepayment_long' | 'dues_payment_above_balance';
  readonly message: string;
};

/** A checked payment: the amount of each month, and what it warns of. */
export type CheckedPayment = {
  readonly lines: readonly { readonly month: MonthKey; readonly amount: Fen }[];
  readonly warnings: readonly PaymentWarning[];
};

const DUES_4 = `${DUES_ARTICLE}；docs/dues.md §4`;

/**
 * A payment (docs/dues.md §4, §9): one entry per month, each month's amount what the member pays (by default what is
 * still owed; for a month not yet charged, the amount of the latest month charged: 预交 at the current rate). Refused:
 * no month, a month repeated, a month before the member's admission (第八条: nobody owes before it), a month already
 * paid in full (named), an amount not a positive whole number of 分, a day in the future, a month after the current
 * one without the branch's consent (按季度交纳 needs it, §4). Warned (accepted with `confirm`): a month more than
 * `backPaymentWarnMonths` behind the current one (补缴) or ahead of it (预交) — normally at most 6 (§4) — and an
 * amount above what the month still owes.
 */
export function checkPayment(
  facts: PaymentFacts,
  input: PaymentInput,
): Denial<DuesReason> | { readonly ok: true; readonly payment: CheckedPayment } {
  if (input.lines.length === 0) return deny('dues_payment_no_month', '请选择要交纳的月份');
  if (input.paidOn > facts.today)
    return deny('dues_paid_on_future', `交纳日期${input.paidOn}晚于今天`, { article: DUES_4 });
  const seen = new Set<MonthKey>();
  const current = monthOf(facts.today);
  const admitted = facts.admittedOn === null ? null : monthOf(facts.admittedOn);
  const latestCharge = [...facts.charges.keys()].sort().at(-1);
  const warnings: PaymentWarning[] = [];
  const lines: { month: MonthKey; amount: Fen }[] = [];
  for (const line of [...input.lines].sort((a, b) => (a.month < b.month ? -1 : 1))) {
    const label = monthLabel(line.month);
    if (seen.has(line.month))
      return deny('dues_payment_month_repeated', `${label}重复出现在本次交纳中`, {
        details: { month: line.month },
      });
    seen.add(line.month);
    if (admitted === null || line.month < admitted)
      return deny(
        'dues_payment_before_admission',
        admitted === null
          ? '该党员没有入党时间，无法交纳党费'
          : `${label}早于入党时间（${facts.admittedOn}），不需交纳党费：预备党员从支部大会通过其入党之月起交纳（第八条）`,
        { article: `${DUES_ARTICLE}第八条`, details: { month: line.month } },
      );
    if (line.month > current && input.prepaymentConsentBy === null)
      return deny(
        'dues_prepayment_without_consent',
        `${label}在本月之后：按季度预交须经党支部同意，请填写同意人`,
        { article: DUES_4, details: { month: line.month } },
      );
    const charge = facts.charges.get(line.month);
    const paid = facts.paid.get(line.month) ?? 0;
    const owed = charge === undefined ? null : charge - paid;
    if (owed !== null && owed <= 0)
      return deny(
        'dues_month_paid_in_full',
        `${label}的党费已交清（应缴${formatYuan(charge ?? 0)}元，已缴${formatYuan(paid)}元），无需再交`,
        { details: { month: line.month } },
      );
    const amount =
      line.amount ?? owed ?? (latestCharge === undefined ? null : (facts.charges.get(latestCharge) ?? null));
    if (amount === null)
      return deny('dues_payment_amount_required', `${label}尚未核定应缴党费，请填写交纳金额`, {
        details: { month: line.month },
      });
    if (!Number.isInteger(amount) || amount <= 0)
      return deny('dues_payment_amount_invalid', `${label}的交纳金额应为正数，以分为单位`, {
        details: { month: line.month },
      });
    if (owed !== null && amount > owed)
      warnings.push({
        reason: 'dues_payment_above_balance',
        message: `${label}交纳${formatYuan(amount)}元，多于尚欠的${formatYuan(owed)}元`,
      });
    lines.push({ month: line.month, amount });
  }
  const limit = facts.rules.backPaymentWarnMonths;
  const earliest = lines[0]?.month as MonthKey;
  const latest = lines.at(-1)?.month as MonthKey;
  if (monthsBetween(earliest, current) > limit)
    warnings.push({
      reason: 'dues_back_payment_long',
      message: `补缴到${monthLabel(earliest)}，超过${limit}个月（补缴一般不超过${limit}个月）`,
    });
  if (monthsBetween(current, latest) > limit)
    warnings.push({
      reason: 'dues_prepayment_long',
      message: `预交到${monthLabel(latest)}，超过${limit}个月（预交一般不超过${limit}个月）`,
    });
  return { ok: true, payment: { lines, warnings } };
}

/**
 * A reversal (冲正, docs/dues.md §9): of one payment or 特殊党费, at most once, with a reason; never of a reversal
 * (a wrong reversal is corrected by a new payment).
 */
export function checkReversal(
  entry: LedgerFact,
  alreadyReversed: boolean,
  reason: string,
): Decision<DuesReason> {
  if (entry.kind === 'reversal')
    return deny('dues_reversal_of_reversal', '冲正记录不能再冲正，请重新登记交纳');
  if (alreadyReversed) return deny('dues_entry_already_reversed', '该笔记录已冲正过，不能再次冲正');
  if (reason.trim() === '') return deny('dues_reversal_reason_required', '冲正须写明原因');
  return allow;
}

/**
 * 特殊党费 (docs/dues.md §9, 第十一条): a voluntary one-off payment with no month, kept apart from ordinary dues; from
 * `centreThreshold` (1,000 元) up it goes wholly to the centre.
 */
export function checkSpecialDues(
  input: { readonly amount: Fen; readonly paidOn: IsoDate },
  today: IsoDate,
  rules: DuesRuleSet,
): Denial<DuesReason> | { readonly ok: true; readonly toCentre: boolean } {
  if (!Number.isInteger(input.amount) || input.amount <= 0)
    return deny('dues_payment_amount_invalid', '特殊党费的金额应为正数，以分为单位');
  if (input.paidOn > today) return deny('dues_paid_on_future', `交纳日期${input.paidOn}晚于今天`);
  return { ok: true, toCentre: input.amount >= rules.centreThreshold };
}

/** The warnings of a payment are accepted only when the actor confirms them (`confirm`, docs/dues.md §4). */
export function checkWarningsConfirmed(
  warnings: readonly PaymentWarning[],
  confirm: boolean,
): Decision<DuesReason> {
  if (warnings.length === 0 || confirm) return allow;
  return deny(
    'dues_payment_needs_confirm',
    `${warnings.map((w) => w.message).join('；')}。确认无误后请勾选“确认登记”`,
    {
      article: DUES_4,
      details: { warnings },
    },
  );
}

/**
 * Where the money was collected (docs/dues.md §4, membership.md §7.5): the member's own branch, or — for a 流动党员
 * only, who may pay where they are — another org, recorded; the month stays the home branch's charge.
 */
export function checkCollectingOrg(input: {
  readonly isMobile: boolean;
  readonly atHomeBranch: boolean;
}): Decision<DuesReason> {
  if (input.atHomeBranch || input.isMobile) return allow;
  return deny(
    'dues_collecting_org_not_mobile',
    '只有流动党员可以在所在地党组织交纳党费，其他党员向所在党支部交纳',
    {
      article: DUES_4,
    },
  );
}

/** A payment provider's answer on a reference and amount (method `external`): recorded only when it confirms them. */
export type ProviderVerdict =
  | { readonly ok: true; readonly paidOn: IsoDate }
  | { readonly ok: false; readonly reason: string };

export function checkProviderVerdict(verdict: ProviderVerdict | null): Decision<DuesReason> {
  if (verdict === null)
    return deny(
      'dues_payment_not_verified',
      '本系统未接入支付平台，无法核验线上支付，请按现金或银行转账登记',
      {
        article: DUES_4,
      },
    );
  if (!verdict.ok)
    return deny('dues_payment_not_verified', `支付平台未确认该笔支付：${verdict.reason}`, {
      article: DUES_4,
    });
  return allow;
}
