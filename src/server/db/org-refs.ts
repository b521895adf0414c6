import { and, eq, inArray } from 'drizzle-orm';
import { isWithin } from '../../domain/access/index.ts';
import type { Db } from './client.ts';
import { pathInScope, type Scope } from './scope.ts';
import { orgs } from './tables/orgs.ts';

/**
 * An org as every module needs it to check its own rules and its scope (path, kind, name): the access kernel
 * loads it (access/load.ts, orgIn), so that no module asks the orgs module where an actor may act.
 */
export type OrgRef = {
  readonly id: number;
  readonly parentId: number | null;
  readonly path: string;
  readonly name: string;
  readonly kind: (typeof orgs.$inferSelect)['kind'];
  readonly sector: (typeof orgs.$inferSelect)['sector'];
  readonly dissolvedOn: string | null;
};

const refColumns = {
  id: orgs.id,
  parentId: orgs.parentId,
  path: orgs.path,
  name: orgs.name,
  kind: orgs.kind,
  sector: orgs.sector,
  dissolvedOn: orgs.dissolvedOn,
};

/** The org if it exists and lies in the scope. */
export async function findOrgRefInScope(db: Db, scope: Scope, id: number): Promise<OrgRef | undefined> {
  const [row] = await db
    .select(refColumns)
    .from(orgs)
    .where(and(eq(orgs.id, id), pathInScope(scope, orgs.path)));
  return row;
}

/** Those of these orgs that lie in the scope. */
export async function listOrgRefsInScope(db: Db, scope: Scope, ids: readonly number[]): Promise<OrgRef[]> {
  if (ids.length === 0) return [];
  return db
    .select(refColumns)
    .from(orgs)
    .where(and(inArray(orgs.id, [...ids]), pathInScope(scope, orgs.path)));
}

/** The ids along an ltree path, root first: `1.4.17` → [1, 4, 17]. */
export function idsOf(path: string): number[] {
  return path.split('.').map(Number);
}

/**
 * The ancestors shown with an org (a search result, a to-do): from the top of the actor's scope (the scope root
 * that holds the org) down to the parent. Ancestors above the scope are not shown, so that nothing outside it is
 * revealed.
 */
export function ancestorIdsInScope(path: string, scope: Scope): number[] {
  const root = scope.roots.find((r) => isWithin(path, r));
  if (root === undefined) return [];
  const ids = idsOf(path);
  return ids.slice(idsOf(root).length - 1, -1);
}

/** `甲区委 / 甲一街道党工委` for each path, with the names of the ancestors of this page only. */
export async function pathNamesOf(
  db: Db,
  scope: Scope,
  paths: readonly string[],
): Promise<Map<string, string>> {
  const chains = new Map(paths.map((p) => [p, ancestorIdsInScope(p, scope)]));
  const ids = [...new Set([...chains.values()].flat())];
  const rows =
    ids.length === 0
      ? []
      : await db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(inArray(orgs.id, ids));
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return new Map([...chains].map(([p, chain]) => [p, chain.map((id) => names.get(id) ?? '').join(' / ')]));
}
