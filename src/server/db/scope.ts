import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { orgs } from './tables/orgs.ts';

/**
 * The scope (管辖范围) of one request for one permission: the ltree paths of the subtree roots the actor
 * may reach. Built by the rules (`scopeRoots` in src/domain/access.ts) and applied here, in one place.
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
