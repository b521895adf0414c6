import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { pathInScope, type Scope } from '../../db/scope.ts';
import { orgs } from '../../db/tables/orgs.ts';
import { users } from '../../db/tables/users.ts';

/** Orgs of the scope that are not dissolved, counted by kind. */
export async function countOrgsByKind(db: Db, scope: Scope) {
  return db
    .select({ kind: orgs.kind, n: sql<number>`count(*)::int` })
    .from(orgs)
    .where(and(pathInScope(scope, orgs.path), isNull(orgs.dissolvedOn)))
    .groupBy(orgs.kind);
}

/** Accounts whose home org lies in the scope and that are not deactivated. */
export async function countUsersInScope(db: Db, scope: Scope): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(and(pathInScope(scope, orgs.path), isNull(users.deactivatedAt)));
  return row?.n ?? 0;
}
