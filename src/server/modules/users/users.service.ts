import type { UserView } from '../../../contracts/users.ts';
import type { AccountStatus, Role } from '../../../domain/access/index.ts';
import {
  type Actor,
  checkAccountAction,
  checkPassword,
  managingRoles,
} from '../../../domain/access/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { type AuditContext, recordAudit } from '../../audit/audit.ts';
import type { Db } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { requirePermission, scopeOf } from '../../http/access.ts';
import { conflict, enforce, notFound, staleVersion } from '../../http/errors.ts';
import { hashPassword } from '../../security/passwords.ts';
import { getOrgRef } from '../orgs/org-refs.ts';
import { type GrantRequest, type PlannedGrant, planGrants, saveGrants } from './roles.service.ts';
import { accountActionRefused, loadManageable } from './users.access.ts';
import {
  assignmentsOf,
  findUser,
  findUserInScope,
  insertUser,
  listUsers as queryUsers,
  updateUserAtVersion,
  usernameExists,
} from './users.repo.ts';
import { auditedUser, userView, type Viewer } from './users.views.ts';

export type UserListInput = {
  page: number;
  pageSize: number;
  q?: string | undefined;
  orgId?: number | undefined;
  role?: Role | undefined;
  status?: AccountStatus | undefined;
};

/** Accounts whose home org lies in the actor's `user.read` scope, filtered and paginated. */
export async function listUsers(deps: Deps, actor: Actor, input: UserListInput) {
  const today = deps.clock.today();
  const now = deps.clock.now();
  requirePermission(actor, 'user.read', today);
  const scope = scopeOf(actor, 'user.read', today);
  const within = input.orgId ? { roots: [(await getOrgRef(deps.db, scope, input.orgId)).path] } : undefined;
  const { rows, total } = await queryUsers(
    deps.db,
    { scope, within, q: input.q || undefined, role: input.role, status: input.status, now, today },
    { limit: input.pageSize, offset: (input.page - 1) * input.pageSize },
  );
  const assignments = await assignmentsOf(
    deps.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => userView(r, assignments, { actor, now, today })), total };
}

export async function getUser(deps: Deps, actor: Actor, id: number): Promise<UserView> {
  const today = deps.clock.today();
  requirePermission(actor, 'user.read', today);
  const user = await findUserInScope(deps.db, scopeOf(actor, 'user.read', today), id);
  if (!user) throw notFound('用户');
  return userView(user, await assignmentsOf(deps.db, [id]), { actor, now: deps.clock.now(), today });
}

/** The account as it is now, in the transaction that changed it, as the actor sees it. */
export async function viewOf(tx: Db, id: number, viewer: Viewer): Promise<UserView> {
  const user = await findUser(tx, id);
  if (!user) throw notFound('用户');
  return userView(user, await assignmentsOf(tx, [id]), viewer);
}

/**
 * The role in which the actor creates an account with these grants: 三员分立 by the kind of account the grants
 * make (an administrator account is created by the security administrator alone, a business one by the system
 * administrator or an org_admin), among the actor's roles that may manage accounts at the home org and at every
 * org of the grants.
 */
function creatorRole(actor: Actor, homePath: string, grants: readonly PlannedGrant[], today: IsoDate): Role {
  const places = grants.map((g) => ({ orgPath: g.org.path }));
  const actingRoles = managingRoles(actor, homePath, places, today, 'user.manage');
  if (actingRoles.length === 0) throw notFound('组织');
  const decision = checkAccountAction({
    actingRoles,
    targetRoles: grants.map((g) => g.role),
    action: 'create',
  });
  if (!decision.ok) throw accountActionRefused(decision);
  return decision.actingRole as Role;
}

export type CreateUserInput = {
  username: string;
  name: string;
  orgId: number;
  initialPassword: string;
  roles: GrantRequest[];
};

/**
 * Creates an account at a home org in the actor's `user.manage` scope, with its first roles. The initial
 * password meets the policy and must be changed at first login. Account and roles land together or not at all.
 */
export async function createUser(
  deps: Deps,
  actor: Actor,
  ctx: AuditContext,
  input: CreateUserInput,
): Promise<UserView> {
  const today = deps.clock.today();
  requirePermission(actor, 'user.manage', today);
  return deps.db.transaction(async (tx) => {
    const home = await getOrgRef(tx, scopeOf(actor, 'user.manage', today), input.orgId);
    const grants = await planGrants(tx, actor, [], input.roles, today);
    const role = creatorRole(actor, home.path, grants, today);
    enforce(checkPassword(input.initialPassword, input.username));
    const usernameTaken = () => conflict('username_taken', '用户名已被使用', { field: 'username' });
    if (await usernameExists(tx, input.username)) throw usernameTaken();
    const passwordHash = await hashPassword(input.initialPassword);
    const user = await insertUser(tx, {
      username: input.username,
      name: input.name,
      orgId: home.id,
      passwordHash,
      mustChangePassword: true,
      createdAt: ctx.at,
      updatedAt: ctx.at,
    });
    if (!user) throw usernameTaken();
    await recordAudit(tx, ctx, {
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      orgId: home.id,
      role,
      after: { ...auditedUser(user), passwordHash, mustChangePassword: true },
    });
    await saveGrants(tx, ctx, actor, user, grants);
    return viewOf(tx, user.id, { actor, now: deps.clock.now(), today });
  });
}

export type UpdateUserInput = { version: number; name?: string | undefined; orgId?: number | undefined };

/** Edits name and home org of an account the actor may manage (canManageUser); the new home org too. */
export async function updateUser(
  deps: Deps,
  actor: Actor,
  ctx: AuditContext,
  id: number,
  input: UpdateUserInput,
): Promise<UserView> {
  const today = deps.clock.today();
  return deps.db.transaction(async (tx) => {
    const { user, role } = await loadManageable(tx, actor, id, 'user.manage', 'edit', today);
    if (input.version !== user.version) throw staleVersion();
    const orgId =
      input.orgId === undefined || input.orgId === user.orgId
        ? user.orgId
        : (await getOrgRef(tx, scopeOf(actor, 'user.manage', today), input.orgId)).id;
    const name = input.name ?? user.name;
    const saved = await updateUserAtVersion(tx, id, input.version, { name, orgId }, ctx.at);
    if (!saved) throw staleVersion();
    await recordAudit(tx, ctx, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      orgId,
      role,
      before: { name: user.name, orgId: user.orgId },
      after: { name, orgId },
    });
    return viewOf(tx, id, { actor, now: deps.clock.now(), today });
  });
}
