import type { z } from 'zod';
import type { DissolveOrgBody, MoveOrgBody } from '../../../contracts/orgs.ts';
import type { Actor } from '../../../domain/access/index.ts';
import { checkDissolve, checkMove } from '../../../domain/org/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { type AuditContext, recordAudit } from '../../audit/audit.ts';
import type { Db } from '../../db/client.ts';
import { transactionWithRetry } from '../../db/retry.ts';
import type { Deps } from '../../deps.ts';
import { requireAt } from '../../http/access.ts';
import { enforce, notFound, staleVersion } from '../../http/errors.ts';
import { endPostsHeldOn } from './leadership.repo.ts';
import { auditedOrg, manageScope } from './org-edits.service.ts';
import { recordOrgChange } from './org-history.ts';
import {
  countActiveChildren,
  findOrgInScope,
  findOrgNames,
  lockOrgsInScope,
  type OrgRow,
  rewriteSubtreePaths,
  updateOrgVersioned,
} from './orgs.repo.ts';
import { orgDetail } from './orgs.service.ts';

type MoveInput = z.output<typeof MoveOrgBody>;
type DissolveInput = z.output<typeof DissolveOrgBody>;

/** The reason recorded on the posts that end because their org is dissolved. */
export const DISSOLUTION_LEFT_REASON = '组织撤销';

/**
 * Moves an org and its whole subtree under a new parent (调整隶属关系): both must lie in the actor's
 * `org.manage` scope; the paths of the subtree are rewritten in one statement in this transaction.
 */
export async function moveOrg(deps: Deps, actor: Actor, ctx: AuditContext, id: number, input: MoveInput) {
  const today = deps.clock.today();
  const scope = manageScope(actor, today);
  // Moves of overlapping subtrees can deadlock; the victim runs again (db/retry.ts).
  return transactionWithRetry(deps.db, async (tx) => {
    const locked = await lockOrgsInScope(tx, scope, [id, input.parentId]);
    const org = locked.find((o) => o.id === id);
    if (!org) throw notFound('组织');
    const parent = locked.find((o) => o.id === input.parentId);
    if (!parent) throw notFound('上级组织');
    const role = requireAt(actor, 'org.manage', org.path, today, '组织');
    requireAt(actor, 'org.manage', parent.path, today, '上级组织');
    if (org.version !== input.version) throw staleVersion();
    enforce(checkMove(org, parent));
    const updated = await updateOrgVersioned(tx, id, input.version, {
      parentId: parent.id,
      updatedAt: ctx.at,
    });
    if (!updated) throw staleVersion();
    const subtreeSize = await rewriteSubtreePaths(tx, org.path, parent.path);
    const moved = (await findOrgInScope(tx, scope, id)) as OrgRow;
    // Names as they were on the day, so that the history reads without lookups (and outside the reader's scope).
    const names = await findOrgNames(tx, org.parentId === null ? [] : [org.parentId]);
    const from = { parentId: org.parentId, parentName: names.get(org.parentId ?? 0) ?? null, path: org.path };
    const to = { parentId: parent.id, parentName: parent.name, path: moved.path };
    await recordOrgChange(tx, ctx, {
      orgId: id,
      event: 'moved',
      effectiveOn: today,
      details: { from, to, subtreeSize },
      action: 'org.move',
      role,
      before: from,
      after: to,
      note: { subtreeSize },
    });
    return orgDetail(tx, actor, moved, today);
  });
}

/** The posts still held on the day of dissolution end then (组织撤销), each with its own audit row. */
async function endPostsOfDissolvedOrg(tx: Db, ctx: AuditContext, role: string, orgId: number, on: IsoDate) {
  const ended = await endPostsHeldOn(tx, orgId, on, DISSOLUTION_LEFT_REASON);
  for (const post of ended) {
    await recordAudit(tx, ctx, {
      action: 'leadership.end',
      entityType: 'leadership_post',
      entityId: post.id,
      orgId,
      role,
      after: { leftOn: post.leftOn, leftReason: post.leftReason },
      note: { cause: 'org.dissolve' },
    });
  }
  return ended.map((p) => p.id);
}

/**
 * Dissolves an org on a date (撤销): recorded with its reason, never deleted. The posts still held then
 * end on that date with the reason 组织撤销, each with its own audit row.
 */
export async function dissolveOrg(
  deps: Deps,
  actor: Actor,
  ctx: AuditContext,
  id: number,
  input: DissolveInput,
) {
  const today = deps.clock.today();
  const scope = manageScope(actor, today);
  return deps.db.transaction(async (tx) => {
    // Locked: a child being added under it waits, and then finds it dissolved.
    const org = await findOrgInScope(tx, scope, id, true);
    if (!org) throw notFound('组织');
    const role = requireAt(actor, 'org.manage', org.path, today, '组织');
    if (org.version !== input.version) throw staleVersion();
    enforce(checkDissolve(org, await countActiveChildren(tx, id), input.dissolvedOn, today));
    const row = await updateOrgVersioned(tx, id, input.version, {
      dissolvedOn: input.dissolvedOn,
      dissolutionReason: input.reason,
      updatedAt: ctx.at,
    });
    if (!row) throw staleVersion();
    const endedPostIds = await endPostsOfDissolvedOrg(tx, ctx, role, id, input.dissolvedOn);
    await recordOrgChange(tx, ctx, {
      orgId: id,
      event: 'dissolved',
      effectiveOn: input.dissolvedOn,
      details: { reason: input.reason, endedPostIds },
      action: 'org.dissolve',
      role,
      before: auditedOrg({ dissolvedOn: org.dissolvedOn, dissolutionReason: org.dissolutionReason }),
      after: auditedOrg({ dissolvedOn: row.dissolvedOn, dissolutionReason: row.dissolutionReason }),
      note: { endedPostIds },
    });
    return orgDetail(tx, actor, row, today);
  });
}
