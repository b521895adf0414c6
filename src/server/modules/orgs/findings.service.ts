import type { z } from 'zod';
import type { FindingListQuery } from '../../../contracts/orgs.ts';
import type { PostTenure, TermPolicy } from '../../../domain/org/index.ts';
import {
  compareFindings,
  type FindingKind,
  type OrgFinding,
  orgFindings,
  ROSTER_FINDING_KINDS,
  type Severity,
} from '../../../domain/org/index.ts';
import { addMonths, type IsoDate } from '../../../domain/shared/index.ts';
import { orgIn, scopeFor } from '../../access/index.ts';
import type { Ctx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { listOrgRefsInScope } from '../../db/org-refs.ts';
import type { Scope } from '../../db/scope.ts';
import { getTermPolicy } from '../settings/settings.service.ts';
import { findRosterCandidates } from '../stats/branch-rosters.service.ts';
import { findCandidateOrgs } from './findings.repo.ts';
import { listTenuresOfOrgs } from './leadership.repo.ts';
import { pathNamesOf } from './org-paths.ts';

export type LocatedFinding = { readonly orgId: number; readonly finding: OrgFinding };

export type FindingFilter = {
  /** Only this subtree (a path already checked to be in scope). */
  readonly within: string | null;
  readonly kind?: FindingKind | undefined;
  readonly severity?: Severity | undefined;
};

async function tenuresByOrg(db: Db, orgIds: readonly number[]): Promise<Map<number, PostTenure[]>> {
  const byOrg = new Map<number, PostTenure[]>();
  for (const tenure of await listTenuresOfOrgs(db, orgIds)) {
    const list = byOrg.get(tenure.orgId);
    if (list) list.push(tenure);
    else byOrg.set(tenure.orgId, [tenure]);
  }
  return byOrg;
}

function matches(filter: FindingFilter, f: OrgFinding): boolean {
  return (
    (filter.kind === undefined || f.kind === filter.kind) &&
    (filter.severity === undefined || f.severity === filter.severity)
  );
}

/**
 * The findings of a subtree today, most urgent first (compareFindings). SQL narrows the subtree to the
 * orgs that can have one (by terms and posts; by the branches' roster counts in the rollup) and loads only
 * the facts the rule needs; the rule (orgFindings, with the deployment's term policy) decides for each.
 */
export async function collectFindings(
  db: Db,
  scope: Scope,
  filter: FindingFilter,
  today: IsoDate,
  policy: TermPolicy,
): Promise<LocatedFinding[]> {
  const rosterKind = filter.kind !== undefined && ROSTER_FINDING_KINDS.includes(filter.kind);
  const termCandidates = rosterKind
    ? []
    : await findCandidateOrgs(db, {
        scope,
        within: filter.within,
        today,
        warnUntil: addMonths(today, policy.warnMonths),
        kind: filter.kind,
      });
  const rosterCandidates =
    filter.kind === undefined || rosterKind
      ? await findRosterCandidates(db, { scope, within: filter.within, today })
      : [];
  const rosters = new Map(rosterCandidates.map((c) => [c.id, c.roster]));
  const candidates = new Map([...rosterCandidates, ...termCandidates].map((c) => [c.id, c]));
  const tenures = await tenuresByOrg(db, [...candidates.keys()]);
  const found = [...candidates.values()].flatMap((c) =>
    orgFindings(
      { ...c, dissolvedOn: null, posts: tenures.get(c.id) ?? [], roster: rosters.get(c.id) ?? null },
      today,
      policy,
    )
      .filter((f) => matches(filter, f))
      .map((finding) => ({ orgId: c.id, finding })),
  );
  return found.sort((a, b) => compareFindings(a.finding, b.finding) || a.orgId - b.orgId);
}

/** One page of findings as the contract shows them: with the org and its place from the top of the scope. */
export async function findingItems(db: Db, scope: Scope, page: readonly LocatedFinding[]) {
  const orgs = new Map(
    (
      await listOrgRefsInScope(
        db,
        scope,
        page.map((f) => f.orgId),
      )
    ).map((o) => [o.id, o]),
  );
  const names = await pathNamesOf(
    db,
    scope,
    [...orgs.values()].map((o) => o.path),
  );
  return page.flatMap(({ orgId, finding }) => {
    const org = orgs.get(orgId);
    if (!org) return [];
    return [
      { org: { id: org.id, name: org.name, kind: org.kind, pathNames: names.get(org.path) ?? '' }, finding },
    ];
  });
}

export async function listFindings(ctx: Ctx, query: z.output<typeof FindingListQuery>) {
  const scope = scopeFor(ctx, 'org.read');
  const within = query.orgId === undefined ? null : (await orgIn(ctx, scope, query.orgId)).path;
  const policy = await getTermPolicy(ctx.db);
  const found = await collectFindings(
    ctx.db,
    scope,
    { within, kind: query.kind, severity: query.severity },
    ctx.today,
    policy,
  );
  const start = (query.page - 1) * query.pageSize;
  return {
    items: await findingItems(ctx.db, scope, found.slice(start, start + query.pageSize)),
    total: found.length,
  };
}
