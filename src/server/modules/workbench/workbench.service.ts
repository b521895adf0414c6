import type { SecurityWorkbenchView, WorkbenchView } from '../../../contracts/workbench.ts';
import { securityNotices } from '../../../domain/access/index.ts';
import { FINDING_KINDS, ORG_KINDS } from '../../../domain/org/index.ts';
import { requirePermission, scopeFor, scopeOf } from '../../access/index.ts';
import type { Ctx } from '../../context.ts';
import { collectFindings, findingItems, type LocatedFinding } from '../orgs/findings.service.ts';
import { scopeRootSummaries } from '../orgs/orgs.service.ts';
import { getSecurityPolicy, getTermPolicy } from '../settings/settings.service.ts';
import {
  countAdminsWithoutSecondFactor,
  countLockedAccounts,
  countOrgsByKind,
  countUsersInScope,
} from './workbench.repo.ts';

/** How many of the most urgent findings the workbench lists as to-dos. */
export const TODO_LIMIT = 10;

function countFindings(found: readonly LocatedFinding[]): WorkbenchView['findingCounts'] {
  const counts = Object.fromEntries(
    FINDING_KINDS.map((k) => [k, { warning: 0, critical: 0 }]),
  ) as WorkbenchView['findingCounts'];
  for (const { finding } of found) {
    if (finding.severity !== 'info') counts[finding.kind][finding.severity] += 1;
  }
  return counts;
}

/**
 * 工作台: what needs the user's action first (the most urgent findings, derived today, never stored),
 * then the key figures of the `workbench.read` scope.
 */
export async function viewWorkbench(ctx: Ctx): Promise<WorkbenchView> {
  const { db } = ctx;
  const scope = scopeFor(ctx, 'workbench.read');
  const roots = await scopeRootSummaries(db, scope);
  const orgCounts = Object.fromEntries(ORG_KINDS.map((k) => [k, 0])) as WorkbenchView['orgCounts'];
  for (const { kind, n } of await countOrgsByKind(db, scope)) orgCounts[kind] = n;
  const policy = await getTermPolicy(db);
  const found = await collectFindings(db, scope, { within: null }, ctx.today, policy);
  return {
    roots: roots.map((r) => ({ id: r.id, name: r.name })),
    orgCounts,
    findingCounts: countFindings(found),
    userCount: await countUsersInScope(db, scope),
    todos: await findingItems(db, scope, found.slice(0, TODO_LIMIT)),
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
