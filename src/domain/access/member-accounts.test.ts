import { describe, expect, it } from 'vitest';
import {
  checkBulkOpening,
  checkMemberAccountOpening,
  DEFAULT_MEMBER_ACCOUNT_POLICY,
  keepsAccount,
  MEMBER_ACCOUNT_BULK_MAX,
  memberUsernames,
} from './member-accounts.ts';

const facts = {
  actorPersonId: null,
  personId: 7,
  status: 'full' as const,
  linkedUsername: null,
};

describe('checkMemberAccountOpening (docs/security.md §2.1)', () => {
  it('opens an account for a member on the roster without one', () => {
    expect(checkMemberAccountOpening(facts).ok).toBe(true);
    expect(checkMemberAccountOpening({ ...facts, status: 'suspended' }).ok).toBe(true);
    expect(checkMemberAccountOpening({ ...facts, actorPersonId: 8 }).ok).toBe(true);
  });

  it('refuses a member who already has an active account, naming it', () => {
    const d = checkMemberAccountOpening({ ...facts, linkedUsername: 'dy000007' });
    expect(d).toMatchObject({ ok: false, reason: 'member_account_exists' });
    expect(d.ok ? '' : d.message).toContain('dy000007');
  });

  it('refuses a member who has left (出党, transferred out of the deployment)', () => {
    for (const status of ['left', 'transferred_out'] as const) {
      expect(checkMemberAccountOpening({ ...facts, status })).toMatchObject({ reason: 'member_has_left' });
      expect(keepsAccount(status)).toBe(false);
    }
  });

  it("refuses the actor's own record", () => {
    expect(checkMemberAccountOpening({ ...facts, actorPersonId: 7 })).toMatchObject({
      reason: 'own_account',
    });
  });

  it('bounds a bulk opening', () => {
    expect(checkBulkOpening(MEMBER_ACCOUNT_BULK_MAX).ok).toBe(true);
    expect(checkBulkOpening(MEMBER_ACCOUNT_BULK_MAX + 1)).toMatchObject({ reason: 'too_many_accounts' });
  });
});

describe('memberUsernames', () => {
  it('makes the prefix and the six-digit member number by default', () => {
    expect(memberUsernames(DEFAULT_MEMBER_ACCOUNT_POLICY, { id: 314, phoneMobile: '13800001234' })).toEqual([
      'dy000314',
    ]);
  });

  it('uses the mobile under the mobile rule, the number as the fallback', () => {
    const policy = { ...DEFAULT_MEMBER_ACCOUNT_POLICY, usernamePrefix: 'm', usernameRule: 'mobile' as const };
    expect(memberUsernames(policy, { id: 5, phoneMobile: '13800001234' })).toEqual([
      'm13800001234',
      'm000005',
    ]);
    expect(memberUsernames(policy, { id: 5, phoneMobile: null })).toEqual(['m000005']);
  });
});
