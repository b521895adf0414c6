import type { AssignmentView } from '../../../contracts/auth.ts';
import {
  checkGrant,
  checkNewAssignment,
  type HeldAssignment,
  permissionToGrant,
  type Role,
} from '../../../domain/access/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { found, holds, orgIn, requireAt, scopeFor } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import type { OrgRef } from '../../db/org-refs.ts';
import { enforce, forbidden } from '../../errors.ts';
import { loadManageable } from './users.access.ts';
import { deleteAssignment, findAssignment, insertAssignment } from './users.repo.ts';
import { assignmentView, auditedAssignment } from './users.views.ts';

export type GrantRequest = { role: Role; orgId: number; endsOn?: string | null | undefined };

/** A grant that the rules allowed: where, until when, and the grantor's role for the audit log. */
export type PlannedGrant = { role: Role; org: OrgRef; endsOn: IsoDate | null; grantorRole: Role };

/**
 * Decides a list of grants to one account, each against the account's roles and the grants before it.
 * The grantor needs the grant permission for the role (403 without it anywhere: 三员分立), the org must lie
 * in the scope of that permission (404), and checkGrant (rank) and checkNewAssignment (end date, duplicate,
 * no administrator role mixed with another role) must allow it (422). Whose account it is — the kind of
 * account and the actor's own — the caller has decided (users.access.ts, account-duties.ts).
 */
export async function planGrants(
  tx: Ctx,
  held: readonly HeldAssignment[],
  requests: readonly GrantRequest[],
): Promise<PlannedGrant[]> {
  const planned: PlannedGrant[] = [];
  const holding = [...held];
  for (const request of requests) {
    const permission = permissionToGrant(request.role);
    const org = await orgIn(tx, scopeFor(tx, permission), request.orgId);
    enforce(checkGrant(tx.actor, request.role, org.path, tx.today));
    const grant = { role: request.role, orgId: org.id, endsOn: request.endsOn ?? null };
    enforce(checkNewAssignment(holding, grant, tx.today));
    holding.push(grant);
    planned.push({ ...grant, org, grantorRole: requireAt(tx, permission, org.path) });
  }
  return planned;
}

/** Saves planned grants with one audit row each (entity `role_assignment`, at the assignment's org). */
export async function saveGrants(
  tx: Ctx,
  user: { id: number; username: string },
  grants: readonly PlannedGrant[],
): Promise<number[]> {
  const ids: number[] = [];
  for (const g of grants) {
    const { id } = await insertAssignment(tx.db, {
      userId: user.id,
      role: g.role,
      orgId: g.org.id,
      endsOn: g.endsOn,
      grantedBy: tx.actor.userId,
      createdAt: tx.at,
    });
    await recordAudit(tx, {
      action: 'role.grant',
      entityType: 'role_assignment',
      entityId: id,
      orgId: g.org.id,
      role: g.grantorRole,
      after: auditedAssignment({ role: g.role, orgId: g.org.id, endsOn: g.endsOn }, user),
    });
    ids.push(id);
  }
  return ids;
}

export async function grantRole(ctx: Ctx, input: GrantRequest & { id: number }): Promise<AssignmentView> {
  const { id: userId, ...request } = input;
  return inTransaction(ctx, async (tx) => {
    const { user, assignments } = await loadManageable(tx, userId, permissionToGrant(request.role), 'grant');
    const grants = await planGrants(tx, assignments, [request]);
    const [id] = await saveGrants(tx, user, grants);
    const saved = await findAssignment(tx.db, user.id, id as number);
    return assignmentView(saved as NonNullable<typeof saved>);
  });
}

/**
 * Revokes a role by deleting the assignment: it ends at once, and the audit log keeps who held it, who
 * granted and who revoked it. Revoking needs what granting needs (checkGrant at the assignment's org).
 */
export async function revokeRole(ctx: Ctx, input: { id: number; assignmentId: number }): Promise<void> {
  if (!holds(ctx, 'role.grant_business') && !holds(ctx, 'role.grant_privileged')) {
    throw forbidden('permission_denied', '您的角色无权执行此操作');
  }
  await inTransaction(ctx, async (tx) => {
    const assignment = found(await findAssignment(tx.db, input.id, input.assignmentId), '角色');
    const permission = permissionToGrant(assignment.role);
    const { user } = await loadManageable(tx, input.id, permission, 'revoke');
    enforce(checkGrant(tx.actor, assignment.role, assignment.orgPath, tx.today));
    await deleteAssignment(tx.db, assignment.id);
    await recordAudit(tx, {
      action: 'role.revoke',
      entityType: 'role_assignment',
      entityId: assignment.id,
      orgId: assignment.orgId,
      role: requireAt(tx, permission, assignment.orgPath),
      before: auditedAssignment(assignment, user),
    });
  });
}
