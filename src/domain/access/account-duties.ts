import type { IsoDate } from '../shared/index.ts';
import { allow, type Decision, deny } from '../shared/index.ts';
import { type Actor, managingRoles } from './access.ts';
import type { AccessReason } from './reasons.ts';
import { type Permission, PRIVILEGED_ROLES, type Role } from './roles.ts';

/**
 * 三员分立 applied to the accounts themselves (docs/security.md §2; GB/T 22239-2019 第三级, 安全管理中心: 系统管理员、
 * 审计管理员、安全管理员的职责分离). The permissions in roles.ts say what a role may do in general; this rule says on WHICH accounts:
 *
 * - an account that holds an administrator role (system, security, audit) is created, reset, unlocked,
 *   deactivated, reactivated and has its roles changed by the security administrator only — otherwise the system
 *   administrator could reset the auditor's password and read the audit log as the auditor;
 * - the security administrator's own account is managed only by another security administrator (or by the
 *   recovery command on the server, which is outside this rule);
 * - business accounts (org_admin, secretary, member, or none) are managed by the system administrator and by the
 *   org_admin of their subtree; the security administrator only unlocks them and resets their second factor;
 * - nobody acts on their own account here (their own password is changed with the current one, in 个人设置);
 * - one account never mixes an administrator role with any other role (accounts.ts, checkNewAssignment).
 */
export const ACCOUNT_ACTIONS = [
  'create',
  'edit',
  'reset_password',
  'reset_second_factor',
  'unlock',
  'deactivate',
  'reactivate',
  'grant',
  'revoke',
] as const;
export type AccountAction = (typeof ACCOUNT_ACTIONS)[number];

export const ACCOUNT_ACTION_LABELS: Record<AccountAction, string> = {
  create: '新建账号',
  edit: '修改账号',
  reset_password: '重置密码',
  reset_second_factor: '重置双因素认证',
  unlock: '解锁账号',
  deactivate: '停用账号',
  reactivate: '启用账号',
  grant: '授予角色',
  revoke: '撤销角色',
};

