/**
 * Roles and what each may do. 三员分立 (等级保护 separation of duties): the system, security and audit
 * administrators never do one another's job, and the audit log is closed to the first two.
 * Business roles follow the organization tree: what they may do applies to their org's subtree.
 * Party data (the roster) belongs to the business roles only: the system administrator runs the platform
 * (accounts, orgs, parameters) but reads no member's personal data, so that no single administrator holds both
 * the platform and the people in it (三员分立, 等级保护 least privilege). Only an org_admin may unmask an ID number.
 */
export const ROLES = [
  'system_admin',
  'security_admin',
  'audit_admin',
  'org_admin',
  'secretary',
  'member',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  system_admin: '系统管理员',
  security_admin: '安全管理员',
  audit_admin: '审计管理员',
  org_admin: '组织管理员',
  secretary: '书记',
  member: '党员',
};

/** The three administrators of 三员分立. */
export const PRIVILEGED_ROLES: readonly Role[] = ['system_admin', 'security_admin', 'audit_admin'];
/** Roles that do party work in an org subtree, ranked: a grantor may grant only its own rank or below. */
export const BUSINESS_ROLES: readonly Role[] = ['org_admin', 'secretary', 'member'];

export const PERMISSIONS = [
  /** See orgs, their leadership and findings. */
  'org.read',
  /** Create, edit, move and dissolve orgs. */
  'org.manage',
  /** Record leadership posts and terms. */
  'leadership.manage',
  /** See the workbench figures of the subtree. */
  'workbench.read',
  /**
   * See the member statistics of the subtree (by gender, ethnicity, age band, education…). Business roles only:
   * in a small branch a count of one identifies a person, which an administrator has no reason to learn.
   */
  'stats.read',
  /** See user accounts. */
  'user.read',
  /** Create accounts, edit them, reset passwords, deactivate — on the kinds of account the role manages (account-duties.ts). */
  'user.manage',
  /** Reset a user's second factor (TOTP) after a lost phone: the security administrator's alone. */
  'user.reset_second_factor',
  /** Grant and revoke org_admin, secretary and member. */
  'role.grant_business',
  /** Grant and revoke the three administrator roles. */
  'role.grant_privileged',
  /** Unlock an account locked after failed logins. */
  'user.unlock',
  /** Password, lockout and session policy. */
  'settings.security',
  /** Business parameters: term lengths and reminders. */
  'settings.system',
  /** Read and export the audit log. */
  'audit.read',
  /** See the members of the subtree (masked ID and phone numbers), their history and transfers. */
  'member.read',
  /** Record members, edit them, change their status, transfer them (组织关系转接). */
  'member.manage',
  /** Show one member's ID number whole (`?reveal=idNumber`); every reveal is audited. */
  'member.reveal',
  /** A member's own record: read it whole, edit phones and address. Reaches no org: only themselves. */
  'member.self',
  /**
   * Open accounts for the members of the subtree (开通账号, member-accounts.ts): an account with the one role
   * `member`, the password generated. The branch secretary's and the org_admin's; not the system administrator's,
   * who reads no member (docs/security.md §2.1).
   */
  'member.account',
  /**
   * Close (关账) and reopen a reported period of the 增减台账 for the whole deployment (docs/membership.md §8): the
   * org_admin's, held at the root org.
   */
  'ledger.close',
  /**
   * Read organizational life in the subtree (docs/organizational-life.md): meetings and their attendance,
   * 民主评议, 谈心谈话, and compliance with its findings.
   */
  'org_life.read',
  /** Plan, hold, close and reopen meetings; record attendance, votes, 民主评议 and 谈心谈话. */
  'org_life.manage',
  /** Exempt an org below from a requirement of organizational life for one period, with a reason (§7.3). */
  'org_life.exempt',
  /**
   * Read the dues of the subtree (docs/dues.md §10): what each member owes and paid, the collection sheets, arrears
   * and the subtree's collection figures — never the pay behind a base (dues.base).
   */
  'dues.read',
  /** Set bases, record payments and reversals, generate the month's charges, record a branch's 减免 decision. */
  'dues.manage',
  /**
   * See and export the pay a member's base is made of (docs/dues.md §11): personal data, for the org_admins above and
   * the secretaries of the member's own branch only — the domain narrows a secretary's grant to that branch.
   */
  'dues.base',
  /** Approve or refuse a 减免 as the 党委 one level up (第七条): held over the branch's parent. */
  'dues.approve',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  system_admin: [
    'org.read',
    'org.manage',
    'leadership.manage',
    'workbench.read',
    'user.read',
    'user.manage',
    'role.grant_business',
    'settings.system',
  ],
  security_admin: [
    'org.read',
    'user.read',
    'user.manage',
    'user.reset_second_factor',
    'role.grant_privileged',
    'user.unlock',
    'settings.security',
  ],
  audit_admin: ['audit.read'],
  org_admin: [
    'org.read',
    'org.manage',
    'leadership.manage',
    'workbench.read',
    'stats.read',
    'user.read',
    'user.manage',
    'role.grant_business',
    'user.unlock',
    'member.read',
    'member.manage',
    'member.reveal',
    'member.account',
    'ledger.close',
    'org_life.read',
    'org_life.manage',
    'org_life.exempt',
    'dues.read',
    'dues.manage',
    'dues.base',
    'dues.approve',
  ],
  secretary: [
    'org.read',
    'leadership.manage',
    'workbench.read',
    'stats.read',
    'member.read',
    'member.manage',
    'member.account',
    'org_life.read',
    'org_life.manage',
    'org_life.exempt',
    'dues.read',
    'dues.manage',
    'dues.base',
    'dues.approve',
  ],
  member: ['member.self'],
};

export function roleGrants(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function permissionsOf(role: Role): readonly Permission[] {
  return GRANTS[role];
}

/** The permission a grantor needs to grant or revoke `role`. */
export function permissionToGrant(role: Role): Permission {
  return PRIVILEGED_ROLES.includes(role) ? 'role.grant_privileged' : 'role.grant_business';
}

const BUSINESS_RANK: Partial<Record<Role, number>> = { org_admin: 3, secretary: 2, member: 1 };

/**
 * "Grant only roles at or below their own": an org_admin may grant org_admin, secretary or member; the
 * system and security administrators are not ranked against business roles (their permission decides).
 */
export function rankAllows(grantorRole: Role, role: Role): boolean {
  const grantorRank = BUSINESS_RANK[grantorRole];
  const rank = BUSINESS_RANK[role];
  if (grantorRank === undefined || rank === undefined) return true;
  return rank <= grantorRank;
}
