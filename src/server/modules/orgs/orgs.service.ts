import type { z } from 'zod';
import type { OrgSearchQuery } from '../../../contracts/orgs.ts';
import { defaultTermYears, hasElectedTerm, isBranchKind, orgFindings } from '../../../domain/org/index.ts';
import { canAt, found, orgIn, scopeFor } from '../../access/index.ts';
import type { Ctx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import type { Scope } from '../../db/scope.ts';
import { getTermPolicy } from '../settings/index.ts';
import { branchRoster } from '../stats/index.ts';
import { findCurrentTerm, listPostsOfOrgs } from './leadership.repo.ts';
import { idsOf, pathNamesOf } from './org-paths.ts';
import { searchOrgRows } from './org-search.repo.ts';
import { eventView, leadershipViews, orgRecord, summaryView, termView } from './org-views.ts';
import {
  countActiveChildren,
  findOrgInScope,
  findOrgNames,
  listChildren,
  listOrgEvents,
  listScopeRoots,
  type OrgRow,
} from './orgs.repo.ts';

/** The orgs at the top of a scope, as the tree shows them. */
export async function scopeRootSummaries(db: Db, scope: Scope) {
  return (await listScopeRoots(db, scope)).map(summaryView);
}

export async function listRoots(ctx: Ctx) {
  return scopeRootSummaries(ctx.db, scopeFor(ctx, 'org.read'));
}

export async function listOrgChildren(ctx: Ctx, input: { id: number; includeDissolved: boolean }) {
  const scope = scopeFor(ctx, 'org.read');
  const parent = await orgIn(ctx, scope, input.id);
  return (await listChildren(ctx.db, scope, parent.id, input.includeDissolved)).map(summaryView);
}

export async function searchOrgs(ctx: Ctx, query: z.output<typeof OrgSearchQuery>) {
  const scope = scopeFor(ctx, 'org.read');
  const within = query.rootId === undefined ? null : (await orgIn(ctx, scope, query.rootId)).path;
  const { rows, total } = await searchOrgRows(ctx.db, {
    scope,
    within,
    q: query.q || undefined,
    kind: query.kind,
    includeDissolved: query.includeDissolved,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const names = await pathNamesOf(
    ctx.db,
    scope,
    rows.map((r) => r.path),
  );
  return { items: rows.map((r) => ({ ...summaryView(r), pathNames: names.get(r.path) ?? '' })), total };
}

export async function listEvents(ctx: Ctx, input: { id: number }) {
  const org = await orgIn(ctx, scopeFor(ctx, 'org.read'), input.id);
  return (await listOrgEvents(ctx.db, org.id)).map(eventView);
}

export async function getOrgDetail(ctx: Ctx, input: { id: number }) {
  const org = found(await findOrgInScope(ctx.db, scopeFor(ctx, 'org.read'), input.id), '组织');
  return orgDetail(ctx, org);
}

/** Root first, the org itself excluded; each says whether the actor may open it. */
async function ancestorsOf(ctx: Ctx, path: string) {
  const ids = idsOf(path).slice(0, -1);
  const names = await findOrgNames(ctx.db, ids);
  return ids.map((id, i) => ({
    id,
    name: names.get(id) ?? '',
    inScope: canAt(ctx, 'org.read', ids.slice(0, i + 1).join('.')),
  }));
}

/**
 * The org with everything its page shows: ancestors, leadership, the findings the rules derive today
 * (orgFindings with the deployment's term policy) and what the actor may do here. Also the answer of
 * every org write, read inside its transaction (`ctx.db` the transaction).
 */
export async function orgDetail(ctx: Ctx, org: OrgRow) {
  const { db, today } = ctx;
  const posts = await listPostsOfOrgs(db, [org.id]);
  const term = await findCurrentTerm(db, org.id);
  const policy = await getTermPolicy(db);
  return {
    ...orgRecord(org),
    childCount: await countActiveChildren(db, org.id),
    ancestors: await ancestorsOf(ctx, org.path),
    findings: orgFindings(
      {
        kind: org.kind,
        establishedOn: org.establishedOn,
        dissolvedOn: org.dissolvedOn,
        posts,
        term: term ?? null,
        roster: isBranchKind(org.kind) ? await branchRoster(db, org.id) : null,
      },
      today,
      policy,
    ),
    leadership: leadershipViews(posts, today),
    defaultTermYears: defaultTermYears(org.kind, org.sector, policy),
    electedTerm: hasElectedTerm(org.kind),
    currentTerm: term ? termView(term) : null,
    can: {
      manage: canAt(ctx, 'org.manage', org.path),
      manageLeadership: canAt(ctx, 'leadership.manage', org.path),
    },
  };
}
