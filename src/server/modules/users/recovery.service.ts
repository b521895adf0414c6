import { eq } from 'drizzle-orm';
import { AFTER_SUCCESSFUL_LOGIN, checkPassword, isLocked } from '../../../domain/access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { inTransaction, type WorkCtx } from '../../context.ts';
import { users } from '../../db/tables/users.ts';
import { hashPassword } from '../../security/passwords.ts';
import { generatePassword } from '../../security/tokens.ts';
import { endSessionsOfUser, removeSecondFactorOfUser, revokeApiTokensOfUser } from '../auth/index.ts';
import { saveLockState, saveResetPassword } from './users.repo.ts';

/**
 * The recovery command (`npm run admin -- …`), run on the server by whoever operates it, for the day the last
 * security administrator is locked out, has forgotten the password or lost the phone. It stands outside 三员分立
 * (account-duties.ts): access to the server is the authority. Every use is audited with the operating-system user.
 */
export const RECOVERY_ACTIONS = ['reset-password', 'reset-second-factor'] as const;
export type RecoveryAction = (typeof RECOVERY_ACTIONS)[number];

/** The audit log's actor of the command (the job context's actorUsername): no account, this name. */
export const COMMAND_LINE_ACTOR = '命令行';

export class RecoveryError extends Error {}

export type RecoveryResult = {
  readonly username: string;
  readonly name: string;
  /** The generated temporary password (reset-password): shown once, never stored in clear. */
  readonly temporaryPassword?: string;
  readonly wasLocked: boolean;
  readonly tokensRevoked: number;
  readonly deactivated: boolean;
};

type Input = { action: RecoveryAction; username: string; osUser: string };
type Account = typeof users.$inferSelect;
type Step = { tx: WorkCtx; user: Account; note: Record<string, unknown> };

/** A generated password that meets the policy (a short username could, rarely, appear in the random text). */
function temporaryPasswordFor(username: string): string {
  for (;;) {
    const password = generatePassword();
    if (checkPassword(password, username).ok) return password;
  }
}

async function resetPasswordStep({ tx, user, note }: Step) {
  const temporaryPassword = temporaryPasswordFor(user.username);
  const passwordHash = await hashPassword(temporaryPassword);
  await saveResetPassword(tx.db, user.id, passwordHash, tx.at);
  const tokensRevoked = await revokeApiTokensOfUser(tx, user.id);
  await recordAudit(tx, {
    action: 'user.password_reset',
    entityType: 'user',
    entityId: user.id,
    orgId: user.orgId,
    before: { passwordHash: user.passwordHash, mustChangePassword: user.mustChangePassword },
    after: { passwordHash, mustChangePassword: true },
    note: { ...note, generated: true, tokensRevoked },
  });
  return { temporaryPassword, tokensRevoked };
}

async function resetSecondFactorStep({ tx, user, note }: Step) {
  await removeSecondFactorOfUser(tx, user.id);
  await recordAudit(tx, {
    action: 'user.second_factor_reset',
    entityType: 'user',
    entityId: user.id,
    orgId: user.orgId,
    before: { totpEnabledAt: user.totpEnabledAt },
    after: { totpEnabledAt: null },
    note: { ...note, recoveryCodesRemoved: true },
  });
  return { tokensRevoked: 0 };
}

/**
 * reset-password: a generated temporary password that must be changed at the next login; the lock lifted, the
 * sessions ended, the API tokens revoked. reset-second-factor: the TOTP key and the recovery codes removed (a new
 * one is enrolled at the next login), the lock lifted, the sessions ended. One transaction, one audit row. `ctx` is
 * the command's job context (context.ts, jobCtx, with COMMAND_LINE_ACTOR).
 */
export async function recoverAccount(ctx: WorkCtx, input: Input): Promise<RecoveryResult> {
  return inTransaction(ctx, async (tx) => {
    const [user] = await tx.db.select().from(users).where(eq(users.username, input.username)).for('update');
    if (!user) throw new RecoveryError(`用户“${input.username}”不存在，请检查用户名（区分大小写）`);
    const wasLocked = isLocked(user, tx.at);
    await saveLockState(tx.db, user.id, AFTER_SUCCESSFUL_LOGIN, tx.at);
    await endSessionsOfUser(tx, user.id);
    const note = { via: 'command_line', osUser: input.osUser, unlocked: wasLocked, sessionsEnded: true };
    const step = { tx, user, note };
    const done =
      input.action === 'reset-password' ? await resetPasswordStep(step) : await resetSecondFactorStep(step);
    return {
      username: user.username,
      name: user.name,
      wasLocked,
      deactivated: user.deactivatedAt !== null,
      ...done,
    };
  });
}
