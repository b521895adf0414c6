import {
  and,
  asc,
  count,
  eq,
  gt,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lte,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { AccountStatus, Role } from '../../../domain/access/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import type { Db } from '../../db/client.ts';
import { orgInScope, type Scope } from '../../db/scope.ts';
import { orgs } from '../../db/tables/orgs.ts';
import { roleAssignments, users } from '../../db/tables/users.ts';
import { updateAtVersion } from '../../db/versioned.ts';

export type UserRow = typeof users.$inferSelect;
/** A user with the name and path of the home org. */
export type UserRecord = UserRow & { orgName: string; orgPath: string };
export type AssignmentRecord = {
  id: number;
  userId: number;
  role: Role;
  orgId: number;
  orgName: string;
  orgPath: string;
  endsOn: IsoDate | null;
};

const userColumns = { user: users, orgName: orgs.name, orgPath: orgs.path };

function flatten(row: { user: UserRow; orgName: string; orgPath: string }): UserRecord {
  return { ...row.user, orgName: row.orgName, orgPath: row.orgPath };
}

/** The account, whatever the scope: services decide with the rules whether the actor may reach it. */
export async function findUser(db: Db, id: number): Promise<UserRecord | undefined> {
  const [row] = await db
    .select(userColumns)
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(eq(users.id, id));
  return row && flatten(row);
}

/** The account if its home org lies in the scope. */
export async function findUserInScope(db: Db, scope: Scope, id: number): Promise<UserRecord | undefined> {
  const [row] = await db
    .select(userColumns)
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(and(eq(users.id, id), orgInScope(scope, users.orgId)));
  return row && flatten(row);
}

export async function usernameExists(db: Db, username: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return row !== undefined;
}

export type UserFilter = {
  readonly scope: Scope;
  /** Home org in this subtree. */
  readonly within?: Scope;
  readonly q?: string;
  /** Holds this role today (an assignment that has not ended). */
  readonly role?: Role;
  readonly status?: AccountStatus;
  readonly now: Date;
  readonly today: IsoDate;
};

/** The SQL of `accountStatus` in src/domain/access/accounts.ts. */
function statusCondition(status: AccountStatus, now: Date): SQL | undefined {
  if (status === 'deactivated') return isNotNull(users.deactivatedAt);
  if (status === 'locked') return and(isNull(users.deactivatedAt), gt(users.lockedUntil, now));
  return and(isNull(users.deactivatedAt), or(isNull(users.lockedUntil), lte(users.lockedUntil, now)));
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function filterCondition(f: UserFilter): SQL | undefined {
  const pattern = f.q ? `%${escapeLike(f.q)}%` : undefined;
  return and(
    orgInScope(f.scope, users.orgId),
    f.within ? orgInScope(f.within, users.orgId) : undefined,
    pattern ? or(ilike(users.username, pattern), ilike(users.name, pattern)) : undefined,
    f.role
      ? sql`exists (select 1 from ${roleAssignments} ra where ra.user_id = ${users.id} and ra.role = ${f.role}
          and (ra.ends_on is null or ra.ends_on >= ${f.today}))`
      : undefined,
    f.status ? statusCondition(f.status, f.now) : undefined,
  );
}

export async function listUsers(
  db: Db,
  filter: UserFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: UserRecord[]; total: number }> {
  const where = filterCondition(filter);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(users).where(where);
  const rows = await db
    .select(userColumns)
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(where)
    .orderBy(asc(users.username))
    .limit(page.limit)
    .offset(page.offset);
  return { rows: rows.map(flatten), total };
}

const assignmentColumns = {
  id: roleAssignments.id,
  userId: roleAssignments.userId,
  role: roleAssignments.role,
  orgId: roleAssignments.orgId,
  orgName: orgs.name,
  orgPath: orgs.path,
  endsOn: roleAssignments.endsOn,
};

/** The role assignments of these users, in the order they were granted. */
export async function assignmentsOf(db: Db, userIds: readonly number[]): Promise<AssignmentRecord[]> {
  if (userIds.length === 0) return [];
  return db
    .select(assignmentColumns)
    .from(roleAssignments)
    .innerJoin(orgs, eq(orgs.id, roleAssignments.orgId))
    .where(inArray(roleAssignments.userId, [...userIds]))
    .orderBy(asc(roleAssignments.id));
}

/** Inserts the account; nothing when the username is taken (also by a concurrent insert). */
export async function insertUser(db: Db, values: typeof users.$inferInsert): Promise<UserRow | undefined> {
  const [row] = await db
    .insert(users)
    .values(values)
    .onConflictDoNothing({ target: users.username })
    .returning();
  return row;
}

/** Saves an edit at the version read, and moves the version on (409 `stale_version` otherwise: updateAtVersion). */
export async function updateUserAtVersion(
  db: Db,
  id: number,
  version: number,
  patch: Partial<Pick<UserRow, 'name' | 'orgId' | 'deactivatedAt'>>,
  at: Date,
): Promise<UserRow> {
  return updateAtVersion(db, users, id, version, { ...patch, updatedAt: at });
}

export async function saveLockState(
  db: Db,
  id: number,
  state: { failedAttempts: number; lockedUntil: Date | null },
  at: Date,
): Promise<void> {
  await db
    .update(users)
    .set({ ...state, updatedAt: at })
    .where(eq(users.id, id));
}

export async function saveResetPassword(db: Db, id: number, passwordHash: string, at: Date): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash, mustChangePassword: true, passwordChangedAt: at, updatedAt: at })
    .where(eq(users.id, id));
}

export async function insertAssignment(
  db: Db,
  values: typeof roleAssignments.$inferInsert,
): Promise<{ id: number }> {
  const [row] = await db.insert(roleAssignments).values(values).returning({ id: roleAssignments.id });
  return row as { id: number };
}

export async function findAssignment(
  db: Db,
  userId: number,
  assignmentId: number,
): Promise<AssignmentRecord | undefined> {
  const [row] = await db
    .select(assignmentColumns)
    .from(roleAssignments)
    .innerJoin(orgs, eq(orgs.id, roleAssignments.orgId))
    .where(and(eq(roleAssignments.id, assignmentId), eq(roleAssignments.userId, userId)));
  return row;
}

export async function deleteAssignment(db: Db, id: number): Promise<void> {
  await db.delete(roleAssignments).where(eq(roleAssignments.id, id));
}
