import { isCurrent, ROLES, type Role } from '../../../domain/access/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';

/**
 * The `role` of an audit row about the user's own account (login, password, second factor), where no single
 * role authorizes the act: every role the user currently holds, in the order of ROLES, comma-separated
 * (`org_admin,secretary`); null for an account without a current role. One rule for every such row.
 */
export function rolesForAudit(
  assignments: readonly { readonly role: Role; readonly endsOn: string | null }[],
  today: IsoDate,
): string | null {
  const held = new Set(assignments.filter((a) => isCurrent(a, today)).map((a) => a.role));
  const roles = ROLES.filter((r) => held.has(r));
  return roles.length > 0 ? roles.join(',') : null;
}
