import { describe, expect, it } from 'vitest';
import { permissionsOf, type Role } from '../../../domain/access/index.ts';
import { grantableRoles } from './grantable-roles.ts';

const me = (...roles: Role[]) => ({
  permissions: [...new Set(roles.flatMap((r) => permissionsOf(r)))],
  assignments: roles.map((role, i) => ({
    id: i,
    role,
    orgId: 1,
    orgName: '示例市委',
    orgPath: '1',
    endsOn: null,
  })),
});

describe('grantableRoles', () => {
  it('lets the security administrator grant only the three administrator roles', () => {
    expect(grantableRoles(me('security_admin'))).toEqual(['system_admin', 'security_admin', 'audit_admin']);
  });

  it('lets business grantors grant business roles at or below their own rank', () => {
    expect(grantableRoles(me('system_admin'))).toEqual(['org_admin', 'secretary', 'member']);
    expect(grantableRoles(me('org_admin'))).toEqual(['org_admin', 'secretary', 'member']);
  });

  it('gives nothing to roles that grant nothing', () => {
    expect(grantableRoles(me('secretary'))).toEqual([]);
    expect(grantableRoles(me('audit_admin'))).toEqual([]);
  });
});
