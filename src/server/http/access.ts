import type { Permission, Role } from '../../domain/access/index.ts';
import {
  type Actor,
  authorizingAssignment,
  grantingAssignments,
  scopeRoots,
} from '../../domain/access/index.ts';
import type { IsoDate } from '../../domain/shared/index.ts';
import type { Scope } from '../db/scope.ts';
import { forbidden, notFound } from './errors.ts';

/** The scope of `permission` for this actor today: what the data layer filters every query by. */
export function scopeOf(actor: Actor, permission: Permission, today: IsoDate): Scope {
  return { roots: scopeRoots(actor, permission, today) };
}

/**
 * The actor must hold `permission` somewhere; answers 403 otherwise (the capability itself is closed to
 * them, so there is no record whose existence could leak). Returns the role to record in the audit log.
 */
export function requirePermission(actor: Actor, permission: Permission, today: IsoDate): Role {
  const [first] = grantingAssignments(actor, permission, today);
  if (!first) throw forbidden('permission_denied', '您的角色无权执行此操作');
  return first.role;
}

/**
 * The actor must hold `permission` over the org at `path`. Out of scope answers 404, as if the record did
 * not exist (DESIGN.md §5); returns the authorizing role for the audit log.
 */
export function requireAt(
  actor: Actor,
  permission: Permission,
  path: string,
  today: IsoDate,
  what?: string,
): Role {
  const assignment = authorizingAssignment(actor, permission, path, today);
  if (!assignment) throw notFound(what);
  return assignment.role;
}
