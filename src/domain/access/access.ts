import type { IsoDate } from '../shared/index.ts';
import { allow, type Decision, deny } from '../shared/index.ts';
import type { AccessReason } from './reasons.ts';
import { type Permission, permissionToGrant, type Role, rankAllows, roleGrants } from './roles.ts';

/** A role assignment as the rules see it: the role, where it applies (the org's path) and until when. */
export type Assignment = {
  readonly role: Role;
  readonly orgId: number;
  /** ltree path of the org, ids root first: `1.4.17`. */
  readonly orgPath: string;
  readonly endsOn: IsoDate | null;
};

export type Actor = {
  readonly userId: number;
  readonly username: string;
  readonly assignments: readonly Assignment[];
};

/** Is `path` the org at `root` or inside its subtree? */
export function isWithin(path: string, root: string): boolean {
  return path === root || path.startsWith(`${root}.`);
}

export function isCurrent(a: Pick<Assignment, 'endsOn'>, today: IsoDate): boolean {
  return a.endsOn === null || a.endsOn >= today;
}

/** The assignments through which the actor holds `permission` today. */
export function grantingAssignments(actor: Actor, permission: Permission, today: IsoDate): Assignment[] {
  return actor.assignments.filter((a) => isCurrent(a, today) && roleGrants(a.role, permission));
}

/**
 * The subtree roots where the actor holds `permission`: the scope (管辖范围) that the data layer applies
 * to every read and write. Nested roots are collapsed to the outermost.
 */
export function scopeRoots(actor: Actor, permission: Permission, today: IsoDate): string[] {
  const paths = [...new Set(grantingAssignments(actor, permission, today).map((a) => a.orgPath))];
  return paths.filter((p) => !paths.some((q) => q !== p && isWithin(p, q))).sort();
}

/** The assignment that authorizes `permission` on the org at `path`, if any (recorded in the audit log). */
export function authorizingAssignment(
  actor: Actor,
  permission: Permission,
  path: string,
  today: IsoDate,
): Assignment | undefined {
  return grantingAssignments(actor, permission, today).find((a) => isWithin(path, a.orgPath));
}

export function can(actor: Actor, permission: Permission, path: string, today: IsoDate): boolean {
  return authorizingAssignment(actor, permission, path, today) !== undefined;
}

/** Does the actor hold `permission` anywhere at all (to show a menu, to choose 403 over 404)? */
export function holdsAnywhere(actor: Actor, permission: Permission, today: IsoDate): boolean {
  return grantingAssignments(actor, permission, today).length > 0;
}

/**
 * May the actor grant (or revoke) `role` at the org at `path`? Needs the matching permission over that
 * org and, for business roles, a rank at or above the role granted. (Whose account it may be, and that nobody
 * changes their own roles, is account-duties.ts.)
 */
export function checkGrant(actor: Actor, role: Role, path: string, today: IsoDate): Decision<AccessReason> {
  const permission = permissionToGrant(role);
  const grantors = grantingAssignments(actor, permission, today).filter((a) => isWithin(path, a.orgPath));
  if (grantors.length === 0) {
    return deny('grant_not_permitted', '无权在该组织授予此角色', { details: { role } });
  }
  if (!grantors.some((a) => rankAllows(a.role, role))) {
    return deny('grant_above_own_rank', '只能授予与自己同级或更低的角色', { details: { role } });
  }
  return allow;
}

/**
 * The roles in which the actor may act on a user account with `permission`: those whose scope holds the
 * account's home org and every org where it holds a role, so that nobody reaches beyond their subtree through a
 * shared account. Which of these roles may act on which KIND of account is 三员分立 (account-duties.ts).
 */
export function managingRoles(
  actor: Actor,
  homeOrgPath: string,
  targetAssignments: readonly Pick<Assignment, 'orgPath'>[],
  today: IsoDate,
  permission: Permission,
): Role[] {
  const granting = grantingAssignments(actor, permission, today);
  const roles = [...new Set(granting.map((a) => a.role))];
  const paths = [homeOrgPath, ...targetAssignments.map((a) => a.orgPath)];
  return roles.filter((role) => {
    const roots = granting.filter((a) => a.role === role).map((a) => a.orgPath);
    return paths.every((p) => roots.some((r) => isWithin(p, r)));
  });
}
