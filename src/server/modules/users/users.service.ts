import type { UserView } from '../../../contracts/users.ts';
import type { AccountStatus, Role } from '../../../domain/access/index.ts';
import { checkAccountAction, checkPassword, managingRoles } from '../../../domain/access/index.ts';
import { expectVersion, found, orgIn, scopeFor, subtreeIn } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { conflict, enforce, notFound } from '../../errors.ts';
import { hashPassword } from '../../security/passwords.ts';
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
/** Accounts whose home org lies in the actor's `user.read` scope, filtered and paginated. */
export async function listUsers(ctx: Ctx, input: UserListInput) {
  const { at: now, today } = ctx;
  const scope = scopeFor(ctx, 'user.read');
  const within = (await subtreeIn(ctx, scope, input.orgId || undefined)) ?? undefined;
  const { rows, total } = await queryUsers(
    ctx.db,
    { scope, within, q: input.q || undefined, role: input.role, status: input.status, now, today },
    { limit: input.pageSize, offset: (input.page - 1) * input.pageSize },
  );
  const assignments = await assignmentsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => userView(r, assignments, ctx)), total };
}

export async function getUser(ctx: Ctx, input: { id: number }): Promise<UserView> {
  const user = found(await findUserInScope(ctx.db, scopeFor(ctx, 'user.read'), input.id), '用户');
  return userView(user, await assignmentsOf(ctx.db, [input.id]), ctx);
}

/** The account as it is now, in the transaction that changed it (`tx.db`), as the actor sees it. */
export async function viewOf(tx: Viewer & { readonly db: Db }, id: number): Promise<UserView> {
  const user = found(await findUser(tx.db, id), '用户');
  return userView(user, await assignmentsOf(tx.db, [id]), tx);
}

/**
 * The role in which the actor creates an account with these grants: 三员分立 by the kind of account the grants
 * make (an administrator account is created by the security administrator alone, a business one by the system
 * administrator or an org_admin), among the actor's roles that may manage accounts at the home org and at every
 * org of the grants.
 */
function creatorRole(ctx: Ctx, homePath: string, grants: readonly PlannedGrant[]): Role {
  const places = grants.map((g) => ({ orgPath: g.org.path }));
  const actingRoles = managingRoles(ctx.actor, homePath, places, ctx.today, 'user.manage');
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
export async function createUser(ctx: Ctx, input: CreateUserInput): Promise<UserView> {
  const scope = scopeFor(ctx, 'user.manage');
  return inTransaction(ctx, async (tx) => {
    const home = await orgIn(tx, scope, input.orgId);
    const grants = await planGrants(tx, [], input.roles);
    const role = creatorRole(tx, home.path, grants);
    enforce(checkPassword(input.initialPassword, input.username));
    const usernameTaken = () => conflict('username_taken', '用户名已被使用', { field: 'username' });
    if (await usernameExists(tx.db, input.username)) throw usernameTaken();
    const passwordHash = await hashPassword(input.initialPassword);
    const user = await insertUser(tx.db, {
      username: input.username,
      name: input.name,
      orgId: home.id,
      passwordHash,
      mustChangePassword: true,
      createdAt: tx.at,
      updatedAt: tx.at,
    });
    if (!user) throw usernameTaken();
    await recordAudit(tx, {
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      orgId: home.id,
      role,
      after: { ...auditedUser(user), passwordHash, mustChangePassword: true },
    });
    await saveGrants(tx, user, grants);
    return viewOf(tx, user.id);
  });
}

export type UpdateUserInput = { version: number; name?: string | undefined; orgId?: number | undefined };

/** Edits name and home org of an account the actor may manage (canManageUser); the new home org too. */
export async function updateUser(ctx: Ctx, input: UpdateUserInput & { id: number }): Promise<UserView> {
  const { id } = input;
  return inTransaction(ctx, async (tx) => {
    const { user, role } = await loadManageable(tx, id, 'user.manage', 'edit');
    expectVersion(user, input.version);
    const orgId =
      input.orgId === undefined || input.orgId === user.orgId
        ? user.orgId
        : (await orgIn(tx, scopeFor(tx, 'user.manage'), input.orgId)).id;
    const name = input.name ?? user.name;
    await updateUserAtVersion(tx.db, id, input.version, { name, orgId }, tx.at);
    await recordAudit(tx, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      orgId,
      role,
      before: { name: user.name, orgId: user.orgId },
      after: { name, orgId },
    });
    return viewOf(tx, id);
  });
}
