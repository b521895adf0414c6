import type { z } from 'zod';
import type { ReductionList, ReductionView } from '../../../contracts/dues-charges.ts';
import {
  checkReduction,
  checkReductionApprover,
  checkReductionOverlap,
  checkReductionPending,
  monthRange,
  type ReductionKind,
  type ReductionStatus,
} from '../../../domain/dues/index.ts';
import { canAt, found, loadForChange, orgIn, scopeFor } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { enforce, forbidden } from '../../errors.ts';
import { computeMemberMonths } from './charges.service.ts';
import {
  approvedRangesOf,
  findMemberInScope,
  findReductionInScope,
  insertReduction,
  listReductions,
  lockMemberReductions,
  type ReductionRow,
  setReductionStatus,
} from './reductions.repo.ts';

const parentOf = (path: string) => path.split('.').slice(0, -1).join('.');

/** dues.approve over the branch's parent: the 党委 one level up approves (docs/dues.md §6; like org_life.exempt). */
function mayDecide(ctx: Ctx, branchPath: string): boolean {
  const parent = parentOf(branchPath);
  return parent !== '' && canAt(ctx, 'dues.approve', parent);
}

function viewOf(ctx: Ctx, r: ReductionRow): z.infer<typeof ReductionView> {
  const pending = r.status === 'pending';
  return {
    id: r.id,
    member: { id: r.memberId, name: r.memberName },
    org: { id: r.orgId, name: r.orgName },
    kind: r.kind,
    fromMonth: r.fromMonth,
    toMonth: r.toMonth,
    monthlyAmount: r.monthlyAmount,
    reason: r.reason,
    branchDecidedOn: r.branchDecidedOn,
    status: r.status,
    decidedBy: r.decidedById === null ? null : { id: r.decidedById, name: r.decidedByName ?? '' },
    decidedOn: r.decidedOn,
    decisionNote: r.decisionNote,
    createdAt: r.createdAt,
    canDecide: pending && mayDecide(ctx, r.orgPath),
    canWithdraw: pending && canAt(ctx, 'dues.manage', r.orgPath),
  };
}

const audited = (r: ReductionRow) => ({
  memberId: r.memberId,
  kind: r.kind,
  fromMonth: r.fromMonth,
  toMonth: r.toMonth,
  monthlyAmount: r.monthlyAmount,
  reason: r.reason,
  branchDecidedOn: r.branchDecidedOn,
  status: r.status,
});

/** `GET /api/dues/reductions?orgId=&status=` (dues.read): the reductions recorded by the branches of the subtree. */
export async function reductionsOf(
  ctx: Ctx,
  input: { orgId: number; status?: ReductionStatus | undefined },
): Promise<z.infer<typeof ReductionList>> {
  const org = await orgIn(ctx, scopeFor(ctx, 'dues.read'), input.orgId);
  const rows = await listReductions(ctx.db, org.path, input.status);
  return { items: rows.map((r) => viewOf(ctx, r)) };
}

/**
 * `POST /api/dues/reductions` (dues.manage over the member's branch): the branch records a 少交 or 免交 it discussed,
 * pending the approval of the level above (docs/dues.md §6; 第七条). Audited.
 */
