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
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { AppError, enforce, forbidden, unauthenticated } from '../../errors.ts';
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
async function ownAccount(ctx: Ctx): Promise<UserRow> {
  if (ctx.principal.via !== 'session') {
    throw forbidden('session_required', '双因素认证只能在网页登录后设置，不能使用 API 令牌');
  }
  const user = await findUserById(ctx.db, ctx.principal.user.id);
  if (!user) throw unauthenticated();
  return user;
}

const pendingContext = (userId: number) => `totp-pending:${userId}`;

export async function secondFactorStatus(ctx: Ctx): Promise<SecondFactorStatus> {
  const user = await findUserById(ctx.db, ctx.principal.user.id);
  if (!user) throw unauthenticated();
  const enabled = user.totpEnabledAt !== null;
  return {
    enabled,
    required: ctx.principal.secondFactor.required,
    enabledAt: user.totpEnabledAt?.toISOString() ?? null,
    recoveryCodesLeft: enabled ? await countUnusedRecoveryCodes(ctx.db, user.id) : 0,
  };
}

/**
 * A new 20-byte key for the authenticator app, kept aside (sealed) until a code from the app confirms it: a
 * scan that failed leaves the account as it was. Starting again replaces the key.
 */
export async function startEnrolment(ctx: Ctx): Promise<SecondFactorEnrolment> {
  const user = await ownAccount(ctx);
  enforce(checkEnrolment(user.totpEnabledAt !== null));
  const secret = newTotpSecret();
  await savePendingSecret(ctx.db, user.id, ctx.idCipher.sealSecret(secret, pendingContext(user.id)));
  return { secret: base32Of(secret), uri: totpUri(secret, user.username) };
}

async function issueRecoveryCodes(tx: Ctx, userId: number): Promise<string[]> {
  const codes = newRecoveryCodes();
  await replaceRecoveryCodes(
    tx.db,
    userId,
    codes.map((c) => recoveryCodeHash(tx.idCipher, c)),
    tx.at,
  );
  return codes;
}

/**
 * Confirms the key with a code from the app: the factor takes effect, the code's step counts as used, and the
 * recovery codes are answered this once. A wrong code here is a typo or a clock off, not a guess (whoever is here
 * was just given the key): it is refused without counting toward the lockout.
 */
export async function confirmEnrolment(ctx: Ctx, input: { code: string }): Promise<RecoveryCodesView> {
  const user = await ownAccount(ctx);
  enforce(checkEnrolment(user.totpEnabledAt !== null));
  if (!user.totpPendingSecret) {
    throw new AppError('rule_violation', '请先获取新的密钥并在手机上添加', {
      reason: 'no_enrolment_started',
    });
  }
  const secret = ctx.idCipher.openSecret(user.totpPendingSecret, pendingContext(user.id));
  const step = matchTotp(secret, input.code, ctx.at);
  if (step === null) {
    throw new AppError('rule_violation', '验证码不正确，请确认手机时间准确后输入当前显示的6位数字', {
      reason: 'invalid_second_factor',
    });
  }
  return inTransaction(ctx, async (tx) => {
    await enableTotp(tx.db, user.id, tx.idCipher.sealSecret(secret, `totp:${user.id}`), step, tx.at);
    const recoveryCodes = await issueRecoveryCodes(tx, user.id);
    await recordAudit(tx, {
      action: 'auth.second_factor_enable',
      entityType: 'user',
      entityId: user.id,
      orgId: user.orgId,
      role: principalRoles(ctx),
      before: { totpEnabledAt: null },
      after: { totpEnabledAt: ctx.at },
      note: { method: 'totp', recoveryCodes: recoveryCodes.length },
    });
    return { recoveryCodes };
  });
}

/** New recovery codes for old ones (used up, or seen by someone): needs a TOTP code, and replaces them all. */
export async function regenerateRecoveryCodes(ctx: Ctx, input: { code: string }): Promise<RecoveryCodesView> {
  const user = await ownAccount(ctx);
  enforce(checkRecoveryCodesRegeneration(user.totpEnabledAt !== null));
  const role = principalRoles(ctx);
  await requireSecondFactorCode(ctx, user, {
    code: input.code,
    acceptRecoveryCode: false,
    during: 'regenerate_recovery_codes',
    role,
  });
  return inTransaction(ctx, async (tx) => {
    const left = await countUnusedRecoveryCodes(tx.db, user.id);
    const recoveryCodes = await issueRecoveryCodes(tx, user.id);
    await recordAudit(tx, {
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
export async function disableSecondFactor(ctx: Ctx, input: { code: string }): Promise<void> {
  const user = await ownAccount(ctx);
  const required = ctx.principal.secondFactor.required;
  enforce(checkDisable({ enabled: user.totpEnabledAt !== null, required }));
  const role = principalRoles(ctx);
  const code = input.code;
  await requireSecondFactorCode(ctx, user, { code, acceptRecoveryCode: true, during: 'disable', role });
  await inTransaction(ctx, async (tx) => {
    await removeTotp(tx.db, user.id, tx.at);
    await recordAudit(tx, {
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
