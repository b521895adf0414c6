import {
  absenceFinding,
  type ComplianceFindingKind,
  type CompliancePeriod,
  type ComplianceRuleSet,
  complianceTodos,
  evaluateSubPeriods,
  figuresOfUnits,
  monthsBefore,
  periodContaining,
  periodEnd,
  periodKey,
  periodStart,
  todoPeriods,
} from '../../../domain/org-life/index.ts';
import { addDays, type IsoDate, maxDate, minDate } from '../../../domain/shared/index.ts';
import type { Db } from '../../db/client.ts';
import type { LocatedFinding, TodoProducer } from '../../todos/index.ts';
import { lapseCaseState } from '../lapse-cases/index.ts';
import { firstMeetingDays, memberMonths } from './absence.repo.ts';
import { loadInputs } from './inputs.repo.ts';
import { loadRuleSets, shortfallUnits } from './rollup.repo.ts';
import { keepRollupCurrentIn, kindsOf } from './rollup.service.ts';

/**
 * 组织生活即将到期 / 未达要求 / 已召开未办结 (docs/organizational-life.md §6, §7.3): a 党支部's shortfalls as its
 * to-dos, judged by the domain on the day. They begin with the branch's first recorded meeting, so that a deployment
 * starting to record organizational life is not handed every past month as a shortfall (the compliance pages judge
 * every period). A write's few branches are judged from their meetings; the daily pass (every branch) counts the
 * shortfalls in the roll-up and judges only the periods of the first ones (fromRollup).
 */
export const complianceTodosProducer: TodoProducer = {
  name: 'compliance.requirements',
  kinds: ['org_life_due', 'org_life_missing', 'org_life_not_closed'],
  severities: ['warning', 'critical'],
  article: 'docs/organizational-life.md §6',
  inputs: ['meetings', 'org', 'posts'],
  // Periods end and reminders begin with the date alone.
  dated: true,
  async produce({ db }, { orgs, date }) {
    if (orgs !== 'all' && orgs.length === 0) return [];
    const firsts = await firstMeetingDays(db, orgs);
    const ids = orgs === 'all' ? ([...firsts.keys()] as number[]) : orgs.filter((id) => firsts.has(id));
    if (ids.length === 0) return [];
    const since = new Map(
      ids.map((id) => [id, periodStart(periodContaining(firsts.get(id) ?? date, 'month'))] as const),
    );
    const sets = await loadRuleSets(db);
    return orgs === 'all' ? fromRollup(db, since, sets, date) : judged(db, since, sets, date);
  },
};

/** Whether shortfall period `a` comes before `b` on the to-do: the earlier end, then the earlier one judged. */
type Placed = { readonly period: CompliancePeriod; readonly order: number; readonly end: IsoDate };
const before = (a: Placed, b: Placed) => a.end < b.end || (a.end === b.end && a.order < b.order);

/**
 * The requirements' to-dos of every branch judged from its meetings, as the daily pass did before it counted them in
 * the roll-up: the benchmark times it beside the daily pass and checks both equal.
 */
export async function judgedComplianceTodos(db: Db, date: IsoDate): Promise<LocatedFinding[]> {
  const firsts = await firstMeetingDays(db, 'all');
  if (firsts.size === 0) return [];
  const since = new Map(
    [...firsts].map(([id, first]) => [id, periodStart(periodContaining(first, 'month'))] as const),
  );
  return judged(db, since, await loadRuleSets(db), date);
}

/** The branches `since` names (each with the first day its to-dos look at), judged on `date` from their meetings. */
async function judged(
  db: Db,
  since: ReadonlyMap<number, IsoDate>,
  sets: readonly ComplianceRuleSet[],
  date: IsoDate,
): Promise<LocatedFinding[]> {
  const periods = todoPeriods(date);
  const from = periods.map(periodStart).reduce(minDate, date);
  const to = periods.map(periodEnd).reduce(maxDate, date);
  const out: LocatedFinding[] = [];
  const selection = { ids: [...since.keys()], kinds: kindsOf(sets) };
  for (const { org, meetings, exemptions } of await loadInputs(db, selection, from, to)) {
    if (org.dissolvedOn !== null && org.dissolvedOn <= date) continue;
    const first = since.get(Number(org.id)) ?? date;
    const findings = evaluateSubPeriods(org, periods, meetings, sets, {
      today: date,
      exemptions,
    }).findings.filter((f) => periodStart(f.period) >= first);
    for (const finding of complianceTodos(findings, date)) out.push({ orgId: Number(org.id), finding });
  }
  return out;
}

/**
 * The daily pass (docs/organizational-life.md §7.5): the roll-up, brought up to date in this transaction for the
 * years of the to-do periods, holds per branch and period the requirements unmet and not closed as if the period were
 * over; judged on `date` (figuresOfUnits) they are how many to-dos of each kind the evaluation gives. Only the period
 * of each kind's first shortfall (the earliest to end; of two ending together, the one judged first) is then judged
 * from the branch's meetings, for the message naming it; the count comes from the roll-up. Branches with no
 * shortfall cost their few rows; a year the roll-up does not hold yet is computed for every org first (once a year,
 * only when some branch's to-dos reach into it).
 */
