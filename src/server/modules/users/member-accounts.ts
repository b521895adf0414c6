import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import {
  checkPassword,
  MEMBER_ACCOUNT_ROLE,
  type MemberAccountPolicy,
  memberUsernames,
  type Role,
} from '../../../domain/access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import type { WorkCtx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { roleAssignments, users } from '../../db/tables/users.ts';
import { hashPassword } from '../../security/passwords.ts';
import { generatePassword } from '../../security/tokens.ts';
import { endSessionsOfUser, revokeApiTokensOfUser } from '../auth/index.ts';
import { insertAssignment, insertUser, usernameExists } from './users.repo.ts';
import { auditedAssignment, auditedUser } from './users.views.ts';

/**
 * Accounts for members (开通账号, docs/security.md §2.1), as the members module opens and closes them: the members
 * module decides who may (scope, `member.account`, checkMemberAccountOpening) and calls these in its transaction.
 */

/** The active account linked to each of these persons (users.person_id; at most one, a unique index). */
export async function activeAccountsOfPersons(
  db: Db,
  personIds: readonly number[],
): Promise<Map<number, { id: number; username: string; mustChangePassword: boolean }>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      personId: users.personId,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .where(and(inArray(users.personId, [...personIds]), isNull(users.deactivatedAt)));
  return new Map(rows.map((r) => [r.personId as number, r]));
}

/**
 * The active account linked to a person, as a subquery (columns `user_id`, `username`) that another module's query
 * joins laterally on its own person column: the to-do 党员已离开但账号仍可用 (members) reads it for every departed
 * member of an org at once. This module still writes the only SQL on its table.
 */
export function activeAccountOfPerson(personId: SQL): SQL {
  return sql`select u.id as user_id, u.username from users u
             where u.person_id = ${personId} and u.deactivated_at is null`;
}

/** The member an account is opened for. */
export type MemberAccountOwner = {
  readonly memberId: number;
  readonly personId: number;
  readonly name: string;
  readonly orgId: number;
  readonly phoneMobile: string | null;
};

export type OpenedAccount = {
  readonly userId: number;
  readonly username: string;
  readonly initialPassword: string;
};

/**
 * Opens the member's account in the caller's transaction: a username by the policy's rule (the first free one of
 * memberUsernames), a generated initial password of the policy's length that must be changed at first login (only
 * its hash is stored; the clear text is answered this once), and the one role `member` at the member's org. Audited
 * as `user.member_account_open` and `role.grant`, in the role `actingRole`. Answers null when every username the
 * rule gives is taken.
 */
export async function openMemberAccount(
  tx: WorkCtx,
  owner: MemberAccountOwner,
  policy: MemberAccountPolicy,
  actingRole: Role,
): Promise<OpenedAccount | null> {
  let username: string | undefined;
  for (const candidate of memberUsernames(policy, { id: owner.memberId, phoneMobile: owner.phoneMobile })) {
    if (!(await usernameExists(tx.db, candidate))) {
      username = candidate;
      break;
    }
  }
  if (username === undefined) return null;
  let initialPassword = generatePassword(policy.initialPasswordLength);
  while (!checkPassword(initialPassword, username).ok)
    initialPassword = generatePassword(policy.initialPasswordLength);
  const passwordHash = await hashPassword(initialPassword);
  const user = await insertUser(tx.db, {
    username,
    name: owner.name,
    orgId: owner.orgId,
    personId: owner.personId,
    passwordHash,
    mustChangePassword: true,
    createdAt: tx.at,
    updatedAt: tx.at,
  });
  if (!user) return null;
  await recordAudit(tx, {
    action: 'user.member_account_open',
    entityType: 'user',
    entityId: user.id,
    orgId: owner.orgId,
    role: actingRole,
    after: {
      ...auditedUser(user),
      memberId: owner.memberId,
      personId: owner.personId,
      passwordHash,
      mustChangePassword: true,
    },
  });
  const grant = { role: MEMBER_ACCOUNT_ROLE, orgId: owner.orgId, endsOn: null };
  const { id } = await insertAssignment(tx.db, {
    userId: user.id,
    ...grant,
    grantedBy: tx.audit.actorId,
    createdAt: tx.at,
  });
  await recordAudit(tx, {
    action: 'role.grant',
    entityType: 'role_assignment',
    entityId: id,
    orgId: owner.orgId,
    role: actingRole,
    after: auditedAssignment(grant, user),
  });
  return { userId: user.id, username, initialPassword };
}