/** What an account is, by the roles it holds: the kind decides who may manage it. */
export const ACCOUNT_KINDS = ['business', 'administrator', 'security_administrator'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/**
 * The kind of an account holding `roles` (every assignment it still has, current or ended: an administrator
 * account whose term has ended is still an administrator account, not a business one that the system
 * administrator could take over and have re-granted).
 */
export function accountKind(roles: readonly Role[]): AccountKind {
  if (roles.includes('security_admin')) return 'security_administrator';
  if (roles.some((r) => PRIVILEGED_ROLES.includes(r))) return 'administrator';
  return 'business';
}

const EVERY_ACTION: readonly AccountAction[] = ACCOUNT_ACTIONS;
const BUSINESS_MANAGEMENT: readonly AccountAction[] = [
  'create',
  'edit',
  'reset_password',
  'unlock',
  'deactivate',
  'reactivate',
  'grant',
  'revoke',
];

/** Who may do what, by the actor's role and the kind of the target account. Anything not listed is refused. */
const DUTIES: Record<Role, Partial<Record<AccountKind, readonly AccountAction[]>>> = {
  security_admin: {
    administrator: EVERY_ACTION,
    security_administrator: EVERY_ACTION,
    business: ['unlock', 'reset_second_factor'],
  },
  system_admin: {
    business: BUSINESS_MANAGEMENT.filter((a) => a !== 'unlock'),
  },
  org_admin: { business: BUSINESS_MANAGEMENT },
  audit_admin: {},
  secretary: {},
  member: {},
};

export function roleMayActOn(role: Role, kind: AccountKind, action: AccountAction): boolean {
  return DUTIES[role][kind]?.includes(action) ?? false;
}

const OWN_ACCOUNT: Partial<Record<AccountAction, { reason: AccessReason; message: string }>> = {
  reset_password: { reason: 'own_password_reset', message: '不能重置自己的密码，请在“修改密码”中修改' },
  deactivate: { reason: 'self_deactivation', message: '不能停用自己的账号' },
  grant: { reason: 'self_grant', message: '不能变更自己的角色' },
  revoke: { reason: 'self_grant', message: '不能变更自己的角色' },
};

/**
 * Nobody acts on their own account through user management: an administrator resets other people's passwords,
 * not their own (the own one is changed with the current one, so that a hijacked session cannot take the account
 * over); nobody deactivates themselves (locking the deployment out by mistake) or changes their own roles; and the
 * security administrator's own account is another security administrator's to manage.
 */
export function checkOwnAccount(
  actorUserId: number,
  targetUserId: number | null,
  action: AccountAction,
): Decision<AccessReason> {
  if (targetUserId === null || targetUserId !== actorUserId) return allow;
  const own = OWN_ACCOUNT[action] ?? {
    reason: 'own_account',
    message: `不能在用户管理中${ACCOUNT_ACTION_LABELS[action]}：这是您自己的账号`,
  };
  return deny(own.reason, own.message, { details: { action } });
}

export type AccountActionRequest = {
  /** The actor's current roles whose scope covers the target account (scope is checked before this rule). */
  readonly actingRoles: readonly Role[];
  /** Every role the target holds (for `create`: the roles it is being created with). */
  readonly targetRoles: readonly Role[];
  readonly action: AccountAction;
};

const KIND_OWNERS: Record<AccountKind, string> = {
  business: '业务账号由系统管理员或上级组织管理员管理，安全管理员只能解锁和重置双因素认证',
  administrator: '管理员账号只能由安全管理员管理',
  security_administrator: '安全管理员账号只能由另一名安全管理员管理',
};

/**
 * May one of the actor's roles do `action` on an account that holds `targetRoles`? Answers the role it acts in
 * (for the audit log), or the denial naming who manages that kind of account (三员分立).
 */
export function checkAccountAction(
  request: AccountActionRequest,
): Decision<AccessReason> & { actingRole?: Role } {
  const kind = accountKind(request.targetRoles);
  const actingRole = request.actingRoles.find((r) => roleMayActOn(r, kind, request.action));
  if (actingRole) return { ...allow, actingRole };
  return deny('separation_of_duties', `三员分立：${KIND_OWNERS[kind]}`, {
    details: { action: request.action, accountKind: kind },
  });
}

/**
 * 三员分立 on one account: an administrator role is never held together with any other role (two
 * administrator roles would undo the separation in one login; an administrator role with a business role would
 * let an administrator reach party data, and a business role holder reach the administration).
 */
export function checkRoleMix(heldRoles: readonly Role[], newRole: Role): Decision<AccessReason> {
  const others = heldRoles.filter((r) => r !== newRole);
  const newIsAdmin = PRIVILEGED_ROLES.includes(newRole);
  const clash = others.find((r) => (newIsAdmin ? true : PRIVILEGED_ROLES.includes(r)));
  if (clash === undefined) return allow;
  const bothAdmin = newIsAdmin && PRIVILEGED_ROLES.includes(clash);
  return deny(
    'separation_of_duties',
    bothAdmin
      ? '三员分立：同一账号不能同时担任系统、安全、审计管理员中的两种'
      : '三员分立：管理员角色不能与组织管理员、书记、党员等业务角色由同一账号担任',
    { details: { held: clash, requested: newRole } },
  );
}

/** The permission an account action needs (grants and revokes: the one for the kind of role concerned). */
export function permissionForAction(action: AccountAction, kind: AccountKind): Permission {
  switch (action) {
    case 'unlock':
      return 'user.unlock';
    case 'reset_second_factor':
      return 'user.reset_second_factor';
    case 'grant':
    case 'revoke':
      return kind === 'business' ? 'role.grant_business' : 'role.grant_privileged';
    default:
      return 'user.manage';
  }
}

export type ManagedAccountFacts = {
  readonly id: number;
  readonly homeOrgPath: string;
  readonly assignments: readonly { readonly role: Role; readonly orgPath: string }[];
};

/**
 * Which account actions the actor may take on this account, by the same rules the server enforces (scope,
 * one's own account, 三员分立): what the users page offers. Whether the account's state suits the action
 * (unlock a locked one, reactivate a deactivated one) is for the page and the action itself to say.
 */
export function allowedAccountActions(
  actor: Actor,
  account: ManagedAccountFacts,
  today: IsoDate,
): Record<AccountAction, boolean> {
  const targetRoles = account.assignments.map((a) => a.role);
  const kind = accountKind(targetRoles);
  const entries = ACCOUNT_ACTIONS.map((action) => {
    if (action === 'create' || !checkOwnAccount(actor.userId, account.id, action).ok) return [action, false];
    const permission = permissionForAction(action, kind);
    const actingRoles = managingRoles(actor, account.homeOrgPath, account.assignments, today, permission);
    return [action, checkAccountAction({ actingRoles, targetRoles, action }).ok];
  });
  return Object.fromEntries(entries) as Record<AccountAction, boolean>;
}
