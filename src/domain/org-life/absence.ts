import type { OrgFinding } from '../org/index.ts';
import { addDays, daysBetween, type IsoDate } from '../shared/index.ts';
import { periodContaining, periodKey, periodLabel, periodStart } from './periods.ts';

/**
 * A member's organizational life month by month (docs/organizational-life.md §6): the meetings they were 应到会 at
 * (not taken out of it for a listed reason) and those they took part in — present, or on leave or absent with a
 * 补课 recorded.
 */
export type MemberMonth = { readonly month: string; readonly expected: number; readonly tookPart: number };

/** How many months a member may go without before the to-dos speak (docs/organizational-life.md §6). */
export const ABSENCE_WARN_MONTHS = 3;
/** 党章第九条: six consecutive months without a valid reason is a 自行脱党 case for the 支部大会. */
export const ABSENCE_LAPSE_MONTHS = 6;
export const ABSENCE_ARTICLE = '中国共产党章程第九条';

/** The month keys (`2026-05`) of the `count` full months before the month of `today`, the latest first. */
export function monthsBefore(today: IsoDate, count: number): string[] {
  const out: string[] = [];
  let day = addDays(periodStart(periodContaining(today, 'month')), -1);
  for (let i = 0; i < count; i++) {
    const month = periodContaining(day, 'month');
    out.push(periodKey(month));
    day = addDays(periodStart(month), -1);
  }
  return out;
}

/**
 * Consecutive full months, back from the last one before `today`, in which the member was 应到会 somewhere and took
 * part nowhere (docs/organizational-life.md §6, 党章第九条). A month with no meeting to attend ends the run: the
 * software never counts against a member the meetings their branch did not hold. At most `ABSENCE_LAPSE_MONTHS`
 * months are looked at. Months up to `excusedThrough` (the end of a run a 党章第九条 case closed with a valid reason or
 * 限期改正, docs/membership.md §6) do not count: the run restarts after it.
 */
export function monthsWithoutOrgLife(
  months: readonly MemberMonth[],
  today: IsoDate,
  excusedThrough: string | null = null,
): number {
  const byMonth = new Map(months.map((m) => [m.month, m]));
  let run = 0;
  for (const key of monthsBefore(today, ABSENCE_LAPSE_MONTHS)) {
    if (excusedThrough !== null && key <= excusedThrough) break;
    const m = byMonth.get(key);
    if (!m || m.expected === 0 || m.tookPart > 0) break;
    run++;
  }
  return run;
}

/**
 * The to-do about a member without organizational life (docs/organizational-life.md §6): a warning from 3 months
 * (to talk with them; at 5, that the sixth month comes next), and at 6 a critical one asking the 支部大会 to decide
 * whether to treat it as 自行脱党 (党章第九条), by a case opened from the member's page (docs/membership.md §6). Raised,
 * never decided: the member's status is never changed here. Months a closed case excused do not count.
 */
export function absenceFinding(
  member: { readonly id: number; readonly name: string },
  months: readonly MemberMonth[],
  today: IsoDate,
  excusedThrough: string | null = null,
): OrgFinding | null {
  const run = monthsWithoutOrgLife(months, today, excusedThrough);
  if (run < ABSENCE_WARN_MONTHS) return null;
  const keys = monthsBefore(today, run);
  const first = keys.at(-1) as string;
  const [y, m] = first.split('-').map(Number) as [number, number];
  const since = periodStart({ year: y, month: m });
  const last = keys[0] as string;
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  const span = `${periodLabel({ year: y, month: m })}至${periodLabel({ year: ly, month: lm })}`;
  const subject = { type: 'member' as const, id: member.id, name: member.name };
  const days = daysBetween(since, today);
  if (run >= ABSENCE_LAPSE_MONTHS)
    return {
      kind: 'org_life_lapse',
      severity: 'critical',
      message: `${member.name}已连续${run}个月未参加党的组织生活（${span}），请立案办理（党员信息页“自行脱党情形”），由支部大会讨论是否按自行脱党处理（党章第九条）；系统不会更改其党籍状态`,
      article: ABSENCE_ARTICLE,
      date: since,
      days,
      subject,
    };
  return {
    kind: 'org_life_absent',
    severity: 'warning',
    message: `${member.name}已连续${run}个月未参加党的组织生活（${span}），请谈心谈话、督促参加${run === ABSENCE_LAPSE_MONTHS - 1 ? '；再有一个月将满六个月' : ''}`,
    article: ABSENCE_ARTICLE,
    date: since,
    days,
    subject,
  };
}
