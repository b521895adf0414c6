import type { FindingKind, OrgFinding, Severity } from '../org/index.ts';
import { addDays, daysBetween, type IsoDate } from '../shared/index.ts';
import type { ComplianceFinding, ComplianceFindingKind } from './compliance.ts';
import { subPeriodsOf } from './compliance-rollup.ts';
import { type CompliancePeriod, periodEnd, periodStart } from './periods.ts';

/** The to-do kind and severity of each compliance finding (docs/organizational-life.md §6, §7.3). */
export const COMPLIANCE_TODOS: Record<ComplianceFindingKind, { kind: FindingKind; severity: Severity }> = {
  due: { kind: 'org_life_due', severity: 'warning' },
  missing: { kind: 'org_life_missing', severity: 'critical' },
  not_closed: { kind: 'org_life_not_closed', severity: 'warning' },
};

/** A shortfall stays on the to-do list for this many days after its period ended (the next quarter). */
export const MISSING_KEPT_DAYS = 92;

/**
 * The periods a branch's to-dos look at on `today` (docs/organizational-life.md §6): those of this year (and last
 * year's) that have begun and whose shortfalls are still kept — a month, quarter or year ended at most
 * MISSING_KEPT_DAYS ago, or not yet ended. Only these are judged: the daily pass re-judges every branch.
 */
export function todoPeriods(today: IsoDate): CompliancePeriod[] {
  const year = Number(today.slice(0, 4));
  return [...subPeriodsOf({ year: year - 1 }), ...subPeriodsOf({ year })].filter(
    (p) => periodStart(p) <= today && addDays(periodEnd(p), MISSING_KEPT_DAYS) >= today,
  );
}

/**
 * A branch's compliance findings as its to-dos (docs/organizational-life.md §6): one per kind — 即将到期
 * (“本季度支部党员大会尚未召开”, the reminder days before the period ends), 未达要求 (kept for the quarter after the
 * period ended) and 已召开未办结 — each naming the first shortfall and how many more there are. `counts`, when given,
 * says how many shortfalls of a kind there are when `findings` holds only the first of them (the daily pass counts
 * them in the roll-up and judges only the periods of the first ones).
 */
export function complianceTodos(
  findings: readonly ComplianceFinding[],
  today: IsoDate,
  counts?: Partial<Record<ComplianceFindingKind, number>>,
): OrgFinding[] {
  const kept = findings.filter(
    (f) => f.kind !== 'missing' || addDays(periodEnd(f.period), MISSING_KEPT_DAYS) >= today,
  );
  const out: OrgFinding[] = [];
  for (const kind of ['missing', 'not_closed', 'due'] as const) {
    const of = kept
      .filter((f) => f.kind === kind)
      .sort((a, b) => periodEnd(a.period).localeCompare(periodEnd(b.period)));
    const first = of[0];
    if (!first) continue;
    const count = counts?.[kind] ?? of.length;
    const date = kind === 'missing' ? periodEnd(first.period) : periodStart(first.period);
    out.push({
      ...COMPLIANCE_TODOS[kind],
      message: count > 1 ? `${first.message}等${count}项` : first.message,
      article: first.article,
      date,
      days: kind === 'due' ? daysBetween(periodEnd(first.period), today) : daysBetween(date, today),
    });
  }
  return out;
}
