import type { MemberStatus } from '../membership/index.ts';
import { allow, type Decision, deny } from '../shared/index.ts';
import type { AccessReason } from './reasons.ts';
import type { Role } from './roles.ts';

/**
 * Accounts for members (开通账号, docs/security.md §2.1). The branch secretary and the org_admins above open an
 * account for a member of their subtree, one at a time or for a whole branch or filter. The account is of the
 * business kind and carries exactly one role, `member` at the member's org: the opener chooses neither the roles
 * nor the password, so nobody grants a role through it — to themselves or anyone — beyond a member's self-service.
 */
export const MEMBER_ACCOUNT_ROLE: Role = 'member';

/** At most this many accounts in one bulk opening: each initial password is hashed (argon2id) in the request. */
export const MEMBER_ACCOUNT_BULK_MAX = 200;

/**
 * The statuses of a member who still belongs to this deployment (on a roster, counted or not: a 停止党籍 member is
 * still managed by the branch). A member in any other status — 出党, death, transferred out of the deployment —
 * has left: no account is opened for them, and the one they had is closed when they leave (docs/security.md §2.1).
 */
export const STATUSES_KEEPING_AN_ACCOUNT: readonly MemberStatus[] = [
  'probationary',
  'full',
  'suspended',
  'unreachable',
];

export function keepsAccount(status: MemberStatus): boolean {
  return STATUSES_KEEPING_AN_ACCOUNT.includes(status);
}

export type MemberAccountFacts = {
  /** The person the actor's own account belongs to (users.person_id), if any. */
  readonly actorPersonId: number | null;
  readonly personId: number;
  readonly status: MemberStatus;
  /** The username of the member's active account, if one is linked already. */
  readonly linkedUsername: string | null;
};

/**
 * May an account be opened for this member? Not for one who already has an active account (one account per
 * member), not for one who has left, and not for the actor's own record (an account manager does not make
 * themselves a second account). Scope and the permission `member.account` are checked before.
 */
export function checkMemberAccountOpening(facts: MemberAccountFacts): Decision<AccessReason> {
  if (facts.actorPersonId !== null && facts.actorPersonId === facts.personId) {
    return deny('own_account', '不能为自己开通账号');
  }
  if (facts.linkedUsername !== null) {
    return deny('member_account_exists', `该党员已开通账号（用户名 ${facts.linkedUsername}）`, {
      details: { username: facts.linkedUsername },
    });
  }
  if (!keepsAccount(facts.status)) {
    return deny('member_has_left', '该党员已出党、死亡或转出，不能开通账号', {
      details: { status: facts.status },
    });
  }
  return allow;
}

export function checkBulkOpening(count: number): Decision<AccessReason> {
  if (count <= MEMBER_ACCOUNT_BULK_MAX) return allow;
  return deny(
    'too_many_accounts',
    `一次最多为 ${MEMBER_ACCOUNT_BULK_MAX} 名党员开通账号（符合条件的有 ${count} 名），请按党支部或筛选条件分批开通`,
    { details: { count, max: MEMBER_ACCOUNT_BULK_MAX } },
  );
}

/** How a member's username is made (docs/security.md §2.1): the prefix, then the member's number or mobile. */
export const USERNAME_RULES = ['member_number', 'mobile'] as const;
export type UsernameRule = (typeof USERNAME_RULES)[number];

export const USERNAME_RULE_LABELS: Record<UsernameRule, string> = {
  member_number: '前缀 + 党员档案编号（6位，不足补零）',
  mobile: '前缀 + 手机号（无手机号或已被使用时按党员档案编号）',
};

export type MemberAccountPolicy = {
  readonly usernamePrefix: string;
  readonly usernameRule: UsernameRule;
  readonly initialPasswordLength: number;
};

export const DEFAULT_MEMBER_ACCOUNT_POLICY: MemberAccountPolicy = {
  usernamePrefix: 'dy',
  usernameRule: 'member_number',
  initialPasswordLength: 12,
};

export const INITIAL_PASSWORD_LENGTH_BOUNDS = { min: 10, max: 32 } as const;

/** The username by the member's number: stable (the record's number never changes) and unique. */
export function usernameByNumber(policy: MemberAccountPolicy, memberId: number): string {
  return `${policy.usernamePrefix}${String(memberId).padStart(6, '0')}`;
}

/**
 * The usernames to try for a member, in order: by the rule, then by the member's number (a member without a
 * mobile, or a mobile another account already uses, falls back to the number).
 */
export function memberUsernames(
  policy: MemberAccountPolicy,
  member: { readonly id: number; readonly phoneMobile: string | null },
): string[] {
  const byNumber = usernameByNumber(policy, member.id);
  const mobile = member.phoneMobile?.replace(/\D/g, '').slice(-11) ?? '';
  if (policy.usernameRule === 'mobile' && /^1\d{10}$/.test(mobile)) {
    return [`${policy.usernamePrefix}${mobile}`, byNumber];
  }
  return [byNumber];
}
