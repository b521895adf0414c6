import { allow, type Decision, deny } from '../shared/index.ts';
import type { AccessReason } from './reasons.ts';
import { PRIVILEGED_ROLES, type Role } from './roles.ts';

/**
 * The second factor (双因素认证): a time-based one-time code (TOTP, RFC 6238) from an authenticator app.
 * GB/T 22239-2019 第三级, 8.1.4.1 身份鉴别 d): 应采用口令、密码技术、生物技术等两种或两种以上组合的鉴别技术对用户进行
 * 身份鉴别，且其中一种鉴别技术至少应使用密码技术来实现. The three administrators of 三员分立 always need it; the
 * org_admin, who reaches the roster with its ID numbers, needs it unless the security policy says otherwise.
 */
export const SECOND_FACTOR_ARTICLE = 'GB/T 22239-2019 8.1.4.1 d)';

/** RFC 6238's defaults, which every authenticator app understands: 6 digits, a new code every 30 seconds. */
export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
/** One step either side: a phone clock up to 30 seconds off, or a code typed as it changed, still works. */
export const TOTP_WINDOW = 1;
/** RFC 4226 §4 R6 recommends a 160-bit shared secret. */
export const TOTP_SECRET_BYTES = 20;
/** One-time codes shown at enrolment, each usable once instead of a TOTP code (a lost phone). */
export const RECOVERY_CODE_COUNT = 10;
/** A session that has the password but not yet the code ends after this long. */
export const PENDING_SECOND_FACTOR_MINUTES = 10;

/** The part of the security policy this rule reads (security-policy.ts). */
export type SecondFactorPolicy = { readonly totpRequiredForOrgAdmin: boolean };

/** Must an account holding these (current) roles have a second factor? */
export function secondFactorRequired(roles: readonly Role[], policy: SecondFactorPolicy): boolean {
  if (roles.some((r) => PRIVILEGED_ROLES.includes(r))) return true;
  return policy.totpRequiredForOrgAdmin && roles.includes('org_admin');
}

/**
 * What a session still has to do before it may use the system, first things first: the code of an enrolled
 * account (nothing else is trusted before it), then the change of a generated or reset password, then the
 * enrolment of an account that must have a second factor but has none (after the password change, so that the
 * administrator who set the initial password cannot enrol their own phone for the account).
 */
export const PENDING_STEPS = ['second_factor', 'password_change', 'second_factor_enrolment'] as const;
export type PendingStep = (typeof PENDING_STEPS)[number];

export type SessionFacts = {
  /** The session has the password but not yet the code. */
  readonly awaitsSecondFactor: boolean;
  readonly mustChangePassword: boolean;
  readonly secondFactorRequired: boolean;
  readonly secondFactorEnabled: boolean;
};

export function pendingStep(facts: SessionFacts): PendingStep | null {
  if (facts.awaitsSecondFactor) return 'second_factor';
  if (facts.mustChangePassword) return 'password_change';
  if (facts.secondFactorRequired && !facts.secondFactorEnabled) return 'second_factor_enrolment';
  return null;
}

/** The time step (counter) of an instant: seconds since the epoch over the period (RFC 6238 §4.2). */
export function totpStep(epochMs: number): number {
  return Math.floor(epochMs / 1000 / TOTP_PERIOD_SECONDS);
}

/**
 * A code is accepted once (RFC 6238 §5.2): the step it matched must come after the last step accepted for the
 * account, so that a code seen over a shoulder or in a proxy log cannot be replayed, even within its window.
 */
export function checkCodeStep(matchedStep: number, lastUsedStep: number | null): Decision<AccessReason> {
  if (lastUsedStep !== null && matchedStep <= lastUsedStep) {
    return deny('code_already_used', '该验证码已使用过，请等待动态口令刷新后输入新的验证码', {
      article: 'RFC 6238 §5.2',
    });
  }
  return allow;
}

/** Enrolment starts only when the account has no second factor yet (a new phone: reset, then enrol again). */
export function checkEnrolment(enabled: boolean): Decision<AccessReason> {
  if (enabled) {
    return deny(
      'second_factor_already_enabled',
      '已启用双因素认证；如更换手机，请联系安全管理员重置后重新绑定',
    );
  }
  return allow;
}

/** Turning one's own second factor off is allowed only where it is not required. */
export function checkDisable(state: { enabled: boolean; required: boolean }): Decision<AccessReason> {
  if (!state.enabled) return deny('second_factor_not_enabled', '尚未启用双因素认证');
  if (state.required) {
    return deny('second_factor_required', '您的角色必须使用双因素认证，不能关闭', {
      article: SECOND_FACTOR_ARTICLE,
    });
  }
  return allow;
}

/** Regenerating recovery codes needs an enrolled factor: the new codes replace every old one. */
export function checkRecoveryCodesRegeneration(enabled: boolean): Decision<AccessReason> {
  return enabled ? allow : deny('second_factor_not_enabled', '尚未启用双因素认证');
}

/** A 6-digit TOTP code, or else (letters in it) a recovery code: the login's second step takes either. */
export function codeKind(code: string): 'totp' | 'recovery_code' {
  return /^\d{6}$/.test(code.replace(/\s/g, '')) ? 'totp' : 'recovery_code';
}

export type SecurityNotice = {
  readonly key: 'totp_org_admin_off' | 'admins_without_second_factor';
  readonly message: string;
};

/**
 * What the security administrator's 工作台 warns about: the org_admin's second factor switched off (the demo
 * ships it off, a deployment must not), and administrator accounts that have not enrolled yet.
 */
export function securityNotices(
  policy: SecondFactorPolicy,
  facts: { readonly adminsWithoutSecondFactor: number },
): SecurityNotice[] {
  const notices: SecurityNotice[] = [];
  if (!policy.totpRequiredForOrgAdmin) {
    notices.push({
      key: 'totp_org_admin_off',
      message:
        '组织管理员目前无需双因素认证即可登录。组织管理员可查看完整身份证号等个人信息，等保第三级要求对管理用户采用两种以上鉴别技术，请在“参数配置 › 安全策略”中开启。',
    });
  }
  if (facts.adminsWithoutSecondFactor > 0) {
    notices.push({
      key: 'admins_without_second_factor',
      message: `有 ${facts.adminsWithoutSecondFactor} 个管理员账号尚未绑定身份验证器，将在下次登录时被要求绑定。`,
    });
  }
  return notices;
}
