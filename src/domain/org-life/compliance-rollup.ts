import { addDays, type IsoDate } from '../shared/index.ts';
import {
  type ComplianceMeeting,
  type ComplianceOptions,
  type ComplianceOrg,
  type ComplianceResult,
  complianceRate,
  evaluateCompliance,
} from './compliance.ts';
import { type ComplianceRuleSet, ruleSetInForce } from './compliance-rules.ts';
import {
  type Cadence,
  type CompliancePeriod,
  cadenceOf,
  periodEnd,
  periodKey,
  periodStart,
  periodsWithin,
} from './periods.ts';

/**
 * The periods of every cadence lying wholly inside `period` (docs/organizational-life.md §7.3, §7.5): a quarter's
 * three months and itself; a year's twelve months, four quarters and itself; a month itself. Each is judged with
 * the requirements of its own cadence and the version of the rules in force on its first day.
 */
export function subPeriodsOf(period: CompliancePeriod): CompliancePeriod[] {
  const key = periodKey(period);
  let subs = subPeriodsMemo.get(key);
  if (subs === undefined) {
    subs = (['month', 'quarter', 'year'] as const satisfies readonly Cadence[]).flatMap((c) =>
      periodsWithin(period, c),
    );
    if (subPeriodsMemo.size >= 1_000) subPeriodsMemo.clear();
    subPeriodsMemo.set(key, subs);
  }
  return subs;
}
/** Remembered: the roll-up asks for the same year's periods for every org. */
const subPeriodsMemo = new Map<string, CompliancePeriod[]>();

/** The rule set of one sub-period, narrowed to the requirements of its cadence; null before the first version. */
function rulesOf(sets: readonly ComplianceRuleSet[], sub: CompliancePeriod): ComplianceRuleSet | null {
  const set = ruleSetInForce(sets, periodStart(sub));
  if (set === null) return null;
  const cadence = cadenceOf(sub);
  return { ...set, requirements: set.requirements.filter((r) => r.cadence === cadence) };
}

/**
 * An org judged for a period across versions of the rules (docs/organizational-life.md §7.2, §7.3): each period
 * of a requirement's cadence inside `period` by the version in force on its own first day, so that the rules never
 * change inside the period a requirement is counted in. With one version, the same as evaluateCompliance.
 */
export function evaluateOrgPeriod(
  org: ComplianceOrg,
  period: CompliancePeriod,
  meetings: readonly ComplianceMeeting[],
  sets: readonly ComplianceRuleSet[],
  options: ComplianceOptions,
): ComplianceResult {
  return evaluateSubPeriods(org, subPeriodsOf(period), meetings, sets, options);
}

/** The same for a list of sub-periods (each judged by its cadence's requirements and its own version). */
export function evaluateSubPeriods(
  org: ComplianceOrg,
  subs: readonly CompliancePeriod[],
  meetings: readonly ComplianceMeeting[],
  sets: readonly ComplianceRuleSet[],
  options: ComplianceOptions,
): ComplianceResult {
  const out = { findings: [] as ComplianceResult['findings'][number][], checks: 0, met: 0 };
  const skipped: ComplianceResult['skipped'][number][] = [];
  for (const sub of subs) {
    const rules = rulesOf(sets, sub);
    if (rules === null) continue;
    const r = evaluateCompliance(org, sub, meetings, rules, options);
    out.findings.push(...r.findings);
    out.checks += r.checks;
    out.met += r.met;
    skipped.push(...r.skipped);
  }
  return { ...out, skipped };
}

/**
 * What the roll-up keeps of one org for one sub-period (docs/organizational-life.md §7.5): the requirements met,
 * those unmet with meetings held but not closed, and those unmet with none — as if the period were over, so that it
 * never changes with the date (figuresOfUnits applies the day).
 */
export type ComplianceUnit = {
  readonly periodKey: string;
  readonly met: number;
  readonly notClosed: number;
  readonly unmet: number;
};

/** Past every period: the day a unit is judged as if over. */
const THE_END: IsoDate = '9999-12-31';

/** The units of an org for every sub-period of `period` that has something to judge. */
export function complianceUnits(
  org: ComplianceOrg,
  period: CompliancePeriod,
  meetings: readonly ComplianceMeeting[],
  sets: readonly ComplianceRuleSet[],
  exemptions: ComplianceOptions['exemptions'],
): ComplianceUnit[] {
  const units: ComplianceUnit[] = [];
  for (const sub of subPeriodsOf(period)) {
    const rules = rulesOf(sets, sub);
    if (rules === null || rules.requirements.length === 0) continue;
    const r = evaluateCompliance(org, sub, meetings, rules, {
      today: THE_END,
      ...(exemptions ? { exemptions } : {}),
    });
    const notClosed = r.findings.filter((f) => f.kind === 'not_closed').length;
    const unmet = r.findings.filter((f) => f.kind === 'missing').length;
    if (r.met + notClosed + unmet > 0)
      units.push({ periodKey: periodKey(sub), met: r.met, notClosed, unmet });
  }
  return units;
}

/** The figures of a subtree or an org for a period, as every page shows them. */
export type ComplianceFigures = {
  readonly checks: number;
  readonly met: number;
  readonly missing: number;
  readonly notClosed: number;
  readonly due: number;
};

export const NO_FIGURES: ComplianceFigures = { checks: 0, met: 0, missing: 0, notClosed: 0, due: 0 };

/**
 * The rate of figures (docs/organizational-life.md §7.3): met over judged, null when nothing was judged yet (a
 * period not begun, an org with no requirement) — the one definition every page and the heat map show.
 */
export function figuresRate(f: Pick<ComplianceFigures, 'checks' | 'met'>): number | null {
  return f.checks === 0 ? null : complianceRate(f);
}

export function addFigures(a: ComplianceFigures, b: ComplianceFigures): ComplianceFigures {
  return {
    checks: a.checks + b.checks,
    met: a.met + b.met,
    missing: a.missing + b.missing,
    notClosed: a.notClosed + b.notClosed,
    due: a.due + b.due,
  };
}

/** The figures of an evaluation (evaluateOrgPeriod): what the naive way answers. */
export function figuresOf(result: ComplianceResult): ComplianceFigures {
  const count = (k: string) => result.findings.filter((f) => f.kind === k).length;
  return {
    checks: result.checks,
    met: result.met,
    missing: count('missing'),
    notClosed: count('not_closed'),
    due: count('due'),
  };
}

/**
 * Units summed over a subtree for one sub-period, judged on `today` (docs/organizational-life.md §7.3): nothing
 * before the period begins; met counts as judged; an unmet one is judged (`missing`) once the period is over, `due`
 * within the reminder days, and one with meetings not closed is `not_closed` throughout. Equal to figuresOf of the
 * evaluation on `today` of the orgs whose units were summed.
 */
export function figuresOfUnits(
  units: Pick<ComplianceUnit, 'met' | 'notClosed' | 'unmet'>,
  sub: CompliancePeriod,
  sets: readonly ComplianceRuleSet[],
  today: IsoDate,
): ComplianceFigures {
  const rules = ruleSetInForce(sets, periodStart(sub));
  if (rules === null || today < periodStart(sub)) return NO_FIGURES;
  const end = periodEnd(sub);
  const over = today > end;
  const due = !over && today >= addDays(end, -rules.reminderDays);
  return {
    checks: units.met + (over ? units.notClosed + units.unmet : 0),
    met: units.met,
    missing: over ? units.unmet : 0,
    notClosed: units.notClosed,
    due: due ? units.unmet : 0,
  };
}
