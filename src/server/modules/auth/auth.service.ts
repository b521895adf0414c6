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
import type { Credentials, Principal } from '../../access/principal.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type AnonCtx, type Ctx, inTransaction, type WorkCtx } from '../../context.ts';
import { AppError, enforce, unauthenticated } from '../../errors.ts';
import { hashPassword, verifyPassword } from '../../security/passwords.ts';
import { sha256 } from '../../security/tokens.ts';
import { getSecurityPolicy } from '../settings/index.ts';
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
  ctx: Pick<WorkCtx, 'db' | 'today'>,
  user: UserRow,
  via: Principal['via'],
  session?: SessionFacts,
  knownPolicy?: SecurityPolicy,
): Promise<Principal> {
  const policy = knownPolicy ?? (await getSecurityPolicy(ctx.db));
  const loaded = await loadAssignments(ctx.db, user.id);
  const secondFactor = {
    enabled: user.totpEnabledAt !== null,
    required: secondFactorRequired(
      loaded.filter((a) => isCurrent(a, ctx.today)).map((a) => a.role),
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
  const { id, username, name, orgId, mustChangePassword, personId } = user;
  return {
    actor,
    user: { id, username, name, orgId, mustChangePassword, personId },
    assignments,
    via,
    pendingStep: step,
    secondFactor,
    ...(session ? { sessionHash: session.tokenHash } : {}),
  };
}

/** The principal behind a session cookie, or nothing if the session is unknown, expired or its user gone. */
async function authenticateSession(ctx: AnonCtx, token: string): Promise<Principal | null> {
  const tokenHash = sha256(token);
  const session = await findSession(ctx.db, tokenHash);
  if (!session) return null;
  const now = ctx.at;
  const policy = await getSecurityPolicy(ctx.db);
  const pendingTooLong =
    session.pendingStep !== null &&
    now.getTime() - session.createdAt.getTime() > PENDING_SECOND_FACTOR_MINUTES * 60_000;
  if (pendingTooLong || isSessionExpired(session, now, policy)) {
    await deleteSession(ctx.db, tokenHash);
    return null;
  }
  const user = await findUserById(ctx.db, session.userId);
  if (!user || user.deactivatedAt) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await touchSession(ctx.db, tokenHash, now);
  }
  const facts = { tokenHash, awaitsSecondFactor: session.pendingStep === 'second_factor' };
  return principalOf(ctx, user, 'session', facts, policy);
}

/** The principal behind a personal API token (`Authorization: Bearer jct_…`). */
async function authenticateToken(ctx: AnonCtx, token: string): Promise<Principal | null> {
  const row = await findActiveToken(ctx.db, sha256(token));
  if (!row) return null;
  if (row.expiresOn && row.expiresOn < ctx.today) return null;
  const user = await findUserById(ctx.db, row.userId);
  if (!user || user.deactivatedAt) return null;
  await touchToken(ctx.db, row.id, ctx.at);
  return principalOf(ctx, user, 'token');
}

/** Who presents these credentials (the PrincipalResolver app.ts gives the authentication hook). */
export function resolvePrincipal(ctx: AnonCtx, credentials: Credentials): Promise<Principal | null> {
  return credentials.via === 'token'
    ? authenticateToken(ctx, credentials.secret)
    : authenticateSession(ctx, credentials.secret);
}

/** The `role` of audit rows about the principal's own account (audit-role.ts). */
export function principalRoles(ctx: Ctx): string | null {
  return rolesForAudit(ctx.principal.assignments, ctx.today);
}

export async function logout(ctx: Ctx): Promise<void> {
  const { principal } = ctx;
  await inTransaction(ctx, async (tx) => {
    if (principal.sessionHash) await deleteSession(tx.db, principal.sessionHash);
    await recordAudit(tx, {
      action: 'auth.logout',
      entityType: 'user',
      entityId: principal.user.id,
      orgId: principal.user.orgId,
      role: principalRoles(ctx),
    });
  });
}

/** A wrong current password: audited, counted toward the lockout; the guess that locks ends the sessions. */
async function refuseWrongPassword(ctx: Ctx, user: UserRow, role: string | null): Promise<never> {
  const note = { reason: 'wrong_current_password' } as const;
  const failure = await countAccountFailure(
    ctx,
    user,
    { action: 'auth.password_change_failed', role, note },
    { endSessionsOnLock: true },
  );
  if (failure.locked) throw lockedError(failure.lockedUntil as Date);
  throw new AppError('rule_violation', '当前密码不正确', { reason: 'wrong_current_password' });
}

/**
 * Changes the user's own password: the current one must be right and the new one meet the policy. Ends the
 * user's other sessions and revokes every API token (whoever held the old password may have issued some), and
 * lifts the duty to change a generated or reset password. A wrong current password is audited and counts toward
 * the account's lockout like a failed login: a hijacked session cannot guess its way to the password; the guess
 * that locks the account ends its sessions too.
 */
export async function changePassword(
  ctx: Ctx,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await findUserById(ctx.db, ctx.principal.user.id);
  if (!user) throw unauthenticated();
  const role = principalRoles(ctx);
  if (isLocked(user, ctx.at)) throw lockedError(user.lockedUntil as Date);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await refuseWrongPassword(ctx, user, role);
  }
  enforce(checkPasswordChange(input.currentPassword, input.newPassword, user.username));
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async (tx) => {
    await savePassword(tx.db, user.id, passwordHash, false, tx.at);
    await deleteSessionsOfUser(tx.db, user.id, ctx.principal.sessionHash);
    const tokensRevoked = await revokeApiTokensOfUser(tx, user.id);
    await recordAudit(tx, {
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
