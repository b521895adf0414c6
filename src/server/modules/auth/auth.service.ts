import type { Actor } from '../../../domain/access.ts';
import { checkPasswordChange } from '../../../domain/password-policy.ts';
import {
  AFTER_SUCCESSFUL_LOGIN,
  afterFailedLogin,
  isLocked,
  isSessionExpired,
} from '../../../domain/security-policy.ts';
import { type AuditContext, recordAudit } from '../../audit/audit.ts';
import type { Db } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { AppError, enforce, unauthenticated } from '../../http/errors.ts';
import type { Principal } from '../../http/principal.ts';
import { hashPassword, verifyAgainstNothing, verifyPassword } from '../../security/passwords.ts';
import { randomSecret, sha256 } from '../../security/tokens.ts';
import { getSecurityPolicy } from '../settings/settings.service.ts';
import {
  deleteSession,
  deleteSessionsOfUser,
  findActiveToken,
  findSession,
  findUserById,
  findUserByUsername,
  insertSession,
  loadAssignments,
  saveLoginState,
  savePassword,
  touchSession,
  touchToken,
  type UserRow,
} from './auth.repo.ts';

/** Touch a session at most once a minute: the idle timeout needs no finer grain than that. */
const TOUCH_INTERVAL_MS = 60_000;

async function principalOf(
  db: Db,
  user: UserRow,
  via: Principal['via'],
  sessionHash?: string,
): Promise<Principal> {
  const assignments = await loadAssignments(db, user.id);
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
  return {
    actor,
    user: {
      id: user.id,
      username: user.username,
      name: user.name,
      orgId: user.orgId,
      mustChangePassword: user.mustChangePassword,
    },
    assignments,
    via,
    ...(sessionHash ? { sessionHash } : {}),
  };
}

const invalidCredentials = () => unauthenticated('invalid_credentials', '用户名或密码错误');

function lockedError(lockedUntil: Date) {
  return new AppError('unauthenticated', '连续登录失败次数过多，账号已临时锁定，请稍后再试或联系管理员解锁', {
    reason: 'account_locked',
    lockedUntil: lockedUntil.toISOString(),
  });
}

/**
 * Logs a user in and opens a session. Failures are audited and counted in their own transaction, so that
 * the refusal does not roll the record of it back.
 */
export async function login(
  deps: Deps,
  ctx: AuditContext,
  input: { username: string; password: string },
): Promise<{ token: string; principal: Principal }> {
  const now = deps.clock.now();
  const policy = await getSecurityPolicy(deps.db);
  const user = await findUserByUsername(deps.db, input.username);
  const fail = async (reason: string) => {
    await deps.db.transaction(async (tx) => {
      await recordAudit(tx, ctx, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        orgId: user?.orgId ?? null,
        note: { username: input.username, reason },
      });
    });
  };
  if (!user) {
    await verifyAgainstNothing(input.password);
    await fail('unknown_user');
    throw invalidCredentials();
  }
  if (isLocked(user, now)) {
    await fail('account_locked');
    throw lockedError(user.lockedUntil as Date);
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const next = afterFailedLogin(user, now, policy);
    const justLocked = isLocked(next, now);
    await deps.db.transaction(async (tx) => {
      await saveLoginState(tx, user.id, next);
      await recordAudit(tx, ctx, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        orgId: user.orgId,
        note: { username: input.username, reason: 'wrong_password' },
      });
      if (justLocked) {
        await recordAudit(tx, ctx, {
          action: 'auth.account_locked',
          entityType: 'user',
          entityId: user.id,
          orgId: user.orgId,
          note: { lockedUntil: next.lockedUntil?.toISOString(), threshold: policy.lockoutThreshold },
        });
      }
    });
    throw justLocked ? lockedError(next.lockedUntil as Date) : invalidCredentials();
  }
  if (user.deactivatedAt) {
    await fail('account_deactivated');
    throw unauthenticated('account_deactivated', '该账号已停用，请联系管理员');
  }
  const token = randomSecret('jcs');
  const tokenHash = sha256(token);
  await deps.db.transaction(async (tx) => {
    await saveLoginState(tx, user.id, { ...AFTER_SUCCESSFUL_LOGIN, lastLoginAt: now });
    await insertSession(tx, {
      tokenHash,
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
    await recordAudit(
      tx,
      { ...ctx, actorId: user.id, actorUsername: user.username },
      {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
        orgId: user.orgId,
      },
    );
  });
  return { token, principal: await principalOf(deps.db, user, 'session', tokenHash) };
}

/** The principal behind a session cookie, or nothing if the session is unknown, expired or its user gone. */
export async function authenticateSession(deps: Deps, token: string): Promise<Principal | null> {
  const tokenHash = sha256(token);
  const session = await findSession(deps.db, tokenHash);
  if (!session) return null;
  const now = deps.clock.now();
  if (isSessionExpired(session, now, await getSecurityPolicy(deps.db))) {
    await deleteSession(deps.db, tokenHash);
    return null;
  }
  const user = await findUserById(deps.db, session.userId);
  if (!user || user.deactivatedAt) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await touchSession(deps.db, tokenHash, now);
  }
  return principalOf(deps.db, user, 'session', tokenHash);
}

/** The principal behind a personal API token (`Authorization: Bearer jct_…`). */
export async function authenticateToken(deps: Deps, token: string): Promise<Principal | null> {
  const row = await findActiveToken(deps.db, sha256(token));
  if (!row) return null;
  if (row.expiresOn && row.expiresOn < deps.clock.today()) return null;
  const user = await findUserById(deps.db, row.userId);
  if (!user || user.deactivatedAt) return null;
  await touchToken(deps.db, row.id, deps.clock.now());
  return principalOf(deps.db, user, 'token');
}

export async function logout(deps: Deps, ctx: AuditContext, principal: Principal): Promise<void> {
  await deps.db.transaction(async (tx) => {
    if (principal.sessionHash) await deleteSession(tx, principal.sessionHash);
    await recordAudit(tx, ctx, {
      action: 'auth.logout',
      entityType: 'user',
      entityId: principal.user.id,
      orgId: principal.user.orgId,
    });
  });
}

/**
 * Changes the user's own password: the current one must be right and the new one meet the policy. Ends the
 * user's other sessions, and lifts the duty to change a generated or reset password.
 */
export async function changePassword(
  deps: Deps,
  ctx: AuditContext,
  principal: Principal,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await findUserById(deps.db, principal.user.id);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('rule_violation', '当前密码不正确', { reason: 'wrong_current_password' });
  }
  enforce(checkPasswordChange(input.currentPassword, input.newPassword, user.username));
  const passwordHash = await hashPassword(input.newPassword);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await savePassword(tx, user.id, passwordHash, false, now);
    await deleteSessionsOfUser(tx, user.id, principal.sessionHash);
    await recordAudit(tx, ctx, {
      action: 'auth.password_change',
      entityType: 'user',
      entityId: user.id,
      orgId: user.orgId,
      before: { passwordHash: user.passwordHash, mustChangePassword: user.mustChangePassword },
      after: { passwordHash, mustChangePassword: false },
    });
  });
}