async function fromRollup(
  db: Db,
  since: ReadonlyMap<number, IsoDate>,
  sets: readonly ComplianceRuleSet[],
  date: IsoDate,
): Promise<LocatedFinding[]> {
  const earliest = [...since.values()].reduce(minDate);
  const periods = todoPeriods(date)
    .map((period, order) => ({ period, order, end: periodEnd(period) }))
    .filter((p) => periodStart(p.period) >= earliest);
  if (periods.length === 0) return [];
  await keepRollupCurrentIn({ db }, [...new Set(periods.map((p) => p.period.year))]);
  const byKey = new Map(periods.map((p) => [periodKey(p.period), p]));
  type Tally = { counts: Record<ComplianceFindingKind, number>; firsts: Map<ComplianceFindingKind, Placed> };
  const tallies = new Map<number, Tally>();
  for (const unit of await shortfallUnits(db, [...byKey.keys()], date)) {
    const first = since.get(unit.orgId);
    const at = byKey.get(unit.periodKey);
    if (first === undefined || at === undefined || periodStart(at.period) < first) continue;
    const figures = figuresOfUnits(unit, at.period, sets, date);
    for (const [kind, n] of [
      ['missing', figures.missing],
      ['not_closed', figures.notClosed],
      ['due', figures.due],
    ] as const) {
      if (n === 0) continue;
      let tally = tallies.get(unit.orgId);
      if (!tally) {
        tally = { counts: { missing: 0, not_closed: 0, due: 0 }, firsts: new Map() };
        tallies.set(unit.orgId, tally);
      }
      tally.counts[kind] += n;
      const current = tally.firsts.get(kind);
      if (!current || before(at, current)) tally.firsts.set(kind, at);
    }
  }
  if (tallies.size === 0) return [];
  const judge = new Map<number, CompliancePeriod[]>();
  const spans = new Map<number, { from: IsoDate; to: IsoDate }>();
  for (const [orgId, { firsts }] of tallies) {
    const placed = [...new Set(firsts.values())].sort((a, b) => a.order - b.order);
    judge.set(
      orgId,
      placed.map((p) => p.period),
    );
    spans.set(orgId, {
      from: placed.map((p) => periodStart(p.period)).reduce(minDate),
      to: placed.map((p) => p.end).reduce(maxDate),
    });
  }
  const from = [...spans.values()].map((s) => s.from).reduce(minDate);
  const to = [...spans.values()].map((s) => s.to).reduce(maxDate);
  const out: LocatedFinding[] = [];
  const selection = { ids: [...spans.keys()], kinds: kindsOf(sets), spans };
  for (const { org, meetings, exemptions } of await loadInputs(db, selection, from, to)) {
    const orgId = Number(org.id);
    const tally = tallies.get(orgId);
    const subs = judge.get(orgId);
    if (!tally || !subs || (org.dissolvedOn !== null && org.dissolvedOn <= date)) continue;
    const { findings } = evaluateSubPeriods(org, subs, meetings, sets, { today: date, exemptions });
    for (const finding of complianceTodos(findings, date, tally.counts)) out.push({ orgId, finding });
  }
  return out;
}

/**
 * 党员长期未参加组织生活 (docs/organizational-life.md §6, 党章第九条): warned at 3 and 5 months on the branch's
 * to-dos, and at 6 a critical one asking the branch to open a 党章第九条 case for the 支部大会 to decide; none while
 * a case is open, and months a closed case excused do not count (docs/membership.md §6). The member's status is
 * never changed.
 */
export const absenceTodosProducer: TodoProducer = {
  name: 'compliance.absence',
  kinds: ['org_life_absent', 'org_life_lapse'],
  severities: ['warning', 'critical'],
  article: 'docs/organizational-life.md §6',
  inputs: ['meetings', 'members', 'org', 'lapse_cases'],
  dated: true,
  async produce({ db }, { orgs, date }) {
    if (orgs !== 'all' && orgs.length === 0) return [];
    const months = monthsBefore(date, 6);
    const from = `${months.at(-1)}-01`;
    const before = addDays(periodEnd(periodContaining(`${months[0]}-01`, 'month')), 1);
    const out: LocatedFinding[] = [];
    const idle = await memberMonths(db, orgs, from, `${months[0]}-01`, before);
    // A 党章第九条 case (docs/membership.md §6): none while one is open; months a closed one excused do not count.
    const cases = await lapseCaseState(
      db,
      'org_life_absence',
      idle.map((m) => m.memberId),
    );
    for (const m of idle) {
      const state = cases.get(m.memberId);
      if (state?.open) continue;
      const finding = absenceFinding(
        { id: m.memberId, name: m.name },
        m.months,
        date,
        state?.excusedThrough ?? null,
      );
      if (finding) out.push({ orgId: m.branchId, finding });
    }
    return out;
  },
};
