import type { Permission, Role } from '../../domain/access/index.ts';
import type { WorkCtx } from '../context.ts';
import { findOrgRefInScope, type OrgRef } from '../db/org-refs.ts';
import type { Scope } from '../db/scope.ts';
import { notFound, staleVersion } from '../errors.ts';
import { type Acting, requireAt, scopeFor } from './permissions.ts';

/** The record, or 404 (`what`不存在或不在您的管辖范围内): missing, or outside the scope it was looked for in. */
export function found<T>(row: T | null | undefined, what?: string): T {
  if (row === undefined || row === null) throw notFound(what);
  return row;
}

/** 409 `stale_version` unless the record still has the version the client read (the optimistic lock). */
export function expectVersion(row: { readonly version: number }, version: number): void {
  if (row.version !== version) throw staleVersion();
}

/** The org `id` if it lies in `scope`, else 404 `what`: how a module checks an org it is given. */
export async function orgIn(
  ctx: Pick<WorkCtx, 'db'>,
  scope: Scope,
  id: number,
  what = '组织',
): Promise<OrgRef> {
  return found(await findOrgRefInScope(ctx.db, scope, id), what);
}

/** The `orgId` filter of a list: that org's subtree (404 outside the scope), or null when none is given. */
export async function subtreeIn(
  ctx: Pick<WorkCtx, 'db'>,
  scope: Scope,
  orgId: number | undefined,
  what?: string,
): Promise<Scope | null> {
  return orgId === undefined ? null : { roots: [(await orgIn(ctx, scope, orgId, what)).path] };
}

export type ChangeTarget<R> = {
  /** What the change needs: 403 when the actor holds it nowhere; the record is looked for in its scope. */
  readonly permission: Permission;
  /** Loads the record in the scope (locked, in the change's transaction); undefined when missing or outside. */
  readonly load: (scope: Scope) => Promise<R | undefined>;
  /** The path of the org the record belongs to, where the authorizing role is looked up. */
  readonly at: (row: R) => string;
  /** What the 404 calls the record (`组织`, `党员`…). */
  readonly what?: string;
};

export type Loaded<R> = {
  readonly row: R;
  /** The role that authorizes the change, for the audit row. */
  readonly role: Role;
  readonly scope: Scope;
};

/**
 * The opening of every change, in one call: 403 without the permission anywhere, 404 when the record is missing
 * or outside the scope (as if it did not exist), the role that authorizes it, and with `version` 409 when
 * someone saved it since the client read it.
 */
export async function loadForChange<R extends { readonly version: number }>(
  ctx: Acting,
  target: ChangeTarget<R> & { readonly version: number },
): Promise<Loaded<R>>;
export async function loadForChange<R>(ctx: Acting, target: ChangeTarget<R>): Promise<Loaded<R>>;
export async function loadForChange<R>(
  ctx: Acting,
  target: ChangeTarget<R> & { readonly version?: number },
): Promise<Loaded<R>> {
  const scope = scopeFor(ctx, target.permission);
  const row = found(await target.load(scope), target.what);
  const role = requireAt(ctx, target.permission, target.at(row), target.what);
  if (target.version !== undefined) expectVersion(row as { version: number }, target.version);
  return { row, role, scope };
}
