import type { AssignmentView } from '../../../contracts/auth.ts';
import {
  type Actor,
  checkGrant,
  checkNewAssignment,
  type HeldAssignment,
  holdsAnywhere,
  permissionToGrant,
  type Role,
} from '../../../domain/access/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { type AuditContext, recordAudit } from '../../audit/audit.ts';
import type { Db } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { requireAt, requirePermission, scopeOf } from '../../http/access.ts';
import { enforce, forbidden, notFound } from '../../http/errors.ts';
import { getOrgRef, type OrgRef } from '../orgs/org-refs.ts';
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
  tx: Db,
  actor: Actor,
  held: readonly HeldAssignment[],
  requests: readonly GrantRequest[],
  today: IsoDate,
): Promise<PlannedGrant[]> {
  const planned: PlannedGrant[] = [];
  const holding = [...held];
  for (const request of requests) {
    const permission = permissionToGrant(request.role);
    requirePermission(actor, permission, today);
    const org = await getOrgRef(tx, scopeOf(actor, permission, today), request.orgId);
    enforce(checkGrant(actor, request.role, org.path, today));
    const grant = { role: request.role, orgId: org.id, endsOn: request.endsOn ?? null };
    enforce(checkNewAssignment(holding, grant, today));
    holding.push(grant);
    planned.push({ ...grant, org, grantorRole: requireAt(actor, permission, org.path, today) });
  }
  return planned;
}

/** Saves planned grants with one audit row each (entity `role_assignment`, at the assignment's org). */
export async function saveGrants(
  tx: Db,
  ctx: AuditContext,
  actor: Actor,
  user: { id: number; username: string },
  grants: readonly PlannedGrant[],
): Promise<number[]> {
  const ids: number[] = [];
  for (const g of grants) {
    const { id } = await insertAssignment(tx, {
      userId: user.id,
      role: g.role,
      orgId: g.org.id,
      endsOn: g.endsOn,
      grantedBy: actor.userId,
      createdAt: ctx.at,
    });
    await recordAudit(tx, ctx, {
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

export async function grantRole(
  deps: Deps,
  actor: Actor,
  ctx: AuditContext,
  userId: number,
  request: GrantRequest,
): Promise<AssignmentView> {
  const today = deps.clock.today();
  return deps.db.transaction(async (tx) => {
    const { user, assignments } = await loadManageable(
      tx,
      actor,
      userId,
      permissionToGrant(request.role),
      'grant',
      today,
    );
    const grants = await planGrants(tx, actor, assignments, [request], today);
    const [id] = await saveGrants(tx, ctx, actor, user, grants);
    const saved = await findAssignment(tx, user.id, id as number);
    return assignmentView(saved as NonNullable<typeof saved>);
  });
}

/**
 * Revokes a role by deleting the assignment: it ends at once, and the audit log keeps who held it, who
 * granted and who revoked it. Revoking needs what granting needs (checkGrant at the assignment's org).
 */
export async function revokeRole(
  deps: Deps,
  actor: Actor,
  ctx: AuditContext,
  userId: number,
  assignmentId: number,
): Promise<void> {
  const today = deps.clock.today();
  if (
    !holdsAnywhere(actor, 'role.grant_business', today) &&
    !holdsAnywhere(actor, 'role.grant_privileged', today)
  ) {
    throw forbidden('permission_denied', '您的角色无权执行此操作');
  }
  await deps.db.transaction(async (tx) => {
    const assignment = await findAssignment(tx, userId, assignmentId);
    if (!assignment) throw notFound('角色');
    const permission = permissionToGrant(assignment.role);
    const { user } = await loadManageable(tx, actor, userId, permission, 'revoke', today);
    enforce(checkGrant(actor, assignment.role, assignment.orgPath, today));
    await deleteAssignment(tx, assignment.id);
    await recordAudit(tx, ctx, {
      action: 'role.revoke',
      entityType: 'role_assignment',
      entityId: assignment.id,
      orgId: assignment.orgId,
      role: requireAt(actor, permission, assignment.orgPath, today),
      before: auditedAssignment(assignment, user),
    });
  });
}
