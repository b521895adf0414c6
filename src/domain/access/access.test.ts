import { describe, expect, it } from 'vitest';
import {
  type Actor,
  type Assignment,
  authorizingAssignment,
  can,
  checkGrant,
  isWithin,
  managingRoles,
  scopeRoots,
} from './access.ts';
import type { Role } from './roles.ts';

const TODAY = '2026-06-15';
const at = (role: Role, orgPath: string, endsOn: string | null = null): Assignment => ({
  role,
  orgId: Number(orgPath.split('.').at(-1)),
  orgPath,
  endsOn,
});
const actor = (...assignments: Assignment[]): Actor => ({ userId: 1, username: 'x', assignments });

// 1 市委 → 2 甲区委 → 4 街道 → 6 和平社区 → 9 支部;  1 → 3 乙区委 → 5 街道 → 8 光明社区
describe('isWithin', () => {
  it.each([
    ['1.2.4', '1.2', true],
    ['1.2', '1.2', true],
    ['1.22', '1.2', false],
    ['1.3.5', '1.2', false],
    ['1', '1.2', false],
  ])('%s within %s: %s', (path, root, expected) => {
    expect(isWithin(path, root)).toBe(expected);
  });
});

describe('scope', () => {
  it('is the subtree of each assignment that grants the permission, nested roots collapsed', () => {
    const a = actor(at('org_admin', '1.2'), at('secretary', '1.2.4.6'), at('secretary', '1.3.5.8'));
    expect(scopeRoots(a, 'org.read', TODAY)).toEqual(['1.2', '1.3.5.8']);
    expect(scopeRoots(a, 'org.manage', TODAY)).toEqual(['1.2']);
    expect(scopeRoots(a, 'audit.read', TODAY)).toEqual([]);
  });

  it('ignores assignments that have ended', () => {
    const a = actor(at('org_admin', '1.2', '2026-06-14'), at('secretary', '1.3', '2026-06-15'));
    expect(scopeRoots(a, 'org.read', TODAY)).toEqual(['1.3']);
  });

  it('allows an action inside the subtree and nowhere else', () => {
    const a = actor(at('secretary', '1.2.4.6'));
    expect(can(a, 'leadership.manage', '1.2.4.6.9', TODAY)).toBe(true);
    expect(can(a, 'leadership.manage', '1.2.4', TODAY)).toBe(false);
    expect(can(a, 'org.manage', '1.2.4.6.9', TODAY)).toBe(false);
  });

  it('names the role that authorized an action, for the audit log', () => {
    const a = actor(at('secretary', '1.2.4.6'), at('org_admin', '1.2'));
    expect(authorizingAssignment(a, 'org.manage', '1.2.4.6', TODAY)?.role).toBe('org_admin');
  });

  it('gives a member no scope over orgs at all', () => {
    expect(scopeRoots(actor(at('member', '1.2.4.6.9')), 'org.read', TODAY)).toEqual([]);
  });
});

describe('checkGrant', () => {
  it('lets an org_admin grant business roles inside its subtree only', () => {
    const a = actor(at('org_admin', '1.2'));
    expect(checkGrant(a, 'secretary', '1.2.4.6', TODAY).ok).toBe(true);
    expect(checkGrant(a, 'org_admin', '1.2.4', TODAY).ok).toBe(true);
    expect(checkGrant(a, 'secretary', '1.3.5', TODAY)).toMatchObject({ reason: 'grant_not_permitted' });
    expect(checkGrant(a, 'system_admin', '1.2', TODAY)).toMatchObject({ reason: 'grant_not_permitted' });
  });

  it('lets only the security administrator grant the administrator roles', () => {
    expect(checkGrant(actor(at('security_admin', '1')), 'audit_admin', '1', TODAY).ok).toBe(true);
    expect(checkGrant(actor(at('system_admin', '1')), 'audit_admin', '1', TODAY).ok).toBe(false);
    expect(checkGrant(actor(at('security_admin', '1')), 'secretary', '1.2', TODAY).ok).toBe(false);
  });
});

describe('managingRoles', () => {
  const admin = actor(at('org_admin', '1.2'));
  it('needs the home org and every assignment inside the subtree', () => {
    expect(managingRoles(admin, '1.2.4.6', [{ orgPath: '1.2.4.6' }], TODAY, 'user.manage')).toEqual([
      'org_admin',
    ]);
    expect(
      managingRoles(admin, '1.2.4.6', [{ orgPath: '1.2.4.6' }, { orgPath: '1.3' }], TODAY, 'user.manage'),
    ).toEqual([]);
    expect(managingRoles(admin, '1.3.5', [], TODAY, 'user.manage')).toEqual([]);
  });

  it('names each role whose own assignments cover the account, not a patchwork of two roles', () => {
    const a = actor(at('org_admin', '1.2'), at('system_admin', '1'), at('org_admin', '1.3'));
    expect(managingRoles(a, '1.2.4', [{ orgPath: '1.3.5' }], TODAY, 'user.manage')).toEqual([
      'org_admin',
      'system_admin',
    ]);
    const split = actor(at('org_admin', '1.2'), at('secretary', '1.3'));
    expect(managingRoles(split, '1.2.4', [{ orgPath: '1.3.5' }], TODAY, 'user.manage')).toEqual([]);
  });

  it('ignores roles that do not grant the permission or have ended', () => {
    const a = actor(at('secretary', '1'), at('system_admin', '1', '2026-06-14'));
    expect(managingRoles(a, '1.2', [], TODAY, 'user.manage')).toEqual([]);
  });
});
