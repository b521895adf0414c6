import type { z } from 'zod';
import type { DissolveOrgBody, MoveOrgBody } from '../../../contracts/orgs.ts';
import { checkDissolve, checkMove } from '../../../domain/org/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { expectVersion, found, loadForChange, requireAt, scopeFor } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import type { Scope } from '../../db/scope.ts';
import { enforce } from '../../errors.ts';
import { endCurrentTermOn, endPostsHeldOn } from './leadership.repo.ts';
import { auditedOrg } from './org-edits.service.ts';
import { recordOrgChange } from './org-history.ts';
import {
  countActiveChildren,
  findOrgInScope,
  findOrgNames,
  lockOrgsInScope,
  type OrgRow,
  rewriteSubtreePaths,
  updateOrgAtVersion,
} from './orgs.repo.ts';
import { orgDetail } from './orgs.service.ts';

type MoveInput = z.output<typeof MoveOrgBody>;
type DissolveInput = z.output<typeof DissolveOrgBody>;

/** The reason recorded on the posts that end because their org is dissolved. */
export const DISSOLUTION_LEFT_REASON = '组织撤销';

/** The org to move and its new parent, both locked (in id order: no deadlock between two moves of a pair). */
async function lockMove(tx: Ctx, scope: Scope, input: MoveInput & { id: number }) {
  const locked = await lockOrgsInScope(tx.db, scope, [input.id, input.parentId]);
  const org = found(
    locked.find((o) => o.id === input.id),
    '组织',
  );
  const parent = found(
    locked.find((o) => o.id === input.parentId),
    '上级组织',
  );
  const role = requireAt(tx, 'org.manage', org.path, '组织');
  requireAt(tx, 'org.manage', parent.path, '上级组织');
  expectVersion(org, input.version);
  return { org, parent, role };
}

/**
 * Moves an org and its whole subtree under a new parent (调整隶属关系): both must lie in the actor's
 * `org.manage` scope; the paths of the subtree are rewritten in one statement in this transaction.
 */
export async function moveOrg(ctx: Ctx, input: MoveInput & { id: number }) {
  const { id } = input;
  const scope = scopeFor(ctx, 'org.manage');
  const work = async (tx: Ctx) => {
    const { org, parent, role } = await lockMove(tx, scope, input);
    enforce(checkMove(org, parent));
    await updateOrgAtVersion(tx.db, id, input.version, { parentId: parent.id, updatedAt: tx.at });
    const subtreeSize = await rewriteSubtreePaths(tx.db, org.path, parent.path);
    const moved = (await findOrgInScope(tx.db, scope, id)) as OrgRow;
    // Names as they were on the day, so that the history reads without lookups (and outside the reader's scope).
    const names = await findOrgNames(tx.db, org.parentId === null ? [] : [org.parentId]);
    const from = { parentId: org.parentId, parentName: names.get(org.parentId ?? 0) ?? null, path: org.path };
    const to = { parentId: parent.id, parentName: parent.name, path: moved.path };
    await recordOrgChange(tx, {
      orgId: id,
      event: 'moved',
      effectiveOn: tx.today,
      details: { from, to, subtreeSize },
      action: 'org.move',
      role,
      before: from,
      after: to,
      note: { subtreeSize },
    });
    return orgDetail(tx, moved);
  };
  // Moves of overlapping subtrees can deadlock; the victim runs again (db/retry.ts).
  return inTransaction(ctx, work, { retryDeadlocks: true });
}

/** The posts still held on the day of dissolution end then (组织撤销), each with its own audit row. */
async function endPostsOfDissolvedOrg(tx: Ctx, role: string, orgId: number, on: IsoDate) {
  const ended = await endPostsHeldOn(tx.db, orgId, on, DISSOLUTION_LEFT_REASON);
  await endCurrentTermOn(tx.db, orgId, on);
  for (const post of ended) {
    await recordAudit(tx, {
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
export async function dissolveOrg(ctx: Ctx, input: DissolveInput & { id: number }) {
  const { id } = input;
  return inTransaction(ctx, async (tx) => {
    // Locked: a child being added under it waits, and then finds it dissolved.
    const { row: org, role } = await loadForChange(tx, {
      permission: 'org.manage',
      load: (scope) => findOrgInScope(tx.db, scope, id, true),
      at: (o) => o.path,
      what: '组织',
      version: input.version,
    });
    enforce(checkDissolve(org, await countActiveChildren(tx.db, id), input.dissolvedOn, tx.today));
    const row = await updateOrgAtVersion(tx.db, id, input.version, {
      dissolvedOn: input.dissolvedOn,
      dissolutionReason: input.reason,
      updatedAt: tx.at,
    });
    const endedPostIds = await endPostsOfDissolvedOrg(tx, role, id, input.dissolvedOn);
    await recordOrgChange(tx, {
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
    return orgDetail(tx, row);
  });
}
