import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_ACTIONS,
  type AccountAction,
  accountKind,
  checkAccountAction,
  checkOwnAccount,
  checkRoleMix,
} from './account-duties.ts';
import { ROLES, type Role } from './roles.ts';

/**
 * 三员分立 on accounts, written out cell by cell: for every actor role, every kind of target account (named by
 * a role it holds) and every action, whether it is allowed. The table is the specification; it is not derived
 * from the rule it checks.
 *
 * Columns: create, edit, reset_password, reset_second_factor, unlock, deactivate, reactivate, grant, revoke.
 */
const Y = true;
const N = false;
type Row = readonly [boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean];
const MATRIX: Record<Role, Record<'business' | Role, Row>> = {
  security_admin: {
    business: [N, N, N, Y, Y, N, N, N, N],
    org_admin: [N, N, N, Y, Y, N, N, N, N],
    secretary: [N, N, N, Y, Y, N, N, N, N],
    member: [N, N, N, Y, Y, N, N, N, N],
    system_admin: [Y, Y, Y, Y, Y, Y, Y, Y, Y],
    audit_admin: [Y, Y, Y, Y, Y, Y, Y, Y, Y],
    security_admin: [Y, Y, Y, Y, Y, Y, Y, Y, Y],
  },
  system_admin: {
    business: [Y, Y, Y, N, N, Y, Y, Y, Y],
    org_admin: [Y, Y, Y, N, N, Y, Y, Y, Y],
    secretary: [Y, Y, Y, N, N, Y, Y, Y, Y],
    member: [Y, Y, Y, N, N, Y, Y, Y, Y],
    system_admin: [N, N, N, N, N, N, N, N, N],
    audit_admin: [N, N, N, N, N, N, N, N, N],
    security_admin: [N, N, N, N, N, N, N, N, N],
  },
  org_admin: {
    business: [Y, Y, Y, N, Y, Y, Y, Y, Y],
    org_admin: [Y, Y, Y, N, Y, Y, Y, Y, Y],
    secretary: [Y, Y, Y, N, Y, Y, Y, Y, Y],
    member: [Y, Y, Y, N, Y, Y, Y, Y, Y],
    system_admin: [N, N, N, N, N, N, N, N, N],
    audit_admin: [N, N, N, N, N, N, N, N, N],
    security_admin: [N, N, N, N, N, N, N, N, N],
  },
  audit_admin: {
    business: [N, N, N, N, N, N, N, N, N],
    org_admin: [N, N, N, N, N, N, N, N, N],
    secretary: [N, N, N, N, N, N, N, N, N],
    member: [N, N, N, N, N, N, N, N, N],
    system_admin: [N, N, N, N, N, N, N, N, N],
    audit_admin: [N, N, N, N, N, N, N, N, N],
    security_admin: [N, N, N, N, N, N, N, N, N],
  },
  secretary: {
    business: [N, N, N, N, N, N, N, N, N],
    org_admin: [N, N, N, N, N, N, N, N, N],
    secretary: [N, N, N, N, N, N, N, N, N],
    member: [N, N, N, N, N, N, N, N, N],
    system_admin: [N, N, N, N, N, N, N, N, N],
    audit_admin: [N, N, N, N, N, N, N, N, N],
    security_admin: [N, N, N, N, N, N, N, N, N],
  },
  member: {
    business: [N, N, N, N, N, N, N, N, N],
    org_admin: [N, N, N, N, N, N, N, N, N],
    secretary: [N, N, N, N, N, N, N, N, N],
    member: [N, N, N, N, N, N, N, N, N],
    system_admin: [N, N, N, N, N, N, N, N, N],
    audit_admin: [N, N, N, N, N, N, N, N, N],
    security_admin: [N, N, N, N, N, N, N, N, N],
  },
};

const TARGETS = ['business', ...ROLES] as const;
const rolesOf = (target: (typeof TARGETS)[number]): Role[] => (target === 'business' ? [] : [target]);

