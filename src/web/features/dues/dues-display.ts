import { formatYuan, isMonthKey } from '../../../domain/dues/index.ts';

/** 分 as 元 for the pages: `123456` → `'1,234.56'`. */
export const yuanText = (fen: number) => formatYuan(fen);

/** 缴纳率 from basis points: `7818` → `'78.18%'`; `—` when nothing was charged. */
export function rateText(bp: number | null): string {
  if (bp === null) return '—';
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
}

/** The month a page opens on, from `?month=` or the current month. */
export function monthFromSearch(value: string | null, thisMonth: string): string {
  return value && isMonthKey(value) ? value : thisMonth;
}

/** The period of the summary page, from `?period=` (a month or a year) or the current month. */
export function periodFromSearch(value: string | null, thisMonth: string): string {
  if (value && (isMonthKey(value) || /^(20\d\d|2100)$/.test(value))) return value;
  return thisMonth;
}

/** An org id from the address, or undefined. */
export function orgIdFromSearch(value: string | null): number | undefined {
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : undefined;
}
