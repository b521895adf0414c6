import { and, eq, exists, gt, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import { PRIVILEGED_ROLES } from '../../../domain/access/index.ts';
import type { Db } from '../../db/client.ts';
import { pathInScope, type Scope } from '../../db/scope.ts';
import { orgs } from '../../db/tables/orgs.ts';
import { roleAssignments, users } from '../../db/tables/users.ts';

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

/** Accounts in scope, not deactivated, holding a current administrator role but no enrolled second factor. */
export async function countAdminsWithoutSecondFactor(db: Db, scope: Scope, today: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(
      and(
        pathInScope(scope, orgs.path),
        isNull(users.deactivatedAt),
        isNull(users.totpEnabledAt),
        exists(
          db
            .select({ one: sql`1` })
            .from(roleAssignments)
            .where(
              and(
                eq(roleAssignments.userId, users.id),
                inArray(roleAssignments.role, [...PRIVILEGED_ROLES]),
                or(isNull(roleAssignments.endsOn), gte(roleAssignments.endsOn, today)),
              ),
            ),
        ),
      ),
    );
  return row?.n ?? 0;
}

/** Accounts in scope, not deactivated, locked by failed logins at `now`. */
export async function countLockedAccounts(db: Db, scope: Scope, now: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(and(pathInScope(scope, orgs.path), isNull(users.deactivatedAt), gt(users.lockedUntil, now)));
  return row?.n ?? 0;
}
