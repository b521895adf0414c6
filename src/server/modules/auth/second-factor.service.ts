import type {
  RecoveryCodesView,
  SecondFactorEnrolment,
  SecondFactorStatus,
} from '../../../contracts/auth.ts';
import {
  checkDisable,
  checkEnrolment,
  checkRecoveryCodesRegeneration,
} from '../../../domain/access/index.ts';
import { type AuditContext, recordAudit } from '../../audit/audit.ts';
import type { Db } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { AppError, enforce, forbidden, unauthenticated } from '../../http/errors.ts';
import type { Principal } from '../../http/principal.ts';
import { findUserById, type UserRow } from './auth.repo.ts';
import { principalRoles } from './auth.service.ts';
import { newRecoveryCodes, recoveryCodeHash } from './recovery-codes.ts';
import {
  countUnusedRecoveryCodes,
  enableTotp,
  removeTotp,
  replaceRecoveryCodes,
  savePendingSecret,
} from './second-factor.repo.ts';
import { requireSecondFactorCode } from './second-factor-codes.ts';
import { base32Of, matchTotp, newTotpSecret, totpUri } from './totp.ts';

/**
 * 个人设置 › 双因素认证: enrolment (a new key, confirmed by a code before it takes effect), recovery codes, and
 * turning the factor off where it is not required. Only in a web session: an API token does not manage the factor.
 */
async function ownAccount(deps: Deps, principal: Principal): Promise<UserRow> {
  if (principal.via !== 'session') {
    throw forbidden('session_required', '双因素认证只能在网页登录后设置，不能使用 API 令牌');
  }
  const user = await findUserById(deps.db, principal.user.id);
  if (!user) throw unauthenticated();
  return user;
}

const pendingContext = (userId: number) => `totp-pending:${userId}`;

export async function secondFactorStatus(deps: Deps, principal: Principal): Promise<SecondFactorStatus> {
  const user = await findUserById(deps.db, principal.user.id);
  if (!user) throw unauthenticated();
  const enabled = user.totpEnabledAt !== null;
  return {
    enabled,
    required: principal.secondFactor.required,
    enabledAt: user.totpEnabledAt?.toISOString() ?? null,
    recoveryCodesLeft: enabled ? await countUnusedRecoveryCodes(deps.db, user.id) : 0,
  };
}

/**
 * A new 20-byte key for the authenticator app, kept aside (sealed) until a code from the app confirms it: a
 * scan that failed leaves the account as it was. Starting again replaces the key.
 */
export async function startEnrolment(deps: Deps, principal: Principal): Promise<SecondFactorEnrolment> {
  const user = await ownAccount(deps, principal);
  enforce(checkEnrolment(user.totpEnabledAt !== null));
  const secret = newTotpSecret();
  await savePendingSecret(deps.db, user.id, deps.idCipher.sealSecret(secret, pendingContext(user.id)));
  return { secret: base32Of(secret), uri: totpUri(secret, user.username) };
}

async function issueRecoveryCodes(deps: Deps, tx: Db, userId: number, at: Date): Promise<string[]> {
  const codes = newRecoveryCodes();
  await replaceRecoveryCodes(
    tx,
    userId,
    codes.map((c) => recoveryCodeHash(deps.idCipher, c)),
    at,
  );
  return codes;
}

/**
 * Confirms the key with a code from the app: the factor takes effect, the code's step counts as used, and the
 * recovery codes are answered this once. A wrong code here is a typo or a clock off, not a guess (whoever is here
 * was just given the key): it is refused without counting toward the lockout.
 */
export async function confirmEnrolment(
  deps: Deps,
  ctx: AuditContext,
  principal: Principal,
  code: string,
): Promise<RecoveryCodesView> {
  const user = await ownAccount(deps, principal);
  enforce(checkEnrolment(user.totpEnabledAt !== null));
  if (!user.totpPendingSecret) {
    throw new AppError('rule_violation', '请先获取新的密钥并在手机上添加', {
      reason: 'no_enrolment_started',
    });
  }
  const secret = deps.idCipher.openSecret(user.totpPendingSecret, pendingContext(user.id));
  const step = matchTotp(secret, code, deps.clock.now());
  if (step === null) {
    throw new AppError('rule_violation', '验证码不正确，请确认手机时间准确后输入当前显示的6位数字', {
      reason: 'invalid_second_factor',
    });
  }
  return deps.db.transaction(async (tx) => {
    await enableTotp(tx, user.id, deps.idCipher.sealSecret(secret, `totp:${user.id}`), step, ctx.at);
    const recoveryCodes = await issueRecoveryCodes(deps, tx, user.id, ctx.at);
    await recordAudit(tx, ctx, {
      action: 'auth.second_factor_enable',
      entityType: 'user',
      entityId: user.id,
      orgId: user.orgId,
      role: principalRoles(deps, principal),
      before: { totpEnabledAt: null },
      after: { totpEnabledAt: ctx.at },
      note: { method: 'totp', recoveryCodes: recoveryCodes.length },
    });
    return { recoveryCodes };
  });
}

/** New recovery codes for old ones (used up, or seen by someone): needs a TOTP code, and replaces them all. */
export async function regenerateRecoveryCodes(
  deps: Deps,
  ctx: AuditContext,
  principal: Principal,
  code: string,
): Promise<RecoveryCodesView> {
  const user = await ownAccount(deps, principal);
  enforce(checkRecoveryCodesRegeneration(user.totpEnabledAt !== null));
  const role = principalRoles(deps, principal);
  await requireSecondFactorCode(deps, ctx, user, {
    code,
    acceptRecoveryCode: false,
    during: 'regenerate_recovery_codes',
    role,
  });
  return deps.db.transaction(async (tx) => {
    const left = await countUnusedRecoveryCodes(tx, user.id);
    const recoveryCodes = await issueRecoveryCodes(deps, tx, user.id, ctx.at);
    await recordAudit(tx, ctx, {
      action: 'auth.recovery_codes_regenerate',
      entityType: 'user',
      entityId: user.id,
      orgId: user.orgId,
      role,
      note: { replacedUnused: left, recoveryCodes: recoveryCodes.length },
    });
    return { recoveryCodes };
  });
}

/** Turns one's own second factor off, with a code, where no rule requires it (checkDisable). */
export async function disableSecondFactor(
  deps: Deps,
  ctx: AuditContext,
  principal: Principal,
  code: string,
): Promise<void> {
  const user = await ownAccount(deps, principal);
  enforce(checkDisable({ enabled: user.totpEnabledAt !== null, required: principal.secondFactor.required }));
  const role = principalRoles(deps, principal);
  await requireSecondFactorCode(deps, ctx, user, { code, acceptRecoveryCode: true, during: 'disable', role });
  await deps.db.transaction(async (tx) => {
    await removeTotp(tx, user.id, ctx.at);
    await recordAudit(tx, ctx, {
      action: 'auth.second_factor_disable',
      entityType: 'user',
      entityId: user.id,
      orgId: user.orgId,
      role,
      before: { totpEnabledAt: user.totpEnabledAt },
      after: { totpEnabledAt: null },
    });
  });
}
