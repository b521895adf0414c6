import { describe, expect, it } from 'vitest';
import {
  AFTER_SUCCESSFUL_LOGIN,
  afterFailedLogin,
  isLocked,
  isSessionExpired,
  type LoginState,
  DEFAULT_SECURITY_POLICY as P,
} from './security-policy.ts';

const now = new Date('2026-06-15T01:00:00Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

describe('lockout after consecutive failures', () => {
  it('locks on the fifth failure for 15 minutes, not before', () => {
    let state: LoginState = AFTER_SUCCESSFUL_LOGIN;
    for (let i = 1; i <= 4; i++) {
      state = afterFailedLogin(state, now, P);
      expect(isLocked(state, now)).toBe(false);
      expect(state.failedAttempts).toBe(i);
    }
    state = afterFailedLogin(state, now, P);
    expect(isLocked(state, now)).toBe(true);
    expect(isLocked(state, minutes(14.9))).toBe(true);
    expect(isLocked(state, minutes(15))).toBe(false);
  });

  it('follows the configured threshold and duration', () => {
    const policy = { ...P, lockoutThreshold: 3, lockoutMinutes: 60 };
    let state: LoginState = AFTER_SUCCESSFUL_LOGIN;
    for (let i = 0; i < 3; i++) state = afterFailedLogin(state, now, policy);
    expect(isLocked(state, minutes(59))).toBe(true);
  });
});

describe('isSessionExpired', () => {
  const session = { createdAt: now, lastSeenAt: now };
  it.each([
    [29, false],
    [30, false],
    [31, true],
  ])('idle for %i minutes → expired %s', (idle, expected) => {
    expect(isSessionExpired(session, minutes(idle), P)).toBe(expected);
  });

  it('ends an active session at the maximum lifetime', () => {
    const active = { createdAt: now, lastSeenAt: minutes(12 * 60) };
    expect(isSessionExpired(active, minutes(12 * 60 + 1), P)).toBe(true);
  });
});
