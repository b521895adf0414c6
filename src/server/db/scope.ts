import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Db, queryRows } from './client.ts';
import { orgs } from './tables/orgs.ts';

/**
 * The scope (管辖范围) of one request for one permission: the ltree paths of the subtree roots the actor
 * may reach. Built by the rules (`scopeRoots` in src/domain/access/access.ts) and applied here, in one place.
 */
export type Scope = { readonly roots: readonly string[] };

/** `path` lies in the scope: one indexed `<@` match per root (GiST on orgs.path). */
export function pathInScope(scope: Scope, path: AnyPgColumn | SQL): SQL {
  if (scope.roots.length === 0) return sql`false`;
  const parts = scope.roots.map((root) => sql`${path} <@ ${root}::ltree`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** A row that belongs to an org (by `orgIdColumn`) lies in the scope. */
export function orgInScope(scope: Scope, orgIdColumn: AnyPgColumn | SQL): SQL {
  if (scope.roots.length === 0) return sql`false`;
  return sql`exists (select 1 from ${orgs} scope_org where scope_org.id = ${orgIdColumn} and ${pathInScope(
    scope,
    sql`scope_org.path`,
  )})`;
}

/**
 * Like `orgInScope`, and rows that belong to no org (`orgIdColumn` is null: a failed login of an unknown
 * username, deployment-wide settings) as well, but only when the scope reaches a deployment root (an org
 * without a parent), whose subtree is the whole deployment.
 */
export function orgInScopeOrDeploymentWide(scope: Scope, orgIdColumn: AnyPgColumn | SQL): SQL {
  if (scope.roots.length === 0) return sql`false`;
  const coversRoot = sql`exists (select 1 from ${orgs} scope_root where scope_root.parent_id is null and ${pathInScope(
    scope,
    sql`scope_root.path`,
  )})`;
  return sql`(${orgInScope(scope, orgIdColumn)} or (${orgIdColumn} is null and ${coversRoot}))`;
}

/**
 * Whether the scope holds every org of the deployment (no org lies outside it), so that a query over it may
 * drop the scope filter and its join to `orgs`: a city-wide count then reads the member rows alone. Cheap for
 * a small scope (the first org outside ends the search).
 */
export async function coversDeployment(db: Db, scope: Scope): Promise<boolean> {
  if (scope.roots.length === 0) return false;
  const [row] = await queryRows<{ outside: boolean }>(
    db,
    sql`select exists (select 1 from ${orgs} o where not ${pathInScope(scope, sql`o.path`)}) as outside`,
  );
  return row?.outside === false;
}
