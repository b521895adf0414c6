import type { EntryKind, MemberCategory, MemberEventKind, MemberStatus } from '../membership/index.ts';
import { allow, type Decision, deny, type IsoDate } from '../shared/index.ts';
import type { BasisPoints, Fen } from './money.ts';
import { type MonthKey, monthEnd, monthOf, monthStart } from './months.ts';
import { monthlyDues } from './rates.ts';
import type { DuesReason } from './reasons.ts';
import { bracketsFor, type DuesRuleSet, duesRulesInForce } from './rules.ts';

/**
 * 应缴 (docs/dues.md §8): what a member owes for a month, derived — never typed — from their standing, branch and
 * category that month, their bases, the approved reductions and the rules in force on the month's first day.
 */

/** One row of a member's effective-dated history, as the charges read it (docs/membership.md §4). */
export type DuesHistoryRow = {
  readonly kind: MemberEventKind;
  readonly effectiveOn: IsoDate;
  /** `org_changed`: the 党支部 left (a 党小组's branch); otherwise unused. */
  readonly branchId: number | null;
  /** The value held before the change (a status, a category), when the row records one. */
  readonly fromValue: string | null;
};

/** A base in force from a month on, until the member's next one (docs/dues.md §2). */
export type DuesBaseFact = { readonly fromMonth: MonthKey; readonly amount: Fen };

/** An approved 减免 (docs/dues.md §6): only approved ones reach the charges. */
export type ApprovedReduction = {
  readonly id: number;
  readonly kind: 'reduce' | 'exempt';
  readonly fromMonth: MonthKey;
  readonly toMonth: MonthKey;
  /** 少交: the monthly amount paid instead; null for 免交. */
  readonly monthlyAmount: Fen | null;
};

/** Everything a member's charges rest on. */
export type MemberDuesFacts = {
  readonly memberId: number;
  /** 入党时间: the 支部大会's resolution (第八条). */
  readonly admittedOn: IsoDate;
  /** The day the member arrived in the records, and how (docs/membership.md §8). */
  readonly enteredOn: IsoDate;
  readonly enteredBy: EntryKind;
  /** Today's standing, branch (the 党支部, or a 党小组's branch) and category. */
  readonly status: MemberStatus;
  readonly branchId: number;
  readonly category: MemberCategory;
  /** The history, in the order it happened (effective date, then as recorded). */
  readonly history: readonly DuesHistoryRow[];
  readonly bases: readonly DuesBaseFact[];
  readonly reductions: readonly ApprovedReduction[];
};

/** A month owed, with what it comes to (`amount` after an approved reduction, ≤ `fullAmount`). */
export type DuesCharge = {
  readonly memberId: number;
  readonly month: MonthKey;
  readonly branchId: number;
  readonly category: MemberCategory;
  /** The base and rate it came from; null for a flat amount. */
  readonly base: Fen | null;
  readonly rateBp: BasisPoints | null;
  readonly fullAmount: Fen;
  readonly amount: Fen;
  readonly reductionId: number | null;
  readonly ruleVersion: string;
};

/**
 * A month owed that cannot be computed: a percentage category without a base on record (docs/dues.md §8: the sheet
 * says 未核定基数 and a to-do asks the branch to set it). No charge row is kept for it.
 */
export type MissingCharge = {
  readonly memberId: number;
  readonly month: MonthKey;
  readonly branchId: number;
  readonly category: MemberCategory;
};

export type MonthDues =
  | { readonly kind: 'not_owed' }
  | { readonly kind: 'charge'; readonly charge: DuesCharge }
  | { readonly kind: 'no_base'; readonly missing: MissingCharge };

/** The standings charged: 预备 (from 入党, 第八条), 正式, and 失联 (their arrears are real); never 停止党籍 (§4, §8). */
export const CHARGED_STATUSES: readonly MemberStatus[] = ['probationary', 'full', 'unreachable'];

