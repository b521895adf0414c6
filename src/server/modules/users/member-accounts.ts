import { and, eq, inArray, isNull } from 'drizzle-orm';
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
import { users } from '../../db/tables/users.ts';
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
