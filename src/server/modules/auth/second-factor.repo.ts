import { and, count, eq, isNull, lt, or } from 'drizzle-orm';
import type { LoginState } from '../../../domain/access/index.ts';
import type { Db } from '../../db/client.ts';
import { recoveryCodes, unknownLoginFailures, users } from '../../db/tables/users.ts';

/** The lockout state of an account, locked for the rest of the transaction: concurrent failures all count. */
export async function lockLoginState(tx: Db, userId: number): Promise<LoginState> {
  const [row] = await tx
    .select({ failedAttempts: users.failedAttempts, lockedUntil: users.lockedUntil })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  return row ?? { failedAttempts: 0, lockedUntil: null };
}

export async function findUnknownFailure(db: Db, nameHash: string): Promise<LoginState | undefined> {
  const [row] = await db
    .select({
      failedAttempts: unknownLoginFailures.failedAttempts,
      lockedUntil: unknownLoginFailures.lockedUntil,
    })
    .from(unknownLoginFailures)
    .where(eq(unknownLoginFailures.nameHash, nameHash));
  return row;
}

/** The counter of a name that matches no account, created at zero if new, locked for the transaction. */
export async function lockUnknownFailure(tx: Db, nameHash: string, at: Date): Promise<LoginState> {
  await tx
    .insert(unknownLoginFailures)
    .values({ nameHash, failedAttempts: 0, lockedUntil: null, lastFailedAt: at })
    .onConflictDoNothing();
  const [row] = await tx
    .select({
      failedAttempts: unknownLoginFailures.failedAttempts,
      lockedUntil: unknownLoginFailures.lockedUntil,
    })
    .from(unknownLoginFailures)
    .where(eq(unknownLoginFailures.nameHash, nameHash))
    .for('update');
  return row as LoginState;
}

export async function saveUnknownFailure(tx: Db, nameHash: string, state: LoginState, at: Date) {
  await tx
    .update(unknownLoginFailures)
    .set({ ...state, lastFailedAt: at })
    .where(eq(unknownLoginFailures.nameHash, nameHash));
}

/** Forgets names that nobody has tried for a long time and that are not locked: the table stays bounded. */
export async function purgeUnknownFailures(tx: Db, before: Date, now: Date): Promise<void> {
  await tx
    .delete(unknownLoginFailures)
    .where(
      and(
        lt(unknownLoginFailures.lastFailedAt, before),
        or(isNull(unknownLoginFailures.lockedUntil), lt(unknownLoginFailures.lockedUntil, now)),
      ),
    );
}

export async function savePendingSecret(db: Db, userId: number, sealed: string | null): Promise<void> {
  await db.update(users).set({ totpPendingSecret: sealed }).where(eq(users.id, userId));
}

/** Makes the confirmed key the account's second factor, with the step of the confirming code as used. */
export async function enableTotp(tx: Db, userId: number, sealed: string, step: number, at: Date) {
  await tx
    .update(users)
    .set({
      totpSecret: sealed,
      totpPendingSecret: null,
      totpEnabledAt: at,
      totpLastStep: step,
      updatedAt: at,
    })
    .where(eq(users.id, userId));
}

/**
 * Records `step` as used unless a step as late or later already was (a concurrent request with the same code):
 * answers whether this request won.
 */
export async function claimTotpStep(db: Db, userId: number, step: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** Removes the second factor and its recovery codes (disable, reset by the security administrator, command). */
export async function removeTotp(tx: Db, userId: number, at: Date): Promise<void> {
  await tx
    .update(users)
    .set({
      totpSecret: null,
      totpPendingSecret: null,
      totpEnabledAt: null,
      totpLastStep: null,
      updatedAt: at,
    })
    .where(eq(users.id, userId));
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

/** Replaces every recovery code of the account with these hashes. */
export async function replaceRecoveryCodes(tx: Db, userId: number, hashes: string[], at: Date) {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash, createdAt: at })));
}

/** Marks an unused recovery code of the account as used; answers whether there was one. */
export async function consumeRecoveryCode(
  db: Db,
  userId: number,
  codeHash: string,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: at })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, codeHash),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return rows.length > 0;
}

export async function countUnusedRecoveryCodes(db: Db, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}
