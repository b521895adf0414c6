import { describe, expect, it } from 'vitest';
import {
  type AccountState,
  type AccountStatus,
  accountStatus,
  checkDeactivation,
  checkNewAssignment,
  checkReactivation,
  type HeldAssignment,
} from './accounts.ts';

const now = new Date('2026-06-15T01:00:00Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
const TODAY = '2026-06-15';

describe('accountStatus', () => {
  it.each<[string, AccountState, AccountStatus]>([
    ['never locked', { deactivatedAt: null, lockedUntil: null }, 'active'],
    ['lock still running', { deactivatedAt: null, lockedUntil: minutes(5) }, 'locked'],
    ['lock ends exactly now', { deactivatedAt: null, lockedUntil: now }, 'active'],
    ['lock ended', { deactivatedAt: null, lockedUntil: minutes(-1) }, 'active'],
    ['deactivated', { deactivatedAt: minutes(-60), lockedUntil: null }, 'deactivated'],
    ['deactivated while locked', { deactivatedAt: minutes(-60), lockedUntil: minutes(5) }, 'deactivated'],
  ])('%s → %s', (_, state, expected) => {
    expect(accountStatus(state, now)).toBe(expected);
  });
});

describe('deactivation and reactivation', () => {
  const active = { id: 7, deactivatedAt: null, lockedUntil: null };
  const deactivated = { id: 7, deactivatedAt: minutes(-60), lockedUntil: null };
  it.each([
    ['an active account', active, null],
    ['an account already deactivated', deactivated, 'already_deactivated'],
  ])('deactivating %s → %s', (_, target, reason) => {
    const d = checkDeactivation(target);
    expect(d.ok ? null : d.reason).toBe(reason);
  });

  it('reactivates only a deactivated account', () => {
    expect(checkReactivation(deactivated).ok).toBe(true);
    const d = checkReactivation(active);
    expect(d.ok ? null : d.reason).toBe('not_deactivated');
  });
});

describe('checkNewAssignment', () => {
  const held = (...a: HeldAssignment[]) => a;
  it.each<[string, HeldAssignment[], HeldAssignment, string | null]>([
    ['first role', [], { role: 'secretary', orgId: 6, endsOn: null }, null],
    ['ends today', [], { role: 'secretary', orgId: 6, endsOn: TODAY }, null],
    ['ended yesterday', [], { role: 'secretary', orgId: 6, endsOn: '2026-06-14' }, 'ends_in_past'],
    [
      'same role, same org again',
      held({ role: 'secretary', orgId: 6, endsOn: null }),
      { role: 'secretary', orgId: 6, endsOn: null },
      'role_already_assigned',
    ],
    [
      'same role at another org',
      held({ role: 'secretary', orgId: 6, endsOn: null }),
      { role: 'secretary', orgId: 9, endsOn: null },
      null,
    ],
    [
      'same role again after the old one ended',
      held({ role: 'secretary', orgId: 6, endsOn: '2026-06-01' }),
      { role: 'secretary', orgId: 6, endsOn: null },
      null,
    ],
    [
      'second administrator role (三员分立)',
      held({ role: 'system_admin', orgId: 1, endsOn: null }),
      { role: 'audit_admin', orgId: 1, endsOn: null },
      'separation_of_duties',
    ],
    [
      'administrator role after the other one ended',
      held({ role: 'system_admin', orgId: 1, endsOn: '2026-06-14' }),
      { role: 'security_admin', orgId: 1, endsOn: null },
      null,
    ],
    [
      'business role beside an administrator role (三员分立)',
      held({ role: 'system_admin', orgId: 1, endsOn: null }),
      { role: 'member', orgId: 6, endsOn: null },
      'separation_of_duties',
    ],
    [
      'administrator role beside a business role (三员分立)',
      held({ role: 'org_admin', orgId: 2, endsOn: null }),
      { role: 'audit_admin', orgId: 1, endsOn: null },
      'separation_of_duties',
    ],
    [
      'business role after the administrator role ended',
      held({ role: 'audit_admin', orgId: 1, endsOn: '2026-06-14' }),
      { role: 'secretary', orgId: 6, endsOn: null },
      null,
    ],
  ])('%s → %s', (_, current, grant, reason) => {
    const d = checkNewAssignment(current, grant, TODAY);
    expect(d.ok ? null : d.reason).toBe(reason);
  });
});
