import type { IsoDate } from '../shared/index.ts';

/**
 * A dues month (docs/dues.md §4): dues are charged and paid by the civil month, named by its key `2026-07`.
 */
export type MonthKey = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonthKey(text: string): text is MonthKey {
  return MONTH.test(text);
}

/** The month a day falls in: `2026-07-15` → `2026-07`. */
export function monthOf(day: IsoDate): MonthKey {
  return day.slice(0, 7);
}

/** The first day of a month: `2026-07` → `2026-07-01`. */
export function monthStart(month: MonthKey): IsoDate {
  return `${month}-01`;
}

/** The last day of a month: `2026-02` → `2026-02-28`. */
export function monthEnd(month: MonthKey): IsoDate {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

/** `2026-12` plus 1 → `2027-01`; negative counts go back. */
export function addMonths(month: MonthKey, count: number): MonthKey {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Months from `a` to `b` (0 when the same; negative when `b` is before `a`). */
export function monthsBetween(a: MonthKey, b: MonthKey): number {
  const [ay, am] = a.split('-').map(Number) as [number, number];
  const [by, bm] = b.split('-').map(Number) as [number, number];
  return (by - ay) * 12 + (bm - am);
}

/** Every month from `from` to `to`, both included, in order (empty when `to` is before `from`). */
export function monthRange(from: MonthKey, to: MonthKey): MonthKey[] {
  const out: MonthKey[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** `2026-07` → `2026年7月`. */
export function monthLabel(month: MonthKey): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${y}年${m}月`;
}
