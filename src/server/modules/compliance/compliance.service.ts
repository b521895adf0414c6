import type { z } from 'zod';
import type { ComplianceView, HeatmapView } from '../../../contracts/compliance.ts';
import {
  addFigures,
  type ComplianceFigures,
  type ComplianceRuleSet,
  evaluateOrgPeriod,
  figuresOfUnits,
  NO_FIGURES,
  parsePeriodKey,
  periodEnd,
  periodKey,
  periodLabel,
  periodStart,
  periodsWithin,
  subPeriodsOf,
} from '../../../domain/org-life/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { canAt, orgIn, scopeFor } from '../../access/index.ts';
import type { Ctx } from '../../context.ts';
import type { OrgRef } from '../../db/org-refs.ts';
import { invalidInput } from '../../errors.ts';
import { childrenOf, closedMeetingsOf } from './compliance.repo.ts';
import { figuresView, findingView, meetingIssueViews } from './compliance.views.ts';
import { loadInputs } from './inputs.repo.ts';
import { loadRuleSets, type NodeSum, ownSums, subtreeSums } from './rollup.repo.ts';
import { keepRollupCurrent, kindsOf } from './rollup.service.ts';

/** Figures per node (the org itself, or a direct child's subtree) and per period key, judged on `today`. */
function figuresByNode(
  sums: readonly NodeSum[],
  sets: readonly ComplianceRuleSet[],
  today: IsoDate,
): Map<number, Map<string, ComplianceFigures>> {
  const out = new Map<number, Map<string, ComplianceFigures>>();
  for (const s of sums) {
    const period = parsePeriodKey(s.periodKey);
    if (period === null) continue;
    const f = figuresOfUnits(s, period, sets, today);
    const node = out.get(s.orgId) ?? new Map<string, ComplianceFigures>();
    node.set(s.periodKey, addFigures(node.get(s.periodKey) ?? NO_FIGURES, f));
    out.set(s.orgId, node);
  }
  return out;
}

/** Each org's subtree figures per period key: its descendants' totals and its own rows. */
async function nodeFigures(
  ctx: Ctx,
  ids: readonly number[],
  keys: readonly string[],
  sets: readonly ComplianceRuleSet[],
): Promise<Map<number, Map<string, ComplianceFigures>>> {
  const sums = [...(await subtreeSums(ctx.db, ids, keys)), ...(await ownSums(ctx.db, ids, keys))];
  return figuresByNode(sums, sets, ctx.today);
}

const total = (m: Map<string, ComplianceFigures> | undefined) =>
  [...(m?.values() ?? [])].reduce(addFigures, NO_FIGURES);

/** Reads the org in the scope of org_life.read (403 without it, 404 outside), the roll-up brought up to date. */
async function openOrg(ctx: Ctx, id: number, year: number): Promise<OrgRef> {
  const org = await orgIn(ctx, scopeFor(ctx, 'org_life.read'), id);
  await keepRollupCurrent(ctx, year);
  return org;
}

/** May the actor exempt this org: org_life.exempt over its parent (the level above). */
export function canExempt(ctx: Ctx, org: OrgRef): boolean {
  const parent = org.path.split('.').slice(0, -1).join('.');
  return parent !== '' && canAt(ctx, 'org_life.exempt', parent);
}

/**
 * `GET /api/orgs/:id/compliance?period=` (docs/organizational-life.md §7.3, §7.5): the subtree's figures from the
 * roll-up, each direct child's, and the org's own findings from the domain's evaluation of its meetings.
 */
export async function orgCompliance(
  ctx: Ctx,
  input: { id: number; period: string },
): Promise<z.infer<typeof ComplianceView>> {
  const period = parsePeriodKey(input.period);
  if (period === null)
    throw invalidInput('考核期间格式不正确', [{ path: ['period'], message: '格式不正确' }]);
  const org = await openOrg(ctx, input.id, period.year);
  const sets = await loadRuleSets(ctx.db);
  const keys = subPeriodsOf(period).map(periodKey);
  const kids = await childrenOf(ctx.db, org.id);
  const byNode = await nodeFigures(ctx, [org.id, ...kids.map((c) => c.id)], keys, sets);
  const ownByKey = figuresByNode(await ownSums(ctx.db, [org.id], keys), sets, ctx.today);
  const children = kids
    .filter((c) => !c.dissolved || byNode.has(c.id))
    .map((c) => ({ org: c, figures: figuresView(total(byNode.get(c.id))) }));
  const [own] = kindsOf(sets).includes(org.kind)
    ? await loadInputs(ctx.db, { ids: [org.id], kinds: [org.kind] }, periodStart(period), periodEnd(period))
    : [];
  const findings = own
    ? evaluateOrgPeriod(own.org, period, own.meetings, sets, {
        today: ctx.today,
        exemptions: own.exemptions,
      }).findings.map((f) => findingView(f, own.org.groups))
    : [];
  const issues = (await closedMeetingsOf(ctx.db, org.id, periodStart(period), periodEnd(period))).flatMap(
    meetingIssueViews,
  );
  return {
    org: { id: org.id, name: org.name, kind: org.kind },
    period: periodKey(period),
    periodLabel: periodLabel(period),
    asOf: ctx.today,
    figures: figuresView(total(byNode.get(org.id))),
    ownFigures: figuresView(total(ownByKey.get(org.id))),
    children,
    findings: [...findings, ...issues],
    canExempt: canExempt(ctx, org),
  };
}

/**
 * `GET /api/orgs/:id/compliance/heatmap?year=`: the subtree and each direct child × the twelve months, each cell
 * the figures of the monthly requirements — the same figures as `GET …/compliance?period=<month>`.
 */
export async function complianceHeatmap(
  ctx: Ctx,
  input: { id: number; year: number },
): Promise<z.infer<typeof HeatmapView>> {
  const org = await openOrg(ctx, input.id, input.year);
  const sets = await loadRuleSets(ctx.db);
  const months = periodsWithin({ year: input.year }, 'month').map(periodKey);
  const kids = await childrenOf(ctx.db, org.id);
  const byNode = await nodeFigures(ctx, [org.id, ...kids.map((c) => c.id)], months, sets);
  const cells = (m: Map<string, ComplianceFigures> | undefined) =>
    months.map((period) => ({ period, ...figuresView(m?.get(period) ?? NO_FIGURES) }));
  const rows = kids
    .filter((c) => !c.dissolved || byNode.has(c.id))
    .map((c) => ({ org: c, cells: cells(byNode.get(c.id)) }));
  return {
    org: { id: org.id, name: org.name, kind: org.kind },
    year: input.year,
    asOf: ctx.today,
    months,
    total: cells(byNode.get(org.id)),
    rows,
  };
}
