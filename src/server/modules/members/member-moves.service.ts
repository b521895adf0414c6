import type { z } from 'zod';
import type { BatchMoveBody, BatchResult, MoveMemberBody } from '../../../contracts/member-batch.ts';
import type { MemberDetail } from '../../../contracts/members.ts';
import type { Role } from '../../../domain/access/index.ts';
import { branchOfPlacement, checkGroupMove } from '../../../domain/membership/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { orgIn, requireAt, scopeFor } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { findOrgRefInScope, type OrgRef } from '../../db/org-refs.ts';
import type { Scope } from '../../db/scope.ts';
import { hasPendingTransfer } from '../../db/transfer-refs.ts';
import { notFound, ruleViolation } from '../../errors.ts';
import { loadMemberForChange } from './member-access.ts';
import { saveMemberChange } from './member-changes.ts';
import { type BatchRefusal, batchRefused, resolveSelection } from './member-selection.ts';
import { findLastEventOn, findMemberInScope, type MemberRecord } from './members.repo.ts';
import { getMember } from './members.service.ts';

/**
 * 调整党小组 (docs/membership.md §2): a member moves between the 党小组 of their branch, or from a group to the
 * branch itself, with `member.manage` over both. Not a transfer: recorded as an org change (`org_changed`, the
 * member's standing in `details.status`, as the ledger reads it), the rollup moving the counts from one org to the
 * other, audited `member.group_move` per member. One member (the member page) or a batch (the roster), all or
 * nothing, through the same decision and write.
 */
type MoveInput = { readonly effectiveOn: IsoDate; readonly reason: string | null };
type Move = { readonly m: MemberRecord; readonly role: Role };

/** The orgs members are placed in, each read once in a batch. */
function orgsOf(tx: Ctx, scope: Scope) {
  const known = new Map<number, OrgRef>();
  return async (id: number): Promise<OrgRef> => {
    const org = known.get(id) ?? (await findOrgRefInScope(tx.db, scope, id));
    if (!org) throw notFound('党员');
    known.set(id, org);
    return org;
  };
}

/** The rule's decision for one member, locked, to the target (a branch or one of its groups). */
async function decideMove(tx: Ctx, org: OrgRef, m: MemberRecord, target: OrgRef, input: MoveInput) {
  return checkGroupMove(
    {
      member: {
        status: m.status,
        org,
        admittedOn: m.admittedOn,
        lastEventOn: await findLastEventOn(tx.db, m.id),
      },
      hasPending: await hasPendingTransfer(tx.db, m.id),
      target,
      effectiveOn: input.effectiveOn,
    },
    tx.today,
  );
}

async function writeMove(tx: Ctx, { m, role }: Move, target: OrgRef, input: MoveInput): Promise<void> {
  await saveMemberChange(
    tx,
    m,
    { orgId: target.id },
    {
      kind: 'org_changed',
      effectiveOn: input.effectiveOn,
      toOrgId: target.id,
      reason: input.reason,
      details: { status: m.status, groupMove: true },
    },
  );
  await recordAudit(tx, {
    action: 'member.group_move',
    entityType: 'member',
    entityId: m.id,
    orgId: branchOfPlacement(target),
    role,
    before: { orgId: m.orgId },
    after: { orgId: target.id },
    note: { effectiveOn: input.effectiveOn },
  });
}

/** The target: a branch or group in the actor's `member.manage` scope (404 otherwise). */
async function targetIn(tx: Ctx, scope: Scope, toOrgId: number): Promise<OrgRef> {
  const target = await orgIn(tx, scope, toOrgId, '目标组织');
  requireAt(tx, 'member.manage', target.path, '目标组织');
  return target;
}

/** One member (the member page), at the version read: 404 outside the scope, 409 stale, 422 by the rule. */
export async function moveMember(
  ctx: Ctx,
  input: z.output<typeof MoveMemberBody> & { id: number },
): Promise<z.output<typeof MemberDetail>> {
  await inTransaction(ctx, async (tx) => {
    const { row: m, role, scope } = await loadMemberForChange(tx, input.id, input.version);
    const target = await targetIn(tx, scope, input.toOrgId);
    const decision = await decideMove(tx, await orgsOf(tx, scope)(m.orgId), m, target, input);
    if (!decision.ok) throw ruleViolation(decision);
    await writeMove(tx, { m, role }, target, input);
  });
  return getMember(ctx, { id: input.id });
}

/**
 * The selection (ids or the roster's filter, resolved now in the `member.manage` scope) to one branch or group:
 * every member must be movable there, else nothing moves and the answer lists who and why.
 */
export async function moveMembers(
  ctx: Ctx,
  input: z.output<typeof BatchMoveBody>,
): Promise<z.output<typeof BatchResult>> {
  const scope = scopeFor(ctx, 'member.manage');
  return inTransaction(ctx, async (tx) => {
    const target = await targetIn(tx, scope, input.toOrgId);
    const selected = await resolveSelection(tx, scope, input.selection);
    const moves: Move[] = [];
    const refusals: BatchRefusal[] = [];
    const orgOf = orgsOf(tx, scope);
    for (const s of selected) {
      const m = await findMemberInScope(tx.db, scope, s.id, true);
      if (!m) throw notFound('党员');
      const decision = await decideMove(tx, await orgOf(m.orgId), m, target, input);
      if (decision.ok) moves.push({ m, role: requireAt(tx, 'member.manage', m.orgPath, '党员') });
      else
        refusals.push({
          memberId: m.id,
          name: m.person.name,
          reason: decision.reason,
          message: decision.message,
        });
    }
    if (refusals.length > 0) throw batchRefused('调整到该组织', refusals);
    for (const move of moves) await writeMove(tx, move, target, input);
    return { count: moves.length, memberIds: moves.map((mv) => mv.m.id) };
  });
}
