import {
  type Actor,
  checkPasswordChange,
  isCurrent,
  isLocked,
  isSessionExpired,
  PENDING_SECOND_FACTOR_MINUTES,
  pendingStep,
  type SecurityPolicy,
  secondFactorRequired,
} from '../../../domain/access/index.ts';
import { type AuditContext, recordAudit } from '../../audit/audit.ts';
import type { Deps } from '../../deps.ts';
import { AppError, enforce, unauthenticated } from '../../http/errors.ts';
import type { Principal } from '../../http/principal.ts';
import { hashPassword, verifyPassword } from '../../security/passwords.ts';
import { sha256 } from '../../security/tokens.ts';
import { getSecurityPolicy } from '../settings/settings.service.ts';
import { rolesForAudit } from './audit-role.ts';
import {
  deleteSession,
  deleteSessionsOfUser,
  findActiveToken,
  findSession,
  findUserById,
  loadAssignments,
  savePassword,
  touchSession,
  touchToken,
  type UserRow,
} from './auth.repo.ts';
import { countAccountFailure, lockedError } from './login-failures.ts';
import { revokeApiTokensOfUser } from './sessions.service.ts';

/** Touch a session at most once a minute: the idle timeout needs no finer grain than that. */
const TOUCH_INTERVAL_MS = 60_000;

type SessionFacts = { readonly tokenHash: string; readonly awaitsSecondFactor: boolean };

/**
 * The principal of a user: their roles, and what the session must still do (second-factor.ts, pendingStep).
 * Until the second-factor code is given, the principal holds no role at all: nothing can be authorized with the
 * password alone, even by a route that forgot to check the pending step.
 */
export async function principalOf(
  deps: Deps,
  user: UserRow,
  via: Principal['via'],
  session?: SessionFacts,
  knownPolicy?: SecurityPolicy,
): Promise<Principal> {
  const policy = knownPolicy ?? (await getSecurityPolicy(deps.db));
  const loaded = await loadAssignments(deps.db, user.id);
  const today = deps.clock.today();
  const secondFactor = {
    enabled: user.totpEnabledAt !== null,
    required: secondFactorRequired(
      loaded.filter((a) => isCurrent(a, today)).map((a) => a.role),
      policy,
    ),
  };
  const step = pendingStep({
    awaitsSecondFactor: session?.awaitsSecondFactor ?? false,
    mustChangePassword: user.mustChangePassword,
    secondFactorRequired: secondFactor.required,
    secondFactorEnabled: secondFactor.enabled,
  });
  const assignments = step === 'second_factor' ? [] : loaded;
  const actor: Actor = {
    userId: user.id,
    username: user.username,
    assignments: assignments.map((a) => ({
      role: a.role,
      orgId: a.orgId,
      orgPath: a.orgPath,
      endsOn: a.endsOn,
    })),
  };
  const { id, username, name, orgId, mustChangePassword } = user;
  return {
    actor,
    user: { id, username, name, orgId, mustChangePassword },
    assignments,
    via,
    pendingStep: step,
    secondFactor,
    ...(session ? { sessionHash: session.tokenHash } : {}),
  };
}

/** The principal behind a session cookie, or nothing if the session is unknown, expired or its user gone. */
export async function authenticateSession(deps: Deps, token: string): Promise<Principal | null> {
  const tokenHash = sha256(token);
  const session = await findSession(deps.db, tokenHash);
  if (!session) return null;
  const now = deps.clock.now();
  const policy = await getSecurityPolicy(deps.db);
  const pendingTooLong =
    session.pendingStep !== null &&
    now.getTime() - session.createdAt.getTime() > PENDING_SECOND_FACTOR_MINUTES * 60_000;
  if (pendingTooLong || isSessionExpired(session, now, policy)) {
    await deleteSession(deps.db, tokenHash);
    return null;
  }
  const user = await findUserById(deps.db, session.userId);
  if (!user || user.deactivatedAt) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await touchSession(deps.db, tokenHash, now);
  }
  const facts = { tokenHash, awaitsSecondFactor: session.pendingStep === 'second_factor' };
  return principalOf(deps, user, 'session', facts, policy);
}

/** The principal behind a personal API token (`Authorization: Bearer jct_…`). */
export async function authenticateToken(deps: Deps, token: string): Promise<Principal | null> {
  const row = await findActiveToken(deps.db, sha256(token));
  if (!row) return null;
  if (row.expiresOn && row.expiresOn < deps.clock.today()) return null;
  const user = await findUserById(deps.db, row.userId);
  if (!user || user.deactivatedAt) return null;
  await touchToken(deps.db, row.id, deps.clock.now());
  return principalOf(deps, user, 'token');
}

/** The `role` of audit rows about the principal's own account (audit-role.ts). */
export function principalRoles(deps: Deps, principal: Principal): string | null {
  return rolesForAudit(principal.assignments, deps.clock.today());
}

export async function logout(deps: Deps, ctx: AuditContext, principal: Principal): Promise<void> {
  await deps.db.transaction(async (tx) => {
    if (principal.sessionHash) await deleteSession(tx, principal.sessionHash);
    await recordAudit(tx, ctx, {
      action: 'auth.logout',
      entityType: 'user',
      entityId: principal.user.id,
      orgId: principal.user.orgId,
      role: principalRoles(deps, principal),
    });
  });
}

/**
 * Changes the user's own password: the current one must be right and the new one meet the policy. Ends the
 * user's other sessions and revokes every API token (whoever held the old password may have issued some), and
 * lifts the duty to change a generated or reset password. A wrong current password is audited and counts toward
 * the account's lockout like a failed login: a hijacked session cannot guess its way to the password; the guess
 * that locks the account ends its sessions too.
 */
export async function changePassword(
  deps: Deps,
  ctx: AuditContext,
  principal: Principal,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await findUserById(deps.db, principal.user.id);
  if (!user) throw unauthenticated();
  const role = principalRoles(deps, principal);
  if (isLocked(user, deps.clock.now())) throw lockedError(user.lockedUntil as Date);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    const note = { reason: 'wrong_current_password' };
    const failure = await countAccountFailure(
      deps,
      ctx,
      user,
      { action: 'auth.password_change_failed', role, note },
      { endSessionsOnLock: true },
    );
    if (failure.locked) throw lockedError(failure.lockedUntil as Date);
    throw new AppError('rule_violation', '当前密码不正确', { reason: 'wrong_current_password' });
  }
  enforce(checkPasswordChange(input.currentPassword, input.newPassword, user.username));
  const passwordHash = await hashPassword(input.newPassword);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await savePassword(tx, user.id, passwordHash, false, now);
    await deleteSessionsOfUser(tx, user.id, principal.sessionHash);
    const tokensRevoked = await revokeApiTokensOfUser(tx, user.id, now);
    await recordAudit(tx, ctx, {
      action: 'auth.password_change',
      entityType: 'user',
      entityId: user.id,
      orgId: user.orgId,
      role,
      before: { passwordHash: user.passwordHash, mustChangePassword: user.mustChangePassword },
      after: { passwordHash, mustChangePassword: false },
      note: { otherSessionsEnded: true, tokensRevoked },
    });
  });
}