/**
 * The member left (出党, death, transferred out of the deployment): their active account is deactivated and
 * unlinked from the person in the caller's transaction, its sessions ended and its API tokens revoked; audited as
 * `user.member_account_close` with the member and the kind of leaving. Answers how many accounts were closed.
 */
export async function closeMemberAccounts(
  tx: WorkCtx,
  member: {
    readonly memberId: number;
    readonly personId: number;
    readonly orgId: number;
    readonly kind: string;
  },
): Promise<number> {
  const closed = await tx.db
    .update(users)
    .set({ deactivatedAt: tx.at, personId: null, updatedAt: tx.at })
    .where(and(eq(users.personId, member.personId), isNull(users.deactivatedAt)))
    .returning({ id: users.id, username: users.username, orgId: users.orgId });
  for (const account of closed) {
    await endSessionsOfUser(tx, account.id);
    const tokensRevoked = await revokeApiTokensOfUser(tx, account.id);
    await recordAudit(tx, {
      action: 'user.member_account_close',
      entityType: 'user',
      entityId: account.id,
      orgId: account.orgId,
      before: { deactivatedAt: null, personId: member.personId },
      after: { deactivatedAt: tx.at, personId: null },
      note: { memberId: member.memberId, kind: member.kind, sessionsEnded: true, tokensRevoked },
    });
  }
  return closed.length;
}

/**
 * The member moved to another org of the deployment (a transfer received, a move between branches or groups): their
 * active account follows them in the caller's transaction (docs/security.md §2.1) — its home org, when it was the
 * org left, and its `member` role held at the org left, so that the new branch manages the account and the old one
 * no longer does. Other roles (a post at the old branch) stay where they were granted. Audited as `user.update`
 * and `role.revoke` + `role.grant`, noting the member. Answers how many accounts were moved.
 */
export async function moveMemberAccounts(
  tx: WorkCtx,
  move: {
    readonly memberId: number;
    readonly personId: number;
    readonly fromOrgId: number;
    readonly toOrgId: number;
  },
): Promise<number> {
  if (move.fromOrgId === move.toOrgId) return 0;
  const accounts = await tx.db
    .select({ id: users.id, username: users.username, orgId: users.orgId })
    .from(users)
    .where(and(eq(users.personId, move.personId), isNull(users.deactivatedAt)));
  const note = { memberId: move.memberId, kind: 'member_moved' };
  for (const account of accounts) {
    if (account.orgId === move.fromOrgId) {
      await tx.db
        .update(users)
        .set({ orgId: move.toOrgId, updatedAt: tx.at, version: sql`${users.version} + 1` })
        .where(eq(users.id, account.id));
      await recordAudit(tx, {
        action: 'user.update',
        entityType: 'user',
        entityId: account.id,
        orgId: move.toOrgId,
        before: { orgId: move.fromOrgId },
        after: { orgId: move.toOrgId },
        note,
      });
    }
    const held = await tx.db
      .update(roleAssignments)
      .set({ orgId: move.toOrgId })
      .where(
        and(
          eq(roleAssignments.userId, account.id),
          eq(roleAssignments.role, MEMBER_ACCOUNT_ROLE),
          eq(roleAssignments.orgId, move.fromOrgId),
        ),
      )
      .returning({ id: roleAssignments.id, role: roleAssignments.role, endsOn: roleAssignments.endsOn });
    for (const a of held) {
      const assignment = { role: a.role, endsOn: a.endsOn };
      await recordAudit(tx, {
        action: 'role.revoke',
        entityType: 'role_assignment',
        entityId: a.id,
        orgId: move.fromOrgId,
        before: auditedAssignment({ ...assignment, orgId: move.fromOrgId }, account),
        note,
      });
      await recordAudit(tx, {
        action: 'role.grant',
        entityType: 'role_assignment',
        entityId: a.id,
        orgId: move.toOrgId,
        after: auditedAssignment({ ...assignment, orgId: move.toOrgId }, account),
        note,
      });
    }
  }
  return accounts.length;
}