const cells = ROLES.flatMap((actor) =>
  TARGETS.flatMap((target) =>
    ACCOUNT_ACTIONS.map(
      (action, i) =>
        [actor, target, action, MATRIX[actor][target][i] as boolean] as [
          Role,
          string,
          AccountAction,
          boolean,
        ],
    ),
  ),
);

describe('checkAccountAction: every actor role × target account × action', () => {
  it('covers every cell', () => {
    expect(cells).toHaveLength(ROLES.length * TARGETS.length * ACCOUNT_ACTIONS.length);
  });

  it.each(cells)('%s on a %s account, %s → %s', (actor, target, action, allowed) => {
    const d = checkAccountAction({
      actingRoles: [actor],
      targetRoles: rolesOf(target as (typeof TARGETS)[number]),
      action,
    });
    expect(d.ok).toBe(allowed);
    if (d.ok) expect(d.actingRole).toBe(actor);
    else expect(d.reason).toBe('separation_of_duties');
  });
});

describe('the kind of an account', () => {
  it.each<[Role[], string]>([
    [[], 'business'],
    [['member', 'secretary'], 'business'],
    [['system_admin'], 'administrator'],
    [['audit_admin'], 'administrator'],
    [['security_admin'], 'security_administrator'],
    [['audit_admin', 'security_admin'], 'security_administrator'],
  ])('holding %j → %s', (roles, kind) => {
    expect(accountKind(roles)).toBe(kind);
  });

  it('is decided by the strictest role held: one administrator role makes it an administrator account', () => {
    const d = checkAccountAction({
      actingRoles: ['system_admin'],
      targetRoles: ['member', 'audit_admin'],
      action: 'reset_password',
    });
    expect(d).toMatchObject({ ok: false, reason: 'separation_of_duties' });
  });

  it('acts in the first role that may, when the actor holds several', () => {
    const d = checkAccountAction({
      actingRoles: ['secretary', 'org_admin'],
      targetRoles: [],
      action: 'unlock',
    });
    expect(d).toMatchObject({ ok: true, actingRole: 'org_admin' });
  });

  it('says who manages the kind of account that was refused', () => {
    const d = checkAccountAction({
      actingRoles: ['system_admin'],
      targetRoles: ['audit_admin'],
      action: 'edit',
    });
    expect(d.ok ? '' : d.message).toContain('管理员账号只能由安全管理员管理');
  });
});

describe('checkOwnAccount', () => {
  it.each<[AccountAction, string]>([
    ['reset_password', 'own_password_reset'],
    ['deactivate', 'self_deactivation'],
    ['grant', 'self_grant'],
    ['revoke', 'self_grant'],
    ['edit', 'own_account'],
    ['unlock', 'own_account'],
    ['reset_second_factor', 'own_account'],
  ])('refuses %s on one’s own account (%s)', (action, reason) => {
    expect(checkOwnAccount(5, 5, action)).toMatchObject({ ok: false, reason });
  });

  it('allows the same actions on another account, and creating one', () => {
    for (const action of ACCOUNT_ACTIONS) expect(checkOwnAccount(5, 6, action).ok).toBe(true);
    expect(checkOwnAccount(5, null, 'create').ok).toBe(true);
  });
});

describe('checkRoleMix (三员分立 on one account)', () => {
  it.each<[Role[], Role, boolean]>([
    [[], 'system_admin', true],
    [['system_admin'], 'security_admin', false],
    [['security_admin'], 'audit_admin', false],
    [['audit_admin'], 'system_admin', false],
    [['system_admin'], 'system_admin', true],
    [['org_admin'], 'audit_admin', false],
    [['member'], 'security_admin', false],
    [['system_admin'], 'secretary', false],
    [['audit_admin'], 'org_admin', false],
    [['org_admin'], 'secretary', true],
    [['secretary', 'member'], 'org_admin', true],
  ])('holding %j, adding %s: %s', (held, role, ok) => {
    expect(checkRoleMix(held, role).ok).toBe(ok);
  });
});
