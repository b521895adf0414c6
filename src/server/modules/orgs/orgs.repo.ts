import { and, asc, eq, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { pathInScope, type Scope } from '../../db/scope.ts';
import { orgEvents, orgs } from '../../db/tables/orgs.ts';
import { updateAtVersion } from '../../db/versioned.ts';

export type OrgRow = typeof orgs.$inferSelect;
export type OrgEventRow = typeof orgEvents.$inferSelect;

/** The whole org row if it exists and lies in the scope; `lock` takes a row lock for the transaction. */
export async function findOrgInScope(
  db: Db,
  scope: Scope,
  id: number,
  lock = false,
): Promise<OrgRow | undefined> {
  const query = db
    .select()
    .from(orgs)
    .where(and(eq(orgs.id, id), pathInScope(scope, orgs.path)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/**
 * Direct children that are not dissolved: what the lazy tree shows as expandable (orgs_parent_idx). The
 * outer row is named in full: Drizzle leaves a lone table's columns unqualified, and a bare "id" would
 * mean the inner row's.
 */
const childCount = sql<number>`(select count(*)::int from ${orgs} c where c.parent_id = ${sql.raw('"orgs"."id"')} and c.dissolved_on is null)`;

export const summaryColumns = {
  id: orgs.id,
  parentId: orgs.parentId,
  path: orgs.path,
  name: orgs.name,
  kind: orgs.kind,
  sector: orgs.sector,
  code: orgs.code,
  dissolvedOn: orgs.dissolvedOn,
  childCount,
};
export type OrgSummaryRow = Awaited<ReturnType<typeof listSummaries>>[number];

/** Orgs as the tree and lists show them, kind order first (the enum is declared top down), then by id. */
export async function listSummaries(db: Db, where: SQL | undefined) {
  return db.select(summaryColumns).from(orgs).where(where).orderBy(asc(orgs.kind), asc(orgs.id));
}

/** The orgs at the top of the scope. */
export async function listScopeRoots(db: Db, scope: Scope) {
  if (scope.roots.length === 0) return [];
  return listSummaries(db, and(inArray(orgs.path, [...scope.roots]), pathInScope(scope, orgs.path)));
}

/** These orgs, each only if it lies in the scope, locked for the transaction in id order (no deadlock). */
export async function lockOrgsInScope(db: Db, scope: Scope, ids: readonly number[]): Promise<OrgRow[]> {
  return db
    .select()
    .from(orgs)
    .where(and(inArray(orgs.id, [...ids]), pathInScope(scope, orgs.path)))
    .orderBy(asc(orgs.id))
    .for('update');
}

/**
 * The kind of the parent of an org in scope. The parent itself may lie above the scope (the actor's scope
 * root); its kind is read only for the nesting rule and never shown.
 */
export async function findParentKind(db: Db, scope: Scope, id: number): Promise<OrgRow['kind'] | null> {
  const parent = alias(orgs, 'parent');
  const [row] = await db
    .select({ kind: parent.kind })
    .from(orgs)
    .innerJoin(parent, eq(parent.id, orgs.parentId))
    .where(and(eq(orgs.id, id), pathInScope(scope, orgs.path)));
  return row?.kind ?? null;
}

export async function listChildren(db: Db, scope: Scope, parentId: number, includeDissolved: boolean) {
  return listSummaries(
    db,
    and(
      eq(orgs.parentId, parentId),
      pathInScope(scope, orgs.path),
      includeDissolved ? undefined : isNull(orgs.dissolvedOn),
    ),
  );
}

export async function countActiveChildren(db: Db, id: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(orgs)
    .where(and(eq(orgs.parentId, id), isNull(orgs.dissolvedOn)));
  return row?.n ?? 0;
}

/** The distinct kinds of the direct children that are not dissolved. */
export async function activeChildKinds(db: Db, id: number): Promise<OrgRow['kind'][]> {
  const rows = await db
    .selectDistinct({ kind: orgs.kind })
    .from(orgs)
    .where(and(eq(orgs.parentId, id), isNull(orgs.dissolvedOn)));
  return rows.map((r) => r.kind);
}

/** Is this 组织代码 held by another org (the whole deployment, whatever the scope: codes are unique)? */
export async function isCodeTaken(db: Db, code: string, exceptId?: number): Promise<boolean> {
  const rows = await db
    .select({ id: orgs.id })
    .from(orgs)
    .where(and(eq(orgs.code, code), exceptId === undefined ? undefined : ne(orgs.id, exceptId)))
    .limit(1);
  return rows.length > 0;
}

export async function findOrgNames(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: orgs.id, name: orgs.name })
    .from(orgs)
    .where(inArray(orgs.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function insertOrg(db: Db, values: typeof orgs.$inferInsert): Promise<OrgRow> {
  const [row] = await db.insert(orgs).values(values).returning();
  return row as OrgRow;
}

/** Saves an edit at the version the client read (409 `stale_version` otherwise: updateAtVersion). */
export async function updateOrgAtVersion(
  db: Db,
  id: number,
  version: number,
  set: Partial<typeof orgs.$inferInsert>,
): Promise<OrgRow> {
  return updateAtVersion(db, orgs, id, version, set);
}

/**
 * Re-roots a whole subtree under a new parent in one statement (docs/design.md §3): every path under `oldPath`
 * keeps its tail from the moved org down and gets the new parent's path in front. Answers the rows moved.
 */
export async function rewriteSubtreePaths(db: Db, oldPath: string, newParentPath: string): Promise<number> {
  // Lock the subtree first: the UPDATE below then starts after any org being added inside it has committed,
  // and so rewrites that one too (READ COMMITTED takes a new snapshot per statement).
  await db.select({ id: orgs.id }).from(orgs).where(sql`${orgs.path} <@ ${oldPath}::ltree`).for('update');
  const rows = await db
    .update(orgs)
    .set({
      path: sql`${newParentPath}::ltree || subpath(${orgs.path}, nlevel(${oldPath}::ltree) - 1)`,
    })
    .where(sql`${orgs.path} <@ ${oldPath}::ltree`)
    .returning({ id: orgs.id });
  return rows.length;
}

export async function insertOrgEvent(db: Db, values: typeof orgEvents.$inferInsert): Promise<void> {
  await db.insert(orgEvents).values(values);
}

export async function listOrgEvents(db: Db, orgId: number): Promise<OrgEventRow[]> {
  return db
    .select()
    .from(orgEvents)
    .where(eq(orgEvents.orgId, orgId))
    .orderBy(asc(orgEvents.effectiveOn), asc(orgEvents.id));
}
