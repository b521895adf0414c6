import type { Permission, Role } from '../../../domain/access/index.ts';
import {
  type AccountAction,
  type Actor,
  checkAccountAction,
  checkOwnAccount,
  managingRoles,
} from '../../../domain/access/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import type { Db } from '../../db/client.ts';
import { requirePermission } from '../../http/access.ts';
import { AppError, enforce, notFound } from '../../http/errors.ts';
import { type AssignmentRecord, assignmentsOf, findUser, type UserRecord } from './users.repo.ts';

export type ManagedAccount = {
  readonly user: UserRecord;
  readonly assignments: AssignmentRecord[];
  /** The actor's role that authorizes the action, for the audit log. */
  readonly role: Role;
};

/** A denial of 三员分立: the account is in scope, but managing its kind is not the actor's duty (403). */
export function accountActionRefused(denial: { reason: string; message: string; details?: object }) {
  return new AppError('forbidden', denial.message, { reason: denial.reason, ...denial.details });
}

/**
 * Loads an account that the actor does `action` on, with `permission`. Without the permission anywhere: 403
 * (the capability is closed to the role). Unless the account's home org and every org where it holds a role lie
 * in the actor's scope of that permission: 404, as if it did not exist. Nobody acts on their own account here
 * (422, checkOwnAccount). Then 三员分立 decides by the kind of account (checkAccountAction, 403): an administrator
 * account is the security administrator's, a business account the system administrator's and the org_admin's.
 */
export async function loadManageable(
  tx: Db,
  actor: Actor,
  id: number,
  permission: Permission,
  action: AccountAction,
  today: IsoDate,
): Promise<ManagedAccount> {
  requirePermission(actor, permission, today);
  const user = await findUser(tx, id);
  if (!user) throw notFound('用户');
  const assignments = await assignmentsOf(tx, [id]);
  const actingRoles = managingRoles(actor, user.orgPath, assignments, today, permission);
  if (actingRoles.length === 0) throw notFound('用户');
  enforce(checkOwnAccount(actor.userId, id, action));
  const decision = checkAccountAction({
    actingRoles,
    targetRoles: assignments.map((a) => a.role),
    action,
  });
  if (!decision.ok) throw accountActionRefused(decision);
  return { user, assignments, role: decision.actingRole as Role };
}
