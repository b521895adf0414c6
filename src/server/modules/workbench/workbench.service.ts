import type { SecurityWorkbenchView, WorkbenchView } from '../../../contracts/workbench.ts';
import type { Actor } from '../../../domain/access/index.ts';
import { securityNotices } from '../../../domain/access/index.ts';
import { FINDING_KINDS, ORG_KINDS } from '../../../domain/org/index.ts';
import type { Deps } from '../../deps.ts';
import { requirePermission, scopeOf } from '../../http/access.ts';
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
export async function viewWorkbench(deps: Deps, actor: Actor): Promise<WorkbenchView> {
  const today = deps.clock.today();
  requirePermission(actor, 'workbench.read', today);
  const scope = scopeOf(actor, 'workbench.read', today);
  const roots = await scopeRootSummaries(deps.db, scope);
  const orgCounts = Object.fromEntries(ORG_KINDS.map((k) => [k, 0])) as WorkbenchView['orgCounts'];
  for (const { kind, n } of await countOrgsByKind(deps.db, scope)) orgCounts[kind] = n;
  const policy = await getTermPolicy(deps.db);
  const found = await collectFindings(deps.db, scope, { within: null }, today, policy);
  return {
    roots: roots.map((r) => ({ id: r.id, name: r.name })),
    orgCounts,
    findingCounts: countFindings(found),
    userCount: await countUsersInScope(deps.db, scope),
    todos: await findingItems(deps.db, scope, found.slice(0, TODO_LIMIT)),
  };
}

/**
 * 安全管理员的工作台: warnings about the security settings (the org_admin's second factor switched off) and the
 * accounts of the user.read scope that need the security administrator: administrators without a second factor,
 * locked accounts.
 */
export async function viewSecurityWorkbench(deps: Deps, actor: Actor): Promise<SecurityWorkbenchView> {
  const today = deps.clock.today();
  requirePermission(actor, 'settings.security', today);
  const scope = scopeOf(actor, 'user.read', today);
  const policy = await getSecurityPolicy(deps.db);
  const adminsWithoutSecondFactor = await countAdminsWithoutSecondFactor(deps.db, scope, today);
  return {
    notices: securityNotices(policy, { adminsWithoutSecondFactor }),
    adminsWithoutSecondFactor,
    lockedAccounts: await countLockedAccounts(deps.db, scope, deps.clock.now()),
  };
}