export async function createReduction(
  ctx: Ctx,
  input: {
    memberId: number;
    kind: ReductionKind;
    fromMonth: string;
    toMonth: string;
    monthlyAmount?: number | null | undefined;
    reason: string;
    branchDecidedOn: string;
  },
): Promise<z.infer<typeof ReductionView>> {
  return inTransaction(ctx, async (tx) => {
    const { row: member, role } = await loadForChange(tx, {
      permission: 'dues.manage',
      load: (scope) => findMemberInScope(tx.db, scope, input.memberId),
      at: (m) => m.branchPath,
      what: '党员',
    });
    const draft = {
      kind: input.kind,
      fromMonth: input.fromMonth,
      toMonth: input.toMonth,
      monthlyAmount: input.monthlyAmount ?? null,
      reason: input.reason,
      branchDecidedOn: input.branchDecidedOn,
    };
    const months =
      input.fromMonth <= input.toMonth ? monthRange(input.fromMonth, input.toMonth).slice(0, 13) : [];
    const full =
      input.kind === 'reduce' && months.length > 0
        ? (await computeMemberMonths(tx.db, member.id, months)).charges.map((c) => c.fullAmount)
        : [];
    enforce(checkReduction(draft, tx.today, full));
    await lockMemberReductions(tx.db, member.id);
    enforce(checkReductionOverlap(draft, await approvedRangesOf(tx.db, member.id, null)));
    const id = await insertReduction(tx.db, {
      memberId: member.id,
      orgId: member.branchId,
      kind: draft.kind,
      fromMonth: draft.fromMonth,
      toMonth: draft.toMonth,
      monthlyAmount: draft.monthlyAmount,
      reason: draft.reason.trim(),
      branchDecidedOn: draft.branchDecidedOn,
      createdBy: tx.principal.user.id,
    });
    const row = found(await findReductionInScope(tx.db, { roots: [member.branchPath] }, id));
    await recordAudit(tx, {
      action: 'dues_reduction.create',
      entityType: 'dues_reduction',
      entityId: id,
      orgId: member.branchId,
      role,
      after: audited(row),
    });
    return viewOf(tx, row);
  });
}

/**
 * `POST /api/dues/reductions/:id/approve|reject` (dues.approve over the branch's parent; the branch's own secretary
 * is refused): the level above decides a pending reduction. An approval is refused when its months overlap another
 * approved one. Audited; the charges of its months follow by trigger.
 */
export async function decideReduction(
  ctx: Ctx,
  input: { id: number; decision: 'approved' | 'rejected'; note?: string | undefined },
): Promise<z.infer<typeof ReductionView>> {
  return inTransaction(ctx, async (tx) => {
    const { row, role } = await loadForChange(tx, {
      permission: 'dues.approve',
      load: (scope) => findReductionInScope(tx.db, scope, input.id, true),
      at: (r) => r.orgPath,
      what: '减免记录',
    });
    const level = checkReductionApprover(mayDecide(tx, row.orgPath));
    if (!level.ok) throw forbidden(level.reason, level.message);
    enforce(checkReductionPending(row.status));
    if (input.decision === 'approved') {
      await lockMemberReductions(tx.db, row.memberId);
      enforce(checkReductionOverlap(row, await approvedRangesOf(tx.db, row.memberId, row.id)));
    }
    await setReductionStatus(tx.db, row.id, {
      status: input.decision,
      decidedBy: tx.principal.user.id,
      decidedOn: tx.today,
      note: input.note?.trim() || null,
    });
    const after = found(await findReductionInScope(tx.db, { roots: [row.orgPath] }, row.id));
    await recordAudit(tx, {
      action: input.decision === 'approved' ? 'dues_reduction.approve' : 'dues_reduction.reject',
      entityType: 'dues_reduction',
      entityId: row.id,
      orgId: row.orgId,
      role,
      before: { status: row.status },
      after: { status: after.status, decidedOn: after.decidedOn, note: after.decisionNote },
    });
    return viewOf(tx, after);
  });
}

/** `POST /api/dues/reductions/:id/withdraw` (dues.manage over the branch): the branch withdraws a pending one. */
export async function withdrawReduction(
  ctx: Ctx,
  input: { id: number },
): Promise<z.infer<typeof ReductionView>> {
  return inTransaction(ctx, async (tx) => {
    const { row, role } = await loadForChange(tx, {
      permission: 'dues.manage',
      load: (scope) => findReductionInScope(tx.db, scope, input.id, true),
      at: (r) => r.orgPath,
      what: '减免记录',
    });
    enforce(checkReductionPending(row.status));
    await setReductionStatus(tx.db, row.id, {
      status: 'withdrawn',
      decidedBy: null,
      decidedOn: null,
      note: null,
    });
    const after = found(await findReductionInScope(tx.db, { roots: [row.orgPath] }, row.id));
    await recordAudit(tx, {
      action: 'dues_reduction.withdraw',
      entityType: 'dues_reduction',
      entityId: row.id,
      orgId: row.orgId,
      role,
      before: { status: row.status },
      after: { status: after.status },
    });
    return viewOf(tx, after);
  });
}
