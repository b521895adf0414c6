import { describe, expect, it } from 'vitest';
import {
  PERMISSIONS,
  type Permission,
  PRIVILEGED_ROLES,
  permissionToGrant,
  ROLES,
  type Role,
  rankAllows,
  roleGrants,
} from './roles.ts';

/**
 * The permission matrix, spelled out: a change to what a role may do has to change this table too.
 * Columns follow PERMISSIONS.
 */
const MATRIX: Record<Role, Permission[]> = {
  system_admin: [
    'org.read',
    'org.manage',
    'leadership.manage',
    'workbench.read',
    'user.read',
    'user.manage',
    'role.grant_business',
    'settings.system',
  ],
  security_admin: [
    'org.read',
    'user.read',
    'user.manage',
    'user.reset_second_factor',
    'role.grant_privileged',
    'user.unlock',
    'settings.security',
  ],
  audit_admin: ['audit.read'],
  org_admin: [
    'org.read',
    'org.manage',
    'leadership.manage',
    'workbench.read',
    'stats.read',
    'user.read',
    'user.manage',
    'role.grant_business',
    'user.unlock',
    'member.read',
    'member.manage',
    'member.reveal',
    'member.account',
    'ledger.close',
    'org_life.read',
    'org_life.manage',
    'org_life.exempt',
    'dues.read',
    'dues.manage',
    'dues.base',
    'dues.approve',
  ],
  secretary: [
    'org.read',
    'leadership.manage',
    'workbench.read',
    'stats.read',
    'member.read',
    'member.manage',
    'member.account',
    'org_life.read',
    'org_life.manage',
    'org_life.exempt',
    'dues.read',
    'dues.manage',
    'dues.base',
    'dues.approve',
  ],
  member: ['member.self'],
};

describe('roleGrants: every role × every permission', () => {
  for (const role of ROLES) {
    for (const permission of PERMISSIONS) {
      const expected = MATRIX[role].includes(permission);
      it(`${role} ${expected ? 'may' : 'may not'} ${permission}`, () => {
        expect(roleGrants(role, permission)).toBe(expected);
      });
    }
  }
});

describe('三员分立: the three administrators never do one another’s job', () => {
  // user.manage is held by both the system and the security administrator, each over its own kind of account
  // (account-duties.ts): business accounts for the one, administrator accounts for the other.
  const jobs: Record<'system_admin' | 'security_admin' | 'audit_admin', Permission[]> = {
    system_admin: ['org.manage', 'role.grant_business', 'settings.system'],
    security_admin: ['role.grant_privileged', 'user.unlock', 'user.reset_second_factor', 'settings.security'],
    audit_admin: ['audit.read'],
  };
  for (const [holder, own] of Object.entries(jobs)) {
    for (const [other, theirs] of Object.entries(jobs)) {
      if (holder === other) continue;
      it(`${holder} cannot do the ${other}'s job`, () => {
        for (const p of theirs) expect(roleGrants(holder as Role, p)).toBe(false);
      });
    }
    it(`${holder} can do its own job`, () => {
      for (const p of own) expect(roleGrants(holder as Role, p)).toBe(true);
    });
  }

  it('closes the audit log to everyone but the audit administrator', () => {
    expect(ROLES.filter((r) => roleGrants(r, 'audit.read'))).toEqual(['audit_admin']);
  });

  it('keeps party data (the roster and its statistics) away from the three administrators', () => {
    const party = [
      'member.read',
      'member.manage',
      'member.reveal',
      'member.self',
      'member.account',
      'stats.read',
    ] as const;
    for (const p of party) {
      expect(ROLES.filter((r) => roleGrants(r, p) && PRIVILEGED_ROLES.includes(r))).toEqual([]);
    }
  });

  it('lets the business roles that keep the roster open members’ accounts, and no administrator', () => {
    expect(ROLES.filter((r) => roleGrants(r, 'member.account'))).toEqual(['org_admin', 'secretary']);
  });

  it('lets only an org_admin close a period of the 增减台账', () => {
    expect(ROLES.filter((r) => roleGrants(r, 'ledger.close'))).toEqual(['org_admin']);
  });

  it('lets only an org_admin unmask an ID number', () => {
    expect(ROLES.filter((r) => roleGrants(r, 'member.reveal'))).toEqual(['org_admin']);
  });
});

describe('granting roles', () => {
  it('needs the privileged permission for the three administrator roles', () => {
    expect(permissionToGrant('system_admin')).toBe('role.grant_privileged');
    expect(permissionToGrant('audit_admin')).toBe('role.grant_privileged');
    expect(permissionToGrant('secretary')).toBe('role.grant_business');
  });

  it.each<[Role, Role, boolean]>([
    ['org_admin', 'org_admin', true],
    ['org_admin', 'secretary', true],
    ['org_admin', 'member', true],
    ['secretary', 'org_admin', false],
    ['secretary', 'member', true],
    ['system_admin', 'org_admin', true],
  ])('a %s may grant %s: %s', (grantor, role, expected) => {
    expect(rankAllows(grantor, role)).toBe(expected);
  });
});