/** The history kinds whose `fromValue` is the standing held before them (as rosterOn reads them). */
export const STANDING_CHANGE_KINDS: readonly MemberEventKind[] = [
  'confirmed',
  'suspended',
  'restored',
  'marked_unreachable',
  'marked_reachable',
  'left',
  'died',
  'transferred_out',
];

/** The entries that bring a member from outside (转入, 恢复党籍): on the roster from their arrival, not their 入党时间. */
export const ARRIVAL_ENTRY_KINDS: readonly EntryKind[] = ['transferred_in', 'restored'];

/** The first day the member is on this deployment's roster: 入党时间, or the arrival of a 转入 or 恢复党籍. */
export function rosterStart(facts: MemberDuesFacts): IsoDate {
  return ARRIVAL_ENTRY_KINDS.includes(facts.enteredBy) ? facts.enteredOn : facts.admittedOn;
}

/** The first history row of `kinds` after `day` (a change dated that very day has happened). */
function firstAfter(
  facts: MemberDuesFacts,
  day: IsoDate,
  pick: (row: DuesHistoryRow) => boolean,
): DuesHistoryRow | undefined {
  return facts.history.find((row) => row.effectiveOn > day && pick(row));
}

/**
 * The member as they stood on `day` (docs/membership.md §4, as the roster of a day is rebuilt): the branch left by
 * their first move after it, else today's; the standing left by their first change of standing after it, else
 * today's; likewise the category. Null before they were on the roster.
 */
export function standingOn(
  facts: MemberDuesFacts,
  day: IsoDate,
): { status: MemberStatus; branchId: number; category: MemberCategory } | null {
  if (day < rosterStart(facts)) return null;
  const move = firstAfter(facts, day, (r) => r.kind === 'org_changed' && r.branchId !== null);
  const change = firstAfter(
    facts,
    day,
    (r) => STANDING_CHANGE_KINDS.includes(r.kind) && r.fromValue !== null && r.fromValue !== '',
  );
  const recategorized = firstAfter(
    facts,
    day,
    (r) => r.kind === 'category_changed' && r.fromValue !== null && r.fromValue !== '',
  );
  return {
    status: (change?.fromValue as MemberStatus | undefined) ?? facts.status,
    branchId: move?.branchId ?? facts.branchId,
    category: (recategorized?.fromValue as MemberCategory | undefined) ?? facts.category,
  };
}

/**
 * The day that decides a month (docs/dues.md §4, §8; CFG `chargeOrgOn`): its first day, or its last. Under
 * `first_day`, the month of admission is decided on the 入党时间 itself: a 预备党员 owes from the month of the
 * 支部大会 that admitted them (第八条), not from the next one.
 */
export function decisiveDay(facts: MemberDuesFacts, month: MonthKey, rules: DuesRuleSet): IsoDate {
  if (rules.chargeOrgOn === 'last_day') return monthEnd(month);
  const admission = !ARRIVAL_ENTRY_KINDS.includes(facts.enteredBy);
  if (admission && monthOf(facts.admittedOn) === month) return facts.admittedOn;
  return monthStart(month);
}

/** The base in force in a month: the member's latest whose first month is not after it (docs/dues.md §2). */
export function baseInForce(bases: readonly DuesBaseFact[], month: MonthKey): Fen | null {
  let found: DuesBaseFact | null = null;
  for (const b of bases)
    if (b.fromMonth <= month && (found === null || b.fromMonth > found.fromMonth)) found = b;
  return found?.amount ?? null;
}

/** The approved reduction covering a month, if any (approved ones never overlap, docs/dues.md §6). */
export function reductionOf(
  reductions: readonly ApprovedReduction[],
  month: MonthKey,
): ApprovedReduction | undefined {
  return reductions.find((r) => r.fromMonth <= month && month <= r.toMonth);
}

type Owed = { month: MonthKey; branchId: number; category: MemberCategory; rules: DuesRuleSet };

