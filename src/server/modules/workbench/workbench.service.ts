import type { SecurityWorkbenchView, WorkbenchView } from '../../../contracts/workbench.ts';
import { securityNotices } from '../../../domain/access/index.ts';
import { ORG_KINDS, partyOrgTotal } from '../../../domain/org/index.ts';
import { requirePermission, scopeFor, scopeOf } from '../../access/index.ts';
import type { Ctx } from '../../context.ts';
import { readFindingCounts, readFindingItems } from '../../todos/index.ts';
import { scopeRootSummaries } from '../orgs/index.ts';
import { getSecurityPolicy } from '../settings/index.ts';
import {
  countAdminsWithoutSecondFactor,
  countLockedAccounts,
  countOrgsByKind,
  countUsersInScope,
} from './workbench.repo.ts';

/** How many of the most urgent findings the workbench lists as to-dos. */
export const TODO_LIMIT = 10;

/**
 * 工作台: what needs the user's action first (the most urgent findings of every module's to-do producers, as the
 * registry keeps them for today: src/server/todos), then the key figures of the `workbench.read` scope.
 */
export async function viewWorkbench(ctx: Ctx): Promise<WorkbenchView> {
  const { db } = ctx;
  const scope = scopeFor(ctx, 'workbench.read');
  const roots = await scopeRootSummaries(db, scope);
  const orgCounts = Object.fromEntries(ORG_KINDS.map((k) => [k, 0])) as WorkbenchView['orgCounts'];
  for (const { kind, n } of await countOrgsByKind(db, scope)) orgCounts[kind] = n;
  return {
    roots: roots.map((r) => ({ id: r.id, name: r.name })),
    orgCounts,
    orgTotal: partyOrgTotal(orgCounts),
    findingCounts: await readFindingCounts(ctx, scope),
    userCount: await countUsersInScope(db, scope),
    todos: await readFindingItems(ctx, scope, { within: null }, { limit: TODO_LIMIT, offset: 0 }),
  };
}

/**
 * 安全管理员的工作台: warnings about the security settings (the org_admin's second factor switched off) and the
 * accounts of the user.read scope that need the security administrator: administrators without a second factor,
 * locked accounts.
 */
export async function viewSecurityWorkbench(ctx: Ctx): Promise<SecurityWorkbenchView> {
  requirePermission(ctx, 'settings.security');
  // The accounts counted are those the security administrator may read (user.read), held or not.
  const scope = scopeOf(ctx, 'user.read');
  const policy = await getSecurityPolicy(ctx.db);
  const adminsWithoutSecondFactor = await countAdminsWithoutSecondFactor(ctx.db, scope, ctx.today);
  return {
    notices: securityNotices(policy, { adminsWithoutSecondFactor }),
    adminsWithoutSecondFactor,
    lockedAccounts: await countLockedAccounts(ctx.db, scope, ctx.at),
  };
}
