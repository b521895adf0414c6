import type { IsoDate } from '../shared/index.ts';
import type { Fen } from './money.ts';
import { type MonthKey, monthEnd } from './months.ts';

/*
 * The collection figures (docs/dues.md §10): one definition for the branch's monthly sheet, the subtree's roll-up,
 * the yearly publication and the yearly statistics. The roll-up's SQL (modules/dues-summary/rollup.repo.ts)
 * computes the same, and its property test compares the two.
 *
 * - A member-month counts where it is charged: the branch of its charge (dues_charges), whoever collected the money
 *   (a 流动党员 paying where they are still pays their home branch's month, §9).
 * - 应缴 (`charged`) is the charge after any approved reduction; 实缴 (`paid`) the sum of its ledger entries
 *   (payments, less their reversals), whenever they were made: a month's payments made later count for that month.
 * - 欠缴 is what remains, never below 0 (an overpayment after a lower charge is a credit, not negative arrears);
 *   "paid in full" is paid ≥ charged, so a month exempted to 0 is paid in full with nothing paid.
 * - "Paid on time" is paid in full by the month's last day: the payments received by then, less the reversals of
 *   those payments (a reversal counts on the day of the entry it reverses, so a correction later takes back what it
 *   corrects and nothing else).
 * - 少交 (`reduced`): an approved reduction leaving an amount above 0; 免交 (`exempt`): one leaving 0.
 * - The rate is paid ÷ charged over the charges of the period (none: no rate); a year's figures are the sum of its
 *   months' (member counts are then member-months, 人次).
 */

/** One ledger entry of a member's month as the figures need it. */
export type CollectionEntry = {
  /** 分: positive for a payment, negative for a reversal. */
  readonly amount: Fen;
  /** The day the money was received; for a reversal, the day of the entry it reverses. */
  readonly paidOn: IsoDate;
};

/** One member's charge for a month (应缴) with the entries paid for it. */
export type MemberMonth = {
  readonly month: MonthKey;
  /** 应缴 after any approved reduction. */
  readonly amount: Fen;
  /** Whether an approved reduction (少交 or 免交) set it. */
  readonly reduced: boolean;
  readonly entries: readonly CollectionEntry[];
};

/** What one member-month comes to. */
export type MemberMonthStatus = {
  readonly charged: Fen;
  readonly paid: Fen;
  /** 欠缴: charged less paid, never below 0. */
  readonly owed: Fen;
  readonly paidInFull: boolean;
  readonly onTime: boolean;
  readonly reduced: boolean;
  readonly exempt: boolean;
};

export function memberMonthStatus(m: MemberMonth): MemberMonthStatus {
  const end = monthEnd(m.month);
  let paid = 0;
  let byEnd = 0;
  for (const e of m.entries) {
    paid += e.amount;
    if (e.paidOn <= end) byEnd += e.amount;
  }
  return {
    charged: m.amount,
    paid,
    owed: Math.max(m.amount - paid, 0),
    paidInFull: paid >= m.amount,
    onTime: byEnd >= m.amount,
    reduced: m.reduced && m.amount > 0,
    exempt: m.reduced && m.amount === 0,
  };
}

/** The figures of a set of member-months (a branch's month, a subtree, a year). */
export type CollectionFigures = {
  /** 应缴, 实缴, 欠缴 in 分. */
  readonly charged: Fen;
  readonly paid: Fen;
  readonly owed: Fen;
  /** Member-months charged, paid in full, not paid in full, paid on time, reduced (少交), exempt (免交). */
  readonly members: number;
  readonly paidInFull: number;
  readonly inArrears: number;
  readonly onTime: number;
  readonly reduced: number;
  readonly exempt: number;
};

export const NO_COLLECTION: CollectionFigures = {
  charged: 0,
  paid: 0,
  owed: 0,
  members: 0,
  paidInFull: 0,
  inArrears: 0,
  onTime: 0,
  reduced: 0,
  exempt: 0,
};

export function addCollection(a: CollectionFigures, b: CollectionFigures): CollectionFigures {
  return {
    charged: a.charged + b.charged,
    paid: a.paid + b.paid,
    owed: a.owed + b.owed,
    members: a.members + b.members,
    paidInFull: a.paidInFull + b.paidInFull,
    inArrears: a.inArrears + b.inArrears,
    onTime: a.onTime + b.onTime,
    reduced: a.reduced + b.reduced,
    exempt: a.exempt + b.exempt,
  };
}

/** One member-month's figures. */
export function figuresOf(s: MemberMonthStatus): CollectionFigures {
  return {
    charged: s.charged,
    paid: s.paid,
    owed: s.owed,
    members: 1,
    paidInFull: s.paidInFull ? 1 : 0,
    inArrears: s.paidInFull ? 0 : 1,
    onTime: s.onTime ? 1 : 0,
    reduced: s.reduced ? 1 : 0,
    exempt: s.exempt ? 1 : 0,
  };
}

/** The figures of many member-months: the naive way, and the definition the roll-up is checked against. */
export function collectionOf(months: readonly MemberMonth[]): CollectionFigures {
  return months.map((m) => figuresOf(memberMonthStatus(m))).reduce(addCollection, NO_COLLECTION);
}

/** 缴纳率: paid ÷ charged, in basis points rounded down (10000 = 100%); null when nothing was charged. */
export function collectionRateBp(f: Pick<CollectionFigures, 'charged' | 'paid'>): number | null {
  if (f.charged <= 0) return null;
  return Math.floor((f.paid * 10_000) / f.charged);
}

/** A member's year for the yearly statistics (docs/dues.md §10), from their member-months charged in it. */
export type MemberYear = {
  /** Charged at least one month of the year. */
  readonly charged: boolean;
  /** Every month charged in the year paid in full by its month's end. */
  readonly allOnTime: boolean;
  /** At least one month 少交 / 免交. */
  readonly reduced: boolean;
  readonly exempt: boolean;
};

export function memberYear(months: readonly MemberMonth[]): MemberYear {
  const statuses = months.map(memberMonthStatus);
  return {
    charged: statuses.length > 0,
    allOnTime: statuses.length > 0 && statuses.every((s) => s.onTime),
    reduced: statuses.some((s) => s.reduced),
    exempt: statuses.some((s) => s.exempt),
  };
}

/**
 * 特殊党费 of a year, kept apart from ordinary dues: counted and summed, and those marked as going wholly to the
 * centre (1,000 元 or more when received, 第十一条; the ledger records it) apart again.
 */
export function specialDuesFigures(entries: readonly { amount: Fen; toCentre: boolean }[]): {
  count: number;
  total: Fen;
  toCentreCount: number;
  toCentreTotal: Fen;
} {
  const big = entries.filter((e) => e.toCentre);
  return {
    count: entries.length,
    total: entries.reduce((s, e) => s + e.amount, 0),
    toCentreCount: big.length,
    toCentreTotal: big.reduce((s, e) => s + e.amount, 0),
  };
}
