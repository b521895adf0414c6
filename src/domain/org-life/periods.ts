import { addDays, daysBetween, type IsoDate } from '../shared/index.ts';

/**
 * Compliance periods (docs/organizational-life.md §7.1): the calendar month, quarter or year a requirement is
 * counted in. Quarters are the civil ones (一季度 = 1–3月 …); a period is closed on its last day inclusive.
 */
export type Cadence = 'month' | 'quarter' | 'year';
export type MonthPeriod = { readonly year: number; readonly month: number };
export type QuarterPeriod = { readonly year: number; readonly quarter: number };
export type YearPeriod = { readonly year: number };
export type CompliancePeriod = MonthPeriod | QuarterPeriod | YearPeriod;

export function cadenceOf(period: CompliancePeriod): Cadence {
  if ('month' in period) return 'month';
  if ('quarter' in period) return 'quarter';
  return 'year';
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function monthsOf(period: CompliancePeriod): [first: number, last: number] {
  if ('month' in period) return [period.month, period.month];
  if ('quarter' in period) return [period.quarter * 3 - 2, period.quarter * 3];
  return [1, 12];
}

function checkPeriod(period: CompliancePeriod): void {
  const ok =
    Number.isInteger(period.year) &&
    period.year >= 1 &&
    period.year <= 9999 &&
    (!('month' in period) || (Number.isInteger(period.month) && period.month >= 1 && period.month <= 12)) &&
    (!('quarter' in period) ||
      (Number.isInteger(period.quarter) && period.quarter >= 1 && period.quarter <= 4));
  if (!ok) throw new Error(`not a compliance period: ${JSON.stringify(period)}`);
}

export function periodStart(period: CompliancePeriod): IsoDate {
  checkPeriod(period);
  return `${pad(period.year, 4)}-${pad(monthsOf(period)[0])}-01`;
}

export function periodEnd(period: CompliancePeriod): IsoDate {
  checkPeriod(period);
  const last = monthsOf(period)[1];
  const firstOfNext =
    last === 12 ? `${pad(period.year + 1, 4)}-01-01` : `${pad(period.year, 4)}-${pad(last + 1)}-01`;
  return addDays(firstOfNext, -1);
}

/** Days in the period, both ends included. */
export function periodLength(period: CompliancePeriod): number {
  return daysBetween(periodStart(period), periodEnd(period)) + 1;
}

export function periodContains(period: CompliancePeriod, date: IsoDate): boolean {
  return periodStart(period) <= date && date <= periodEnd(period);
}

/** The period of a cadence that contains a date. */
export function periodContaining(date: IsoDate, cadence: Cadence): CompliancePeriod {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (cadence === 'month') return { year, month };
  if (cadence === 'quarter') return { year, quarter: Math.ceil(month / 3) };
  return { year };
}

/** The periods of a cadence from the one containing `from` to the one containing `to`, in order. */
export function periodsOf(from: IsoDate, to: IsoDate, cadence: Cadence): CompliancePeriod[] {
  const out: CompliancePeriod[] = [];
  if (to < from) return out;
  let period = periodContaining(from, cadence);
  while (periodStart(period) <= to) {
    out.push(period);
    period = periodContaining(addDays(periodEnd(period), 1), cadence);
  }
  return out;
}

/** The periods of a cadence that lie wholly inside `period` (the months of a quarter); none when coarser. */
export function periodsWithin(period: CompliancePeriod, cadence: Cadence): CompliancePeriod[] {
  const rank: Record<Cadence, number> = { month: 0, quarter: 1, year: 2 };
  if (rank[cadence] > rank[cadenceOf(period)]) return [];
  return periodsOf(periodStart(period), periodEnd(period), cadence);
}

/**
 * Days from `today` to the period's last day (0 on that day, negative once it is over). The reminder of a
 * requirement still missing is given when this is between 0 and the configured days (15 by default, CFG).
 */
export function daysLeft(period: CompliancePeriod, today: IsoDate): number {
  return daysBetween(today, periodEnd(period));
}

export function isReminderDue(period: CompliancePeriod, today: IsoDate, reminderDays: number): boolean {
  const left = daysLeft(period, today);
  return left >= 0 && left <= reminderDays;
}

/** A stable key: `2026`, `2026-Q1`, `2026-03`. */
export function periodKey(period: CompliancePeriod): string {
  checkPeriod(period);
  if ('month' in period) return `${pad(period.year, 4)}-${pad(period.month)}`;
  if ('quarter' in period) return `${pad(period.year, 4)}-Q${period.quarter}`;
  return pad(period.year, 4);
}

/** The period of a key written by periodKey, or null. */
export function parsePeriodKey(key: string): CompliancePeriod | null {
  const m = /^(\d{4})(?:-(?:Q([1-4])|(0[1-9]|1[0-2])))?$/.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1) return null;
  if (m[2]) return { year, quarter: Number(m[2]) };
  if (m[3]) return { year, month: Number(m[3]) };
  return { year };
}

/** `2026年3月`, `2026年第一季度`, `2026年`. */
export function periodLabel(period: CompliancePeriod): string {
  checkPeriod(period);
  if ('month' in period) return `${period.year}年${period.month}月`;
  if ('quarter' in period) return `${period.year}年第${'一二三四'[period.quarter - 1]}季度`;
  return `${period.year}年`;
}
