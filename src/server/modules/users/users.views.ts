import type { AssignmentView } from '../../../contracts/auth.ts';
import type { UserView } from '../../../contracts/users.ts';
import { accountStatus } from '../../../domain/accounts.ts';
import type { AssignmentRecord, UserRecord } from './users.repo.ts';

export function assignmentView(a: AssignmentRecord): AssignmentView {
  return { id: a.id, role: a.role, orgId: a.orgId, orgName: a.orgName, orgPath: a.orgPath, endsOn: a.endsOn };
}

export function userView(user: UserRecord, assignments: readonly AssignmentRecord[], now: Date): UserView {
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
    createdAt: user.createdAt.toISOString(),
    version: user.version,
    assignments: assignments.filter((a) => a.userId === user.id).map(assignmentView),
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
