import type { z } from 'zod';
import type { OrgSearchQuery } from '../../../contracts/orgs.ts';
import { type Actor, can } from '../../../domain/access/index.ts';
import { defaultTermYears, orgFindings } from '../../../domain/org/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import type { Db } from '../../db/client.ts';
import type { Scope } from '../../db/scope.ts';
import type { Deps } from '../../deps.ts';
import { requirePermission, scopeOf } from '../../http/access.ts';
import { notFound } from '../../http/errors.ts';
import { getTermPolicy } from '../settings/settings.service.ts';
import { branchRoster } from '../stats/branch-rosters.service.ts';
import { listPostsOfOrgs } from './leadership.repo.ts';
import { idsOf, pathNamesOf } from './org-paths.ts';
import { getOrgRef } from './org-refs.ts';
import { searchOrgRows } from './org-search.repo.ts';
import { eventView, leadershipViews, orgRecord, summaryView } from './org-views.ts';
import {
  countActiveChildren,
  findOrgInScope,
  findOrgNames,
  listChildren,
  listOrgEvents,
  listScopeRoots,
  type OrgRow,
} from './orgs.repo.ts';

/** The `org.read` scope of the actor; 403 when reading orgs is closed to their roles altogether. */
export function readScope(actor: Actor, today: IsoDate): Scope {
  requirePermission(actor, 'org.read', today);
  return scopeOf(actor, 'org.read', today);
}

/** The orgs at the top of a scope, as the tree shows them. */
export async function scopeRootSummaries(db: Db, scope: Scope) {
  return (await listScopeRoots(db, scope)).map(summaryView);
}

export async function listRoots(deps: Deps, actor: Actor) {
  return scopeRootSummaries(deps.db, readScope(actor, deps.clock.today()));
}

export async function listOrgChildren(deps: Deps, actor: Actor, id: number, includeDissolved: boolean) {
  const scope = readScope(actor, deps.clock.today());
  const parent = await getOrgRef(deps.db, scope, id);
  return (await listChildren(deps.db, scope, parent.id, includeDissolved)).map(summaryView);
}

export async function searchOrgs(deps: Deps, actor: Actor, query: z.output<typeof OrgSearchQuery>) {
  const scope = readScope(actor, deps.clock.today());
  const within = query.rootId === undefined ? null : (await getOrgRef(deps.db, scope, query.rootId)).path;
  const { rows, total } = await searchOrgRows(deps.db, {
    scope,
    within,
    q: query.q || undefined,
    kind: query.kind,
    includeDissolved: query.includeDissolved,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const names = await pathNamesOf(
    deps.db,
    scope,
    rows.map((r) => r.path),
  );
  return { items: rows.map((r) => ({ ...summaryView(r), pathNames: names.get(r.path) ?? '' })), total };
}

export async function listEvents(deps: Deps, actor: Actor, id: number) {
  const org = await getOrgRef(deps.db, readScope(actor, deps.clock.today()), id);
  return (await listOrgEvents(deps.db, org.id)).map(eventView);
}

export async function getOrgDetail(deps: Deps, actor: Actor, id: number) {
  const today = deps.clock.today();
  const org = await findOrgInScope(deps.db, readScope(actor, today), id);
  if (!org) throw notFound('组织');
  return orgDetail(deps.db, actor, org, today);
}

/** Root first, the org itself excluded; each says whether the actor may open it. */
async function ancestorsOf(db: Db, actor: Actor, path: string, today: IsoDate) {
  const ids = idsOf(path).slice(0, -1);
  const names = await findOrgNames(db, ids);
  return ids.map((id, i) => ({
    id,
    name: names.get(id) ?? '',
    inScope: can(actor, 'org.read', ids.slice(0, i + 1).join('.'), today),
  }));
}

/**
 * The org with everything its page shows: ancestors, leadership, the findings the rules derive today
 * (orgFindings with the deployment's term policy) and what the actor may do here. Also the answer of
 * every org write, read inside its transaction.
 */
export async function orgDetail(db: Db, actor: Actor, org: OrgRow, today: IsoDate) {
  const posts = await listPostsOfOrgs(db, [org.id]);
  const policy = await getTermPolicy(db);
  return {
    ...orgRecord(org),
    childCount: await countActiveChildren(db, org.id),
    ancestors: await ancestorsOf(db, actor, org.path, today),
    findings: orgFindings(
      {
        kind: org.kind,
        establishedOn: org.establishedOn,
        dissolvedOn: org.dissolvedOn,
        posts,
        roster: org.kind === 'branch' ? await branchRoster(db, org.id) : null,
      },
      today,
      policy,
    ),
    leadership: leadershipViews(posts, today),
    defaultTermYears: defaultTermYears(org.kind, org.sector, policy),
    can: {
      manage: can(actor, 'org.manage', org.path, today),
      manageLeadership: can(actor, 'leadership.manage', org.path, today),
    },
  };
}
