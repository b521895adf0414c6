import type { IsoDate } from '../shared/index.ts';
import { allow, type Decision, deny } from '../shared/index.ts';
import { isCurrent } from './access.ts';
import { checkRoleMix } from './account-duties.ts';
import type { AccessReason } from './reasons.ts';
import type { Role } from './roles.ts';
import { isLocked } from './security-policy.ts';

/**
 * Rules of user accounts (用户与权限) that the security policy and the role rules do not already cover.
 */
export const ACCOUNT_STATUSES = ['active', 'locked', 'deactivated'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export type AccountState = {
  readonly deactivatedAt: Date | null;
  readonly lockedUntil: Date | null;
};

/**
 * The status an administrator sees: a deactivated account is deactivated whatever its lock; otherwise it
 * is locked while the lockout after failed logins lasts (security-policy.ts), and active after.
 * The user list filters by the same rule in SQL (users.repo.ts, statusCondition).
 */
export function accountStatus(state: AccountState, now: Date): AccountStatus {
  if (state.deactivatedAt !== null) return 'deactivated';
  if (isLocked({ failedAttempts: 0, lockedUntil: state.lockedUntil }, now)) return 'locked';
  return 'active';
}

/** A deactivation needs an active account (acting on one's own account: checkOwnAccount, account-duties.ts). */
export function checkDeactivation(target: AccountState): Decision<AccessReason> {
  if (target.deactivatedAt !== null) return deny('already_deactivated', '该账号已停用');
  return allow;
}

export function checkReactivation(target: AccountState): Decision<AccessReason> {
  if (target.deactivatedAt === null) return deny('not_deactivated', '该账号未停用，无需启用');
  return allow;
}

export type HeldAssignment = {
  readonly role: Role;
  readonly orgId: number;
  readonly endsOn: IsoDate | null;
};

/**
 * May this role assignment be added to an account that holds `held`? It must not end before today, must
 * not repeat a current assignment of the same role at the same org, and must keep 三员分立
 * (checkRoleCombination in access.ts).
 */
export function checkNewAssignment(
  held: readonly HeldAssignment[],
  grant: HeldAssignment,
  today: IsoDate,
): Decision<AccessReason> {
  if (grant.endsOn !== null && grant.endsOn < today) {
    return deny('ends_in_past', '角色的截止日期不能早于今天', { details: { role: grant.role } });
  }
  const current = held.filter((a) => isCurrent(a, today));
  if (current.some((a) => a.role === grant.role && a.orgId === grant.orgId)) {
    return deny('role_already_assigned', '该账号已在该组织担任此角色', {
      details: { role: grant.role, orgId: grant.orgId },
    });
  }
  return checkRoleMix(
    current.map((a) => a.role),
    grant.role,
  );
}
