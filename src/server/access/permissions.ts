import type { Permission, Role } from '../../domain/access/index.ts';
import {
  authorizingAssignment,
  can,
  grantingAssignments,
  holdsAnywhere,
  scopeRoots,
} from '../../domain/access/index.ts';
import type { Ctx } from '../context.ts';
import type { Scope } from '../db/scope.ts';
import { forbidden, notFound } from '../errors.ts';

/** What every access decision reads of the context: the actor and the day (roles end on a date). */
export type Acting = Pick<Ctx, 'actor' | 'today'>;

/**
 * The scope (管辖范围) of `permission` for the actor today, possibly empty: what the data layer filters by. Most
 * services want scopeFor, which refuses first when the permission is held nowhere.
 */
export function scopeOf(ctx: Acting, permission: Permission): Scope {
  return { roots: scopeRoots(ctx.actor, permission, ctx.today) };
}

/**
 * The actor must hold `permission` somewhere; answers 403 otherwise (the capability itself is closed to them, so
 * there is no record whose existence could leak). Returns the role to record in the audit log.
 */
export function requirePermission(ctx: Acting, permission: Permission): Role {
  const [first] = grantingAssignments(ctx.actor, permission, ctx.today);
  if (!first) throw forbidden('permission_denied', '您的角色无权执行此操作');
  return first.role;
}

/** The scope of `permission`: 403 when the actor holds it nowhere (requirePermission), else its subtrees. */
export function scopeFor(ctx: Acting, permission: Permission): Scope {
  requirePermission(ctx, permission);
  return scopeOf(ctx, permission);
}

/**
 * The actor must hold `permission` over the org at `path`. Out of scope answers 404, as if the record did not
 * exist (docs/design.md §2); returns the authorizing role for the audit log.
 */
export function requireAt(ctx: Acting, permission: Permission, path: string, what?: string): Role {
  const assignment = authorizingAssignment(ctx.actor, permission, path, ctx.today);
  if (!assignment) throw notFound(what);
  return assignment.role;
}

/** Whether the actor holds `permission` over the org at `path` (the buttons a page shows). */
export function canAt(ctx: Acting, permission: Permission, path: string): boolean {
  return can(ctx.actor, permission, path, ctx.today);
}

/** Whether the actor holds `permission` anywhere. */
export function holds(ctx: Acting, permission: Permission): boolean {
  return holdsAnywhere(ctx.actor, permission, ctx.today);
}
