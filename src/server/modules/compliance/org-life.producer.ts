import {
  absenceFinding,
  complianceTodos,
  evaluateSubPeriods,
  monthsBefore,
  periodContaining,
  periodEnd,
  periodStart,
  todoPeriods,
} from '../../../domain/org-life/index.ts';
import { addDays } from '../../../domain/shared/index.ts';
import type { LocatedFinding, TodoProducer } from '../../todos/index.ts';
import { firstMeetingDays, memberMonths } from './absence.repo.ts';
import { loadInputs } from './inputs.repo.ts';
import { loadRuleSets } from './rollup.repo.ts';

/**
 * 组织生活即将到期 / 未达要求 / 已召开未办结 (docs/organizational-life.md §6, §7.3): a 党支部's shortfalls as its
 * to-dos, judged by the domain on the day. They begin with the branch's first recorded meeting, so that a deployment
 * starting to record organizational life is not handed every past month as a shortfall (the compliance pages judge
 * every period).
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
    const sets = await loadRuleSets(db);
    const kinds = [...new Set(sets.flatMap((s) => s.requirements.flatMap((r) => [...r.appliesTo])))];
    const periods = todoPeriods(date);
    const from = periods.map(periodStart).reduce((a, b) => (a < b ? a : b), date);
    const to = periods.map(periodEnd).reduce((a, b) => (a > b ? a : b), date);
    const out: LocatedFinding[] = [];
    for (const { org, meetings, exemptions } of await loadInputs(db, { ids, kinds }, from, to)) {
      if (org.dissolvedOn !== null && org.dissolvedOn <= date) continue;
      const since = periodStart(periodContaining(firsts.get(Number(org.id)) ?? date, 'month'));
      const findings = evaluateSubPeriods(org, periods, meetings, sets, {
        today: date,
        exemptions,
      }).findings.filter((f) => periodStart(f.period) >= since);
      for (const finding of complianceTodos(findings, date)) out.push({ orgId: Number(org.id), finding });
    }
    return out;
  },
};

/**
 * 党员长期未参加组织生活 (docs/organizational-life.md §6, 党章第九条): warned at 3 and 5 months on the branch's
 * to-dos, and at 6 a critical one asking the 支部大会 to decide; the member's status is never changed.
 */
export const absenceTodosProducer: TodoProducer = {
  name: 'compliance.absence',
  kinds: ['org_life_absent', 'org_life_lapse'],
  severities: ['warning', 'critical'],
  article: 'docs/organizational-life.md §6',
  inputs: ['meetings', 'members', 'org'],
  dated: true,
  async produce({ db }, { orgs, date }) {
    if (orgs !== 'all' && orgs.length === 0) return [];
    const months = monthsBefore(date, 6);
    const from = `${months.at(-1)}-01`;
    const before = addDays(periodEnd(periodContaining(`${months[0]}-01`, 'month')), 1);
    const out: LocatedFinding[] = [];
    for (const m of await memberMonths(db, orgs, from, `${months[0]}-01`, before)) {
      const finding = absenceFinding({ id: m.memberId, name: m.name }, m.months, date);
      if (finding) out.push({ orgId: m.branchId, finding });
    }
    return out;
  },
};
