import { AFTER_SUCCESSFUL_LOGIN, isLocked } from '../../../domain/access/index.ts';
import { type AuditContext, recordAudit } from '../../audit/audit.ts';
import type { Db } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { conflict, unauthenticated } from '../../http/errors.ts';
import type { Principal } from '../../http/principal.ts';
import { verifyPassword } from '../../security/passwords.ts';
import { randomSecret, sha256 } from '../../security/tokens.ts';
import { getSecurityPolicy } from '../settings/settings.service.ts';
import { rolesForAudit } from './audit-role.ts';
import {
  deleteSession,
  findUserById,
  findUserByUsername,
  insertSession,
  loadAssignments,
  saveLoginState,
  type UserRow,
} from './auth.repo.ts';
import { principalOf } from './auth.service.ts';
import { countAccountFailure, invalidCredentials, lockedError, refuseUnknownName } from './login-failures.ts';
import { countUnusedRecoveryCodes } from './second-factor.repo.ts';
import { type CodeKind, requireSecondFactorCode } from './second-factor-codes.ts';

type Opened = { token: string; principal: Principal };

function newSession(user: UserRow, ctx: AuditContext, awaitsSecondFactor: boolean) {
  const token = randomSecret('jcs');
  const row = {
    tokenHash: sha256(token),
    userId: user.id,
    createdAt: ctx.at,
    lastSeenAt: ctx.at,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    pendingStep: awaitsSecondFactor ? 'second_factor' : null,
  };
  return { token, row };
}

/** The end of a successful login: the failure count starts again, and the login is audited with the roles. */
async function recordLogin(
  tx: Db,
  ctx: AuditContext,
  login: { user: UserRow; principal: Principal; today: string },
  note?: object,
) {
  const { user, principal } = login;
  await saveLoginState(tx, user.id, { ...AFTER_SUCCESSFUL_LOGIN, lastLoginAt: ctx.at });
  const pending = principal.pendingStep ? { pendingStep: principal.pendingStep } : {};
  await recordAudit(
    tx,
    { ...ctx, actorId: user.id, actorUsername: user.username },
    {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      orgId: user.orgId,
      role: rolesForAudit(principal.assignments, login.today),
      ...(note || principal.pendingStep ? { note: { ...note, ...pending } } : {}),
    },
  );
}

/** The password step's checks of a known account: not locked, the right password, not deactivated. */
async function checkPasswordStep(deps: Deps, ctx: AuditContext, user: UserRow, password: string) {
  const refuse = (reason: string) =>
    deps.db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        orgId: user.orgId,
        note: { username: user.username, reason },
      }),
    );
  if (isLocked(user, deps.clock.now())) {
    await refuse('account_locked');
    throw lockedError(user.lockedUntil as Date);
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const failure = await countAccountFailure(deps, ctx, user, {
      action: 'auth.login_failed',
      note: { username: user.username, reason: 'wrong_password' },
    });
    throw failure.locked ? lockedError(failure.lockedUntil as Date) : invalidCredentials();
  }
  if (user.deactivatedAt) {
    await refuse('account_deactivated');
    throw unauthenticated('account_deactivated', '该账号已停用，请联系管理员');
  }
}

/**
 * Logs a user in with the password. An account with a second factor gets a session that awaits the code
 * (completeSecondStep); the failure count starts again only once the login is complete, so that a known password
 * gives no fresh round of code guesses. Failures are audited and counted in their own transaction.
 */
export async function login(
  deps: Deps,
  ctx: AuditContext,
  input: { username: string; password: string },
): Promise<Opened> {
  const policy = await getSecurityPolicy(deps.db);
  const user = await findUserByUsername(deps.db, input.username);
  if (!user) return refuseUnknownName(deps, ctx, input, policy);
  await checkPasswordStep(deps, ctx, user, input.password);
  const awaits = user.totpEnabledAt !== null;
  const { token, row } = newSession(user, ctx, awaits);
  const facts = { tokenHash: row.tokenHash, awaitsSecondFactor: awaits };
  const principal = await principalOf(deps, user, 'session', facts, policy);
  await deps.db.transaction(async (tx) => {
    await insertSession(tx, row);
    if (!awaits) await recordLogin(tx, ctx, { user, principal, today: deps.clock.today() });
  });
  return { token, principal };
}

/**
 * The login's second step: the TOTP code (or a recovery code) of a session that has the password. The session
 * is replaced by a new one (a new cookie), so that the token that crossed the first step never becomes a full
 * session. A wrong code counts toward the lockout; the lock ends the session.
 */
export async function completeSecondStep(
  deps: Deps,
  ctx: AuditContext,
  principal: Principal,
  code: string,
): Promise<Opened> {
  const pendingHash = principal.sessionHash;
  if (principal.pendingStep !== 'second_factor' || !pendingHash) {
    throw conflict('no_second_factor_pending', '当前登录无需输入验证码');
  }
  const user = await findUserById(deps.db, principal.user.id);
  if (!user) throw unauthenticated();
  if (isLocked(user, deps.clock.now())) {
    await deleteSession(deps.db, pendingHash);
    throw lockedError(user.lockedUntil as Date);
  }
  const role = await rolesOf(deps, user);
  const kind = await requireSecondFactorCode(deps, ctx, user, {
    code,
    acceptRecoveryCode: true,
    during: 'login',
    role,
  });
  const { token, row } = newSession(user, ctx, false);
  const opened = await principalOf(deps, user, 'session', {
    tokenHash: row.tokenHash,
    awaitsSecondFactor: false,
  });
  await deps.db.transaction(async (tx) => {
    await deleteSession(tx, pendingHash);
    await insertSession(tx, row);
    const note = await secondFactorNote(tx, user.id, kind);
    await recordLogin(tx, ctx, { user, principal: opened, today: deps.clock.today() }, note);
  });
  return { token, principal: opened };
}

async function rolesOf(deps: Deps, user: UserRow): Promise<string | null> {
  return rolesForAudit(await loadAssignments(deps.db, user.id), deps.clock.today());
}

async function secondFactorNote(tx: Db, userId: number, kind: CodeKind) {
  if (kind === 'totp') return { secondFactor: kind };
  return { secondFactor: kind, recoveryCodesLeft: await countUnusedRecoveryCodes(tx, userId) };
}
