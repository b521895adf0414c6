import { type Actor, canManageUser } from '../../../domain/access.ts';
import type { IsoDate } from '../../../domain/dates.ts';
import type { Permission, Role } from '../../../domain/roles.ts';
import type { Db } from '../../db/client.ts';
import { requireAt, requirePermission } from '../../http/access.ts';
import { notFound } from '../../http/errors.ts';
import { type AssignmentRecord, assignmentsOf, findUser, type UserRecord } from './users.repo.ts';

export type ManagedAccount = {
  readonly user: UserRecord;
  readonly assignments: AssignmentRecord[];
  /** The actor's role that authorizes the action, for the audit log. */
  readonly role: Role;
};

/**
 * Loads an account that the actor acts on with `permission`. Without the permission anywhere: 403 (三员分立:
 * the capability is closed to the role). Unless the account's home org and every org where it holds a role
 * lie in the actor's scope of that permission (canManageUser): 404, as if it did not exist.
 */
export async function loadManageable(
  tx: Db,
  actor: Actor,
  id: number,
  permission: Permission,
  today: IsoDate,
): Promise<ManagedAccount> {
  requirePermission(actor, permission, today);
  const user = await findUser(tx, id);
  if (!user) throw notFound('用户');
  const assignments = await assignmentsOf(tx, [id]);
  if (!canManageUser(actor, user.orgPath, assignments, today, permission)) throw notFound('用户');
  return { user, assignments, role: requireAt(actor, permission, user.orgPath, today, '用户') };
}
