import type { Permission, Role } from '../../../domain/access/index.ts';
import {
  type AccountAction,
  checkAccountAction,
  checkOwnAccount,
  managingRoles,
} from '../../../domain/access/index.ts';
import { found, requirePermission } from '../../access/index.ts';
import type { Ctx } from '../../context.ts';
import { AppError, type ErrorReason, enforce, notFound } from '../../errors.ts';
import { type AssignmentRecord, assignmentsOf, findUser, type UserRecord } from './users.repo.ts';

export type ManagedAccount = {
  readonly user: UserRecord;
  readonly assignments: AssignmentRecord[];
  /** The actor's role that authorizes the action, for the audit log. */
  readonly role: Role;
};

/** A denial of 三员分立: the account is in scope, but managing its kind is not the actor's duty (403). */
export function accountActionRefused(denial: { reason: ErrorReason; message: string; details?: object }) {
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
  tx: Ctx,
  id: number,
  permission: Permission,
  action: AccountAction,
): Promise<ManagedAccount> {
  requirePermission(tx, permission);
  const user = found(await findUser(tx.db, id), '用户');
  const assignments = await assignmentsOf(tx.db, [id]);
  const actingRoles = managingRoles(tx.actor, user.orgPath, assignments, tx.today, permission);
  if (actingRoles.length === 0) throw notFound('用户');
  enforce(checkOwnAccount(tx.actor.userId, id, action));
  const decision = checkAccountAction({
    actingRoles,
    targetRoles: assignments.map((a) => a.role),
    action,
  });
  if (!decision.ok) throw accountActionRefused(decision);
  return { user, assignments, role: decision.actingRole as Role };
}