/** Whether the member owes a month, to which branch and in which category (docs/dues.md §8); null if not. */
function owedIn(facts: MemberDuesFacts, month: MonthKey, sets: readonly DuesRuleSet[]): Owed | null {
  const rules = duesRulesInForce(sets, monthStart(month));
  const standing = standingOn(facts, decisiveDay(facts, month, rules));
  if (!standing || !CHARGED_STATUSES.includes(standing.status)) return null;
  return { month, branchId: standing.branchId, category: standing.category, rules };
}

/**
 * The base a month is charged on (docs/dues.md §2, §8): `rebase` — the base in force that month (第十条);
 * `fixed_year` — the base in force in the first month of the year the member owes on a base, for the whole year.
 */
function baseFor(facts: MemberDuesFacts, owed: Owed, sets: readonly DuesRuleSet[]): Fen | null {
  if (owed.rules.mode === 'rebase') return baseInForce(facts.bases, owed.month);
  const year = owed.month.slice(0, 4);
  for (let m = 1; `${year}-${String(m).padStart(2, '0')}` <= owed.month; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    const earlier = month === owed.month ? owed : owedIn(facts, month, sets);
    if (!earlier || bracketsFor(earlier.rules, earlier.category) === null) continue;
    const base = baseInForce(facts.bases, month);
    if (base !== null) return base;
  }
  return null;
}

/**
 * What a member owes for one month (docs/dues.md §8): nothing before their 入党时间 (a 预备党员 from its month, 第八条)
 * or arrival, nothing under 停止党籍 or after they left (出党, 死亡, 转出) — by the standing on the deciding day —;
 * otherwise the rules in force on the month's first day applied to the category and the base, and an approved
 * reduction's amount in place of it (免交: 0; 少交: its amount, never above the full one). A percentage category
 * without a base owes an amount that cannot be computed yet (`no_base`).
 */
export function monthDues(facts: MemberDuesFacts, month: MonthKey, sets: readonly DuesRuleSet[]): MonthDues {
  const owed = owedIn(facts, month, sets);
  if (!owed) return { kind: 'not_owed' };
  const dues = monthlyDues(owed.category, baseFor(facts, owed, sets), owed.rules);
  const where = { memberId: facts.memberId, month, branchId: owed.branchId, category: owed.category };
  if (dues.kind === 'no_base') return { kind: 'no_base', missing: where };
  const reduction = reductionOf(facts.reductions, month);
  const amount =
    reduction === undefined
      ? dues.amount
      : reduction.kind === 'exempt'
        ? 0
        : Math.min(reduction.monthlyAmount ?? 0, dues.amount);
  return {
    kind: 'charge',
    charge: {
      ...where,
      base: dues.kind === 'percentage' ? dues.base : null,
      rateBp: dues.kind === 'percentage' ? dues.rateBp : null,
      fullAmount: dues.amount,
      amount,
      reductionId: reduction?.id ?? null,
      ruleVersion: owed.rules.version,
    },
  };
}

/** The charges and the months missing a base of a member over these months. */
export function memberCharges(
  facts: MemberDuesFacts,
  months: readonly MonthKey[],
  sets: readonly DuesRuleSet[],
): { charges: DuesCharge[]; missing: MissingCharge[] } {
  const charges: DuesCharge[] = [];
  const missing: MissingCharge[] = [];
  for (const month of months) {
    const d = monthDues(facts, month, sets);
    if (d.kind === 'charge') charges.push(d.charge);
    else if (d.kind === 'no_base') missing.push(d.missing);
  }
  return { charges, missing };
}

/**
 * A month is generated from its beginning on (docs/dues.md §8): the monthly pass does the current month; past months
 * may be generated on demand, a month not yet begun never (its standings and bases are not known).
 */
export function checkMonthToGenerate(month: MonthKey, today: IsoDate): Decision<DuesReason> {
  return month > monthOf(today)
    ? deny('dues_month_future', `不能生成以后月份（${month}）的应缴党费：每月的应缴在当月生成`)
    : allow;
}
