import type { UserView } from '../../../contracts/users.ts';
import type { Actor } from '../../../domain/access/index.ts';
import {
  AFTER_SUCCESSFUL_LOGIN,
  checkDeactivation,
  checkPassword,
  checkReactivation,
} from '../../../domain/access/index.ts';
import { type AuditContext, recordAudit } from '../../audit/audit.ts';
import type { Deps } from '../../deps.ts';
import { enforce, staleVersion } from '../../http/errors.ts';
import { hashPassword } from '../../security/passwords.ts';
import { generatePassword } from '../../security/tokens.ts';
import { endSessionsOfUser, revokeApiTokensOfUser } from '../auth/sessions.service.ts';
import { loadManageable } from './users.access.ts';
import { saveLockState, saveResetPassword, updateUserAtVersion } from './users.repo.ts';
import { viewOf } from './users.service.ts';

/**
 * Lifts the lockout after failed logins (安全管理员, or an org_admin in the subtree: `user.unlock`). The
 * system administrator cannot (三员分立).
 */
export async function unlockUser(deps: Deps, actor: Actor, ctx: AuditContext, id: number): Promise<UserView> {
  const today = deps.clock.today();
  return deps.db.transaction(async (tx) => {
    const { user, role } = await loadManageable(tx, actor, id, 'user.unlock', 'unlock', today);
    await saveLockState(tx, id, AFTER_SUCCESSFUL_LOGIN, ctx.at);
    await recordAudit(tx, ctx, {
      action: 'user.unlock',
      entityType: 'user',
      entityId: id,
      orgId: user.orgId,
      role,
      before: { lockedUntil: user.lockedUntil, failedAttempts: user.failedAttempts },
      after: { ...AFTER_SUCCESSFUL_LOGIN },
    });
    return viewOf(tx, id, { actor, now: deps.clock.now(), today });
  });
}

/**
 * Sets a temporary password (given, or generated) that must be changed at the next login, ends the user's
 * sessions and revokes their API tokens. The temporary password is answered this once and never stored in clear.
 */
export async function resetPassword(
  deps: Deps,
  actor: Actor,
  ctx: AuditContext,
  id: number,
  input: { temporaryPassword?: string | undefined },
): Promise<{ temporaryPassword: string }> {
  const today = deps.clock.today();
  return deps.db.transaction(async (tx) => {
    const { user, role } = await loadManageable(tx, actor, id, 'user.manage', 'reset_password', today);
    const temporaryPassword = input.temporaryPassword ?? generatePassword();
    enforce(checkPassword(temporaryPassword, user.username));
    const passwordHash = await hashPassword(temporaryPassword);
    await saveResetPassword(tx, id, passwordHash, ctx.at);
    await endSessionsOfUser(tx, id);
    // Whoever held the old password may have issued tokens with it: they go with it.
    const tokensRevoked = await revokeApiTokensOfUser(tx, id, ctx.at);
    await recordAudit(tx, ctx, {
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
export async function deactivateUser(
  deps: Deps,
  actor: Actor,
  ctx: AuditContext,
  id: number,
  input: { version: number },
): Promise<UserView> {
  const today = deps.clock.today();
  return deps.db.transaction(async (tx) => {
    const { user, role } = await loadManageable(tx, actor, id, 'user.manage', 'deactivate', today);
    if (input.version !== user.version) throw staleVersion();
    enforce(checkDeactivation(user));
    const saved = await updateUserAtVersion(tx, id, input.version, { deactivatedAt: ctx.at }, ctx.at);
    if (!saved) throw staleVersion();
    await endSessionsOfUser(tx, id);
    const tokensRevoked = await revokeApiTokensOfUser(tx, id, ctx.at);
    await recordAudit(tx, ctx, {
      action: 'user.deactivate',
      entityType: 'user',
      entityId: id,
      orgId: user.orgId,
      role,
      before: { deactivatedAt: null },
      after: { deactivatedAt: ctx.at },
      note: { sessionsEnded: true, tokensRevoked },
    });
    return viewOf(tx, id, { actor, now: deps.clock.now(), today });
  });
}

/** Reactivates a deactivated account. Revoked API tokens stay revoked: the user issues new ones. */
export async function reactivateUser(
  deps: Deps,
  actor: Actor,
  ctx: AuditContext,
  id: number,
  input: { version: number },
): Promise<UserView> {
  const today = deps.clock.today();
  return deps.db.transaction(async (tx) => {
    const { user, role } = await loadManageable(tx, actor, id, 'user.manage', 'reactivate', today);
    if (input.version !== user.version) throw staleVersion();
    enforce(checkReactivation(user));
    const saved = await updateUserAtVersion(tx, id, input.version, { deactivatedAt: null }, ctx.at);
    if (!saved) throw staleVersion();
    await recordAudit(tx, ctx, {
      action: 'user.reactivate',
      entityType: 'user',
      entityId: id,
      orgId: user.orgId,
      role,
      before: { deactivatedAt: user.deactivatedAt },
      after: { deactivatedAt: null },
    });
    return viewOf(tx, id, { actor, now: deps.clock.now(), today });
  });
}
