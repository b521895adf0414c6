import type { MeView } from '../../../contracts/auth.ts';
import {
  PRIVILEGED_ROLES,
  permissionToGrant,
  ROLES,
  type Role,
  rankAllows,
  roleGrants,
} from '../../../domain/access/index.ts';

/**
 * The roles this user may grant or revoke somewhere: the three administrator roles with
 * `role.grant_privileged`, business roles with `role.grant_business` and only at or below their own rank
 * (the server checks the org as well).
 */
export function grantableRoles(me: Pick<MeView, 'permissions' | 'assignments'>): Role[] {
  return ROLES.filter((role) => {
    if (!me.permissions.includes(permissionToGrant(role))) return false;
    if (PRIVILEGED_ROLES.includes(role)) return true;
    return me.assignments.some((a) => roleGrants(a.role, 'role.grant_business') && rankAllows(a.role, role));
  });
}
