import type { AssignmentView } from '../../../contracts/auth.ts';
import type { UserView } from '../../../contracts/users.ts';
import type { Actor } from '../../../domain/access/index.ts';
import { accountStatus, allowedAccountActions } from '../../../domain/access/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import type { AssignmentRecord, UserRecord } from './users.repo.ts';

export function assignmentView(a: AssignmentRecord): AssignmentView {
  return { id: a.id, role: a.role, orgId: a.orgId, orgName: a.orgName, orgPath: a.orgPath, endsOn: a.endsOn };
}

/**
 * Who looks at the account, and when (a request's context is one): what they may do with it is part of the view
 * (the page's buttons), and whether it is locked now.
 */
export type Viewer = { readonly actor: Actor; readonly at: Date; readonly today: IsoDate };

export function userView(
  user: UserRecord,
  assignments: readonly AssignmentRecord[],
  viewer: Viewer,
): UserView {
  const own = assignments.filter((a) => a.userId === user.id);
  const can = allowedAccountActions(
    viewer.actor,
    { id: user.id, homeOrgPath: user.orgPath, assignments: own },
    viewer.today,
  );
  const now = viewer.at;
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    orgId: user.orgId,
    orgName: user.orgName,
    status: accountStatus(user, now),
    mustChangePassword: user.mustChangePassword,
    lockedUntil: user.lockedUntil?.toISOString() ?? null,
    deactivatedAt: user.deactivatedAt?.toISOString() ?? null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    secondFactorEnabled: user.totpEnabledAt !== null,
    createdAt: user.createdAt.toISOString(),
    version: user.version,
    assignments: own.map(assignmentView),
    can,
  };
}

/** What the audit log records of an account (the password hash is redacted by audit/redact.ts). */
export function auditedUser(user: Pick<UserRecord, 'username' | 'name' | 'orgId'>) {
  return { username: user.username, name: user.name, orgId: user.orgId };
}

/** What the audit log records of a role assignment. */
export function auditedAssignment(
  a: { role: string; orgId: number; endsOn: string | null },
  user: { id: number; username: string },
) {
  return { userId: user.id, username: user.username, role: a.role, orgId: a.orgId, endsOn: a.endsOn };
}
