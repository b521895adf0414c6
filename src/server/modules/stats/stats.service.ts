import type { ChildStats, OrgStatsView } from '../../../contracts/stats.ts';
import type { StatVector } from '../../../domain/membership/index.ts';
import { breakdown, COLLEGE_OR_ABOVE_KEYS, childFigures, sumOf } from '../../../domain/membership/index.ts';
import { ORG_KINDS } from '../../../domain/org/index.ts';
import { orgIn, scopeFor } from '../../access/index.ts';
import type { Ctx } from '../../context.ts';
import { readSubtrees } from './subtree.service.ts';

function figures(v: StatVector) {
  return {
    memberCount: v.member_count ?? 0,
    suspendedCount: v.status_suspended ?? 0,
    byStatus: breakdown(v, 'status'),
    byGender: breakdown(v, 'gender'),
    byEthnicity: breakdown(v, 'ethnicity'),
    byAgeBand: breakdown(v, 'ageBand'),
    byEducation: breakdown(v, 'education'),
    collegeOrAbove: sumOf(v, COLLEGE_OR_ABOVE_KEYS),
    byWorkPost: breakdown(v, 'workPost'),
    byAdmissionPeriod: breakdown(v, 'admissionPeriod'),
    byCategory: breakdown(v, 'category'),
    mobile: v.mobile ?? 0,
    hardship: v.hardship ?? 0,
  };
}

/**
 * `GET /api/orgs/:id/stats`: statistics of the org's whole subtree (`stats.read` scope: 403 to the administrator
 * roles, out of scope → 404).
 */
export async function orgStats(ctx: Ctx, input: { id: number }): Promise<OrgStatsView> {
  const { today } = ctx;
  const org = await orgIn(ctx, scopeFor(ctx, 'stats.read'), input.id);
  const { vectors, nodes } = await readSubtrees(ctx.db, org.id, today);
  const total = vectors.get(org.id) ?? {};
  let inChildren = 0;
  for (const [nodeId, v] of vectors) if (nodeId !== org.id) inChildren += v.member_count ?? 0;
  const children: ChildStats[] = [];
  for (const node of nodes) {
    const v = vectors.get(node.id) ?? {};
    if (!node.isChild || (node.dissolved && !v.member_count)) continue;
    children.push({
      org: { id: node.id, name: node.name, kind: node.kind, dissolved: node.dissolved },
      ...childFigures(v),
    });
  }
  const orgCounts = Object.fromEntries(ORG_KINDS.map((k) => [k, total[`org_${k}`] ?? 0]));
  return {
    org: { id: org.id, name: org.name, kind: org.kind },
    asOf: today,
    ...figures(total),
    ownMemberCount: (total.member_count ?? 0) - inChildren,
    orgCounts: orgCounts as OrgStatsView['orgCounts'],
    children,
  };
}
