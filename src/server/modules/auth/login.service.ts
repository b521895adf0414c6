import type { AuditNoteReason } from '../../../contracts/audit.ts';
import { AFTER_SUCCESSFUL_LOGIN, isLocked } from '../../../domain/access/index.ts';
import type { Principal } from '../../access/principal.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type AnonCtx, type Ctx, inTransaction, type WorkCtx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { conflict, unauthenticated } from '../../errors.ts';
import { verifyPassword } from '../../security/passwords.ts';
import { randomSecret, sha256 } from '../../security/tokens.ts';
import { getSecurityPolicy } from '../settings/index.ts';
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

function newSession(user: UserRow, ctx: WorkCtx, awaitsSecondFactor: boolean) {
  const token = randomSecret('jcs');
  const row = {
    tokenHash: sha256(token),
    userId: user.id,
    createdAt: ctx.at,
    lastSeenAt: ctx.at,
    ip: ctx.audit.ip,
    userAgent: ctx.audit.userAgent,
    pendingStep: awaitsSecondFactor ? 'second_factor' : null,
  };
  return { token, row };
}

/** The end of a successful login: the failure count starts again, and the login is audited with the roles. */
async function recordLogin(tx: WorkCtx, login: { user: UserRow; principal: Principal }, note?: object) {
  const { user, principal } = login;
  await saveLoginState(tx.db, user.id, { ...AFTER_SUCCESSFUL_LOGIN, lastLoginAt: tx.at });
  const pending = principal.pendingStep ? { pendingStep: principal.pendingStep } : {};
  // The row is the user's own, whoever the request carried a session for before.
  const audit = { ...tx.audit, actorId: user.id, actorUsername: user.username };
  await recordAudit(
    { db: tx.db, audit },
    {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      orgId: user.orgId,
      role: rolesForAudit(principal.assignments, tx.today),
      ...(note || principal.pendingStep ? { note: { ...note, ...pending } } : {}),
    },
  );
}

/** The password step's checks of a known account: not locked, the right password, not deactivated. */
async function checkPasswordStep(ctx: AnonCtx, user: UserRow, password: string) {
  const refuse = (reason: AuditNoteReason) =>
    inTransaction(ctx, (tx) =>
      recordAudit(tx, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        orgId: user.orgId,
        note: { username: user.username, reason },
      }),
    );
  if (isLocked(user, ctx.at)) {
    await refuse('account_locked');
    throw lockedError(user.lockedUntil as Date);
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const failure = await countAccountFailure(ctx, user, {
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
export async function login(ctx: AnonCtx, input: { username: string; password: string }): Promise<Opened> {
  const policy = await getSecurityPolicy(ctx.db);
  const user = await findUserByUsername(ctx.db, input.username);
  if (!user) return refuseUnknownName(ctx, input, policy);
  await checkPasswordStep(ctx, user, input.password);
  const awaits = user.totpEnabledAt !== null;
  const { token, row } = newSession(user, ctx, awaits);
  const facts = { tokenHash: row.tokenHash, awaitsSecondFactor: awaits };
  const principal = await principalOf(ctx, user, 'session', facts, policy);
  await inTransaction(ctx, async (tx) => {
    await insertSession(tx.db, row);
    if (!awaits) await recordLogin(tx, { user, principal });
  });
  return { token, principal };
}

/**
 * The login's second step: the TOTP code (or a recovery code) of a session that has the password. The session
 * is replaced by a new one (a new cookie), so that the token that crossed the first step never becomes a full
 * session. A wrong code counts toward the lockout; the lock ends the session.
 */
export async function completeSecondStep(ctx: Ctx, input: { code: string }): Promise<Opened> {
  const { principal } = ctx;
  const pendingHash = principal.sessionHash;
  if (principal.pendingStep !== 'second_factor' || !pendingHash) {
    throw conflict('no_second_factor_pending', '当前登录无需输入验证码');
  }
  const user = await findUserById(ctx.db, principal.user.id);
  if (!user) throw unauthenticated();
  if (isLocked(user, ctx.at)) {
    await deleteSession(ctx.db, pendingHash);
    throw lockedError(user.lockedUntil as Date);
  }
  const role = await rolesOf(ctx, user);
  const kind = await requireSecondFactorCode(ctx, user, {
    code: input.code,
    acceptRecoveryCode: true,
    during: 'login',
    role,
  });
  const { token, row } = newSession(user, ctx, false);
  const opened = await principalOf(ctx, user, 'session', {
    tokenHash: row.tokenHash,
    awaitsSecondFactor: false,
  });
  await inTransaction(ctx, async (tx) => {
    await deleteSession(tx.db, pendingHash);
    await insertSession(tx.db, row);
    const note = await secondFactorNote(tx.db, user.id, kind);
    await recordLogin(tx, { user, principal: opened }, note);
  });
  return { token, principal: opened };
}

/** Every role the user holds today: a principal awaiting its code holds none, the audit row names them. */
async function rolesOf(ctx: WorkCtx, user: UserRow): Promise<string | null> {
  return rolesForAudit(await loadAssignments(ctx.db, user.id), ctx.today);
}

async function secondFactorNote(tx: Db, userId: number, kind: CodeKind) {
  if (kind === 'totp') return { secondFactor: kind };
  return { secondFactor: kind, recoveryCodesLeft: await countUnusedRecoveryCodes(tx, userId) };
}
