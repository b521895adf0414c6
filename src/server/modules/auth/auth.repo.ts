import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { orgs } from '../../db/tables/orgs.ts';
import { apiTokens, roleAssignments, sessions, users } from '../../db/tables/users.ts';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  return row;
}

export async function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function loadAssignments(db: Db, userId: number) {
  return db
    .select({
      id: roleAssignments.id,
      role: roleAssignments.role,
      orgId: roleAssignments.orgId,
      orgName: orgs.name,
      orgPath: orgs.path,
      endsOn: roleAssignments.endsOn,
    })
    .from(roleAssignments)
    .innerJoin(orgs, eq(orgs.id, roleAssignments.orgId))
    .where(eq(roleAssignments.userId, userId))
    .orderBy(roleAssignments.id);
}

export async function saveLoginState(
  db: Db,
  userId: number,
  state: { failedAttempts: number; lockedUntil: Date | null; lastLoginAt?: Date },
): Promise<void> {
  await db.update(users).set(state).where(eq(users.id, userId));
}

export async function savePassword(
  db: Db,
  userId: number,
  passwordHash: string,
  mustChangePassword: boolean,
  at: Date,
): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash, mustChangePassword, passwordChangedAt: at, updatedAt: at })
    .where(eq(users.id, userId));
}

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function findSession(db: Db, tokenHash: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash));
  return row;
}

export async function touchSession(db: Db, tokenHash: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session of a user but (optionally) the one in use: after a password change or reset. */
export async function deleteSessionsOfUser(db: Db, userId: number, except?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), except ? ne(sessions.tokenHash, except) : undefined));
}

export type TokenRow = typeof apiTokens.$inferSelect;

export async function insertToken(db: Db, row: typeof apiTokens.$inferInsert): Promise<TokenRow> {
  const [saved] = await db.insert(apiTokens).values(row).returning();
  return saved as TokenRow;
}

export async function findActiveToken(db: Db, tokenHash: string): Promise<TokenRow | undefined> {
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
  return row;
}

export async function touchToken(db: Db, id: number, at: Date): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
}

export async function listTokens(db: Db, userId: number): Promise<TokenRow[]> {
  return db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.id));
}

export async function findToken(db: Db, userId: number, id: number): Promise<TokenRow | undefined> {
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), eq(apiTokens.id, id)));
  return row;
}

export async function revokeToken(db: Db, id: number, at: Date): Promise<void> {
  await db.update(apiTokens).set({ revokedAt: at }).where(eq(apiTokens.id, id));
}

/** Revokes every API token of a user that is still valid; answers how many. */
export async function revokeTokensOfUser(db: Db, userId: number, at: Date): Promise<number> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length;
}
