import type { OrgFinding } from '../org/index.ts';
import { daysBetween, type IsoDate } from '../shared/index.ts';
import { type Fen, formatYuan } from './money.ts';
import { addMonths, type MonthKey, monthLabel, monthOf, monthStart } from './months.ts';

/**
 * Arrears (欠缴, docs/dues.md §5; 党章第九条): the months a member has not paid in full, and the consecutive run the
 * to-dos warn of. Raised, never decided: the member's status is never changed here.
 */

/** The to-dos speak from 3 months, again at 5, and at 6 ask for a 党章第九条 case (docs/dues.md §5). */
export const ARREARS_WARN_MONTHS = 3;
export const ARREARS_LAST_WARNING_MONTHS = 5;
export const ARREARS_LAPSE_MONTHS = 6;
export const ARREARS_ARTICLE = '中国共产党章程第九条';

/** A charged month as arrears see it: what was owed (after any approved reduction) and what was paid for it. */
export type ChargedMonth = { readonly month: MonthKey; readonly charged: Fen; readonly paid: Fen };

/** The `count` full months before the month of `today`, the latest first. */
export function duesMonthsBefore(today: IsoDate, count: number): MonthKey[] {
  const current = monthOf(today);
  return Array.from({ length: count }, (_, i) => addMonths(current, -(i + 1)));
}

/**
 * The consecutive months, back from the last month before the current one (the current month is not yet late), whose
 * charge is above zero and not paid in full (docs/dues.md §5), the latest first; at most `ARREARS_LAPSE_MONTHS`.
 * Nothing is skipped: a month paid in full ends the run, and so does a month with no charge (before admission,
 * 停止党籍, not on a branch's roll) and a month charged zero (免交 approved, §6) — a month with nothing to pay is not a
 * month of "not paying" (党章第九条 counts consecutive months of it), and counting through it would hold against
 * the member months the branch itself excused. Months up to `excusedThrough` (a 党章第九条 case closed with a valid
 * reason or 限期改正, docs/membership.md §6) do not count: the run starts again after it.
 */
export function arrearsRun(
  months: readonly ChargedMonth[],
  today: IsoDate,
  excusedThrough: MonthKey | null = null,
): ChargedMonth[] {
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const run: ChargedMonth[] = [];
  for (const key of duesMonthsBefore(today, ARREARS_LAPSE_MONTHS)) {
    if (excusedThrough !== null && key <= excusedThrough) break;
    const m = byMonth.get(key);
    if (!m || m.charged <= 0 || m.paid >= m.charged) break;
    run.push(m);
  }
  return run;
}

/** Every month charged before the current one and not paid in full (欠缴), the earliest first, and their total. */
export function arrearsOf(
  months: readonly ChargedMonth[],
  today: IsoDate,
): { readonly months: readonly MonthKey[]; readonly total: Fen } {
  const current = monthOf(today);
  const owing = months
    .filter((m) => m.month < current && m.charged > 0 && m.paid < m.charged)
    .sort((a, b) => (a.month < b.month ? -1 : 1));
  return { months: owing.map((m) => m.month), total: owing.reduce((s, m) => s + m.charged - m.paid, 0) };
}

/**
 * The to-do about a member's arrears (docs/dues.md §5): a warning from 3 consecutive months (to remind them; at 5,
 * that the sixth comes next), and at 6 a critical one asking the branch to open a 党章第九条 case, for the 支部大会 to
 * decide whether to treat it as 自行脱党, with the approval of the level above. Never a status change.
 */
export function arrearsFinding(
  member: { readonly id: number; readonly name: string },
  months: readonly ChargedMonth[],
  today: IsoDate,
  excusedThrough: MonthKey | null = null,
): OrgFinding | null {
  const run = arrearsRun(months, today, excusedThrough);
  if (run.length < ARREARS_WARN_MONTHS) return null;
  const first = (run.at(-1) as ChargedMonth).month;
  const last = (run[0] as ChargedMonth).month;
  const span = `${monthLabel(first)}至${monthLabel(last)}`;
  const owed = formatYuan(run.reduce((s, m) => s + m.charged - m.paid, 0));
  const since = monthStart(first);
  const subject = { type: 'member' as const, id: member.id, name: member.name };
  const common = { article: ARREARS_ARTICLE, date: since, days: daysBetween(since, today), subject };
  if (run.length >= ARREARS_LAPSE_MONTHS)
    return {
      kind: 'dues_lapse',
      severity: 'critical',
      message: `${member.name}已连续${run.length}个月未交纳党费（${span}，欠缴${owed}元），请立案办理（党员信息页“自行脱党情形”），由支部大会讨论是否按自行脱党处理并报上级党组织批准（党章第九条）；系统不会更改其党籍状态`,
      ...common,
    };
  return {
    kind: 'dues_arrears',
    severity: 'warning',
    message: `${member.name}已连续${run.length}个月未交纳党费（${span}，欠缴${owed}元），请提醒督促交纳${run.length === ARREARS_LAST_WARNING_MONTHS ? '；再有一个月未交将满六个月（党章第九条）' : ''}`,
    ...common,
  };
}
