import { and, eq, inArray } from 'drizzle-orm';
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
