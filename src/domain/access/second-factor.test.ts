import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from './roles.ts';
import {
  checkCodeStep,
  checkDisable,
  checkEnrolment,
  codeKind,
  pendingStep,
  secondFactorRequired,
  securityNotices,
  totpStep,
} from './second-factor.ts';

const ON = { totpRequiredForOrgAdmin: true };
const OFF = { totpRequiredForOrgAdmin: false };

describe('who must have a second factor', () => {
  it.each<[Role, boolean, boolean]>([
    ['system_admin', true, true],
    ['security_admin', true, true],
    ['audit_admin', true, true],
    ['org_admin', true, false],
    ['secretary', false, false],
    ['member', false, false],
  ])('%s: %s with the org_admin setting on, %s with it off', (role, withOn, withOff) => {
    expect(secondFactorRequired([role], ON)).toBe(withOn);
    expect(secondFactorRequired([role], OFF)).toBe(withOff);
  });

  it('an account without a current role needs none; any one requiring role is enough', () => {
    expect(secondFactorRequired([], ON)).toBe(false);
    expect(secondFactorRequired(['member', 'org_admin'], ON)).toBe(true);
    expect(ROLES.filter((r) => secondFactorRequired([r], OFF))).toEqual([
      'system_admin',
      'security_admin',
      'audit_admin',
    ]);
  });
});

describe('what a session must do first', () => {
  const facts = {
    awaitsSecondFactor: false,
    mustChangePassword: false,
    secondFactorRequired: false,
    secondFactorEnabled: false,
  };

  it('the code before anything, then the password change, then the enrolment', () => {
    const all = { ...facts, awaitsSecondFactor: true, mustChangePassword: true, secondFactorRequired: true };
    expect(pendingStep(all)).toBe('second_factor');
    expect(pendingStep({ ...all, awaitsSecondFactor: false })).toBe('password_change');
    expect(pendingStep({ ...all, awaitsSecondFactor: false, mustChangePassword: false })).toBe(
      'second_factor_enrolment',
    );
  });

  it('nothing when the factor is enrolled or not required', () => {
    expect(pendingStep(facts)).toBeNull();
    expect(pendingStep({ ...facts, secondFactorRequired: true, secondFactorEnabled: true })).toBeNull();
  });
});

describe('a code is accepted once (RFC 6238 §5.2)', () => {
  it('counts 30-second steps from the epoch', () => {
    expect(totpStep(0)).toBe(0);
    expect(totpStep(29_999)).toBe(0);
    expect(totpStep(30_000)).toBe(1);
    expect(totpStep(Date.UTC(2026, 5, 15, 1, 0, 0))).toBe(Date.UTC(2026, 5, 15, 1, 0, 0) / 30_000);
  });

  it('refuses a step at or before the last accepted one, accepts a later one or a first one', () => {
    expect(checkCodeStep(100, null).ok).toBe(true);
    expect(checkCodeStep(101, 100).ok).toBe(true);
    expect(checkCodeStep(100, 100)).toMatchObject({ ok: false, reason: 'code_already_used' });
    expect(checkCodeStep(99, 100)).toMatchObject({ ok: false, reason: 'code_already_used' });
  });
});

describe('one’s own second factor', () => {
  it('enrols only when none is active', () => {
    expect(checkEnrolment(false).ok).toBe(true);
    expect(checkEnrolment(true)).toMatchObject({ ok: false, reason: 'second_factor_already_enabled' });
  });

  it('is turned off only where it is not required', () => {
    expect(checkDisable({ enabled: true, required: false }).ok).toBe(true);
    expect(checkDisable({ enabled: true, required: true })).toMatchObject({
      ok: false,
      reason: 'second_factor_required',
    });
    expect(checkDisable({ enabled: false, required: false })).toMatchObject({
      reason: 'second_factor_not_enabled',
    });
  });

  it('tells a TOTP code from a recovery code', () => {
    expect(codeKind('123456')).toBe('totp');
    expect(codeKind('123 456')).toBe('totp');
    expect(codeKind('abcd-efgh-jkmn')).toBe('recovery_code');
    expect(codeKind('12345')).toBe('recovery_code');
  });
});

describe('the security administrator’s warnings', () => {
  it('warn while the org_admin’s second factor is off, and about administrators not enrolled', () => {
    expect(securityNotices(ON, { adminsWithoutSecondFactor: 0 })).toEqual([]);
    expect(securityNotices(OFF, { adminsWithoutSecondFactor: 2 }).map((n) => n.key)).toEqual([
      'totp_org_admin_off',
      'admins_without_second_factor',
    ]);
    expect(securityNotices(ON, { adminsWithoutSecondFactor: 2 })[0]?.message).toContain('2 个管理员账号');
  });
});
