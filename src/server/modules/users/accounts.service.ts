import type { UserView } from '../../../contracts/users.ts';
import {
  AFTER_SUCCESSFUL_LOGIN,
  checkDeactivation,
  checkPassword,
  checkReactivation,
} from '../../../domain/access/index.ts';
import { expectVersion } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { enforce } from '../../errors.ts';
import { hashPassword } from '../../security/passwords.ts';
import { generatePassword } from '../../security/tokens.ts';
import { endSessionsOfUser, revokeApiTokensOfUser } from '../auth/index.ts';
import { loadManageable } from './users.access.ts';
import { saveLockState, saveResetPassword, updateUserAtVersion } from './users.repo.ts';
import { viewOf } from './users.service.ts';

/**
 * Lifts the lockout after failed logins (安全管理员, or an org_admin in the subtree: `user.unlock`). The
 * system administrator cannot (三员分立).
 */
export async function unlockUser(ctx: Ctx, input: { id: number }): Promise<UserView> {
  const { id } = input;
  return inTransaction(ctx, async (tx) => {
    const { user, role } = await loadManageable(tx, id, 'user.unlock', 'unlock');
    await saveLockState(tx.db, id, AFTER_SUCCESSFUL_LOGIN, tx.at);
    await recordAudit(tx, {
      action: 'user.unlock',
      entityType: 'user',
      entityId: id,
      orgId: user.orgId,
      role,
      before: { lockedUntil: user.lockedUntil, failedAttempts: user.failedAttempts },
      after: { ...AFTER_SUCCESSFUL_LOGIN },
    });
    return viewOf(tx, id);
  });
}

/**
 * Sets a temporary password (given, or generated) that must be changed at the next login, ends the user's
 * sessions and revokes their API tokens. The temporary password is answered this once and never stored in clear.
 */
export async function resetPassword(
  ctx: Ctx,
  input: { id: number; temporaryPassword?: string | undefined },
): Promise<{ temporaryPassword: string }> {
  const { id } = input;
  return inTransaction(ctx, async (tx) => {
    const { user, role } = await loadManageable(tx, id, 'user.manage', 'reset_password');
    const temporaryPassword = input.temporaryPassword ?? generatePassword();
    enforce(checkPassword(temporaryPassword, user.username));
    const passwordHash = await hashPassword(temporaryPassword);
    await saveResetPassword(tx.db, id, passwordHash, tx.at);
    await endSessionsOfUser(tx, id);
    // Whoever held the old password may have issued tokens with it: they go with it.
    const tokensRevoked = await revokeApiTokensOfUser(tx, id);
    await recordAudit(tx, {
      action: 'user.password_reset',
      entityType: 'user',
      entityId: id,
      orgId: user.orgId,
      role,
      before: { passwordHash: user.passwordHash, mustChangePassword: user.mustChangePassword },
      after: { passwordHash, mustChangePassword: true },
      note: { generated: input.temporaryPassword === undefined, sessionsEnded: true, tokensRevoked },
    });
    return { temporaryPassword };
  });
}

/** Deactivates an account: its sessions end and its API tokens are revoked; nobody deactivates themselves. */
export async function deactivateUser(ctx: Ctx, input: { id: number; version: number }): Promise<UserView> {
  const { id } = input;
  return inTransaction(ctx, async (tx) => {
    const { user, role } = await loadManageable(tx, id, 'user.manage', 'deactivate');
    expectVersion(user, input.version);
    enforce(checkDeactivation(user));
    await updateUserAtVersion(tx.db, id, input.version, { deactivatedAt: tx.at }, tx.at);
    await endSessionsOfUser(tx, id);
    const tokensRevoked = await revokeApiTokensOfUser(tx, id);
    await recordAudit(tx, {
      action: 'user.deactivate',
      entityType: 'user',
      entityId: id,
      orgId: user.orgId,
      role,
      before: { deactivatedAt: null },
      after: { deactivatedAt: tx.at },
      note: { sessionsEnded: true, tokensRevoked },
    });
    return viewOf(tx, id);
  });
}

/** Reactivates a deactivated account. Revoked API tokens stay revoked: the user issues new ones. */
export async function reactivateUser(ctx: Ctx, input: { id: number; version: number }): Promise<UserView> {
  const { id } = input;
  return inTransaction(ctx, async (tx) => {
    const { user, role } = await loadManageable(tx, id, 'user.manage', 'reactivate');
    expectVersion(user, input.version);
    enforce(checkReactivation(user));
    await updateUserAtVersion(tx.db, id, input.version, { deactivatedAt: null }, tx.at);
    await recordAudit(tx, {
      action: 'user.reactivate',
      entityType: 'user',
      entityId: id,
      orgId: user.orgId,
      role,
      before: { deactivatedAt: user.deactivatedAt },
      after: { deactivatedAt: null },
    });
    return viewOf(tx, id);
  });
}
