/**
 * Account security policy, kept by the 安全管理员 (configurable; defaults from the issue): idle sessions
 * end after 30 minutes; 5 consecutive failed logins lock the account for 15 minutes.
 */
export type SecurityPolicy = {
  readonly sessionIdleMinutes: number;
  readonly sessionMaxHours: number;
  readonly lockoutThreshold: number;
  readonly lockoutMinutes: number;
  /** The org_admin must use a second factor (second-factor.ts); the three administrators always must. */
  readonly totpRequiredForOrgAdmin: boolean;
};

export const DEFAULT_SECURITY_POLICY: SecurityPolicy = {
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  totpRequiredForOrgAdmin: true,
};

export type LoginState = {
  readonly failedAttempts: number;
  readonly lockedUntil: Date | null;
};

export function isLocked(state: LoginState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil > now;
}

/** The state after one more failed attempt: the threshold-th consecutive failure locks the account. */
export function afterFailedLogin(state: LoginState, now: Date, policy: SecurityPolicy): LoginState {
  const failedAttempts = state.failedAttempts + 1;
  if (failedAttempts >= policy.lockoutThreshold) {
    return { failedAttempts: 0, lockedUntil: new Date(now.getTime() + policy.lockoutMinutes * 60_000) };
  }
  return { failedAttempts, lockedUntil: state.lockedUntil };
}

export const AFTER_SUCCESSFUL_LOGIN: LoginState = { failedAttempts: 0, lockedUntil: null };

export type SessionTimes = { readonly createdAt: Date; readonly lastSeenAt: Date };

/** A session ends after the idle timeout, and in any case after the maximum lifetime. */
export function isSessionExpired(session: SessionTimes, now: Date, policy: SecurityPolicy): boolean {
  const idleMs = now.getTime() - session.lastSeenAt.getTime();
  const ageMs = now.getTime() - session.createdAt.getTime();
  return idleMs > policy.sessionIdleMinutes * 60_000 || ageMs > policy.sessionMaxHours * 3_600_000;
}
