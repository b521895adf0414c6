import type { z } from 'zod';
import type {
  CreateTransferBody,
  ReceivingOrgQuery,
  TransferListQuery,
  TransferView,
} from '../../../contracts/transfers.ts';
import type { Role } from '../../../domain/access/index.ts';
import {
  checkNewTransfer,
  type MembershipReason,
  type TransferTarget,
} from '../../../domain/membership/index.ts';
import type { BranchKind } from '../../../domain/org/index.ts';
import type { Denial } from '../../../domain/shared/index.ts';
import { found, loadForChange, requirePermission, scopeFor, subtreeIn } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction, type WorkCtx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import type { Scope } from '../../db/scope.ts';
import { hasPendingTransfer } from '../../db/transfer-refs.ts';
import { ruleViolation } from '../../errors.ts';
import { lockMemberInScope, type MemberRecord, saveMemberChange } from '../members/index.ts';
import { getTransferPolicy } from '../settings/index.ts';
import { auditedTransfer, transferView } from './transfer-views.ts';
import {
  findReceivingOrg,
  findTransferInScope,
  insertTransfer,
  listTransfers,
  searchReceivingOrgs,
  type TransferRecord,
} from './transfers.repo.ts';

export type CreateInput = z.output<typeof CreateTransferBody>;

/** Transfers are read with `member.read`: the sending side's scope or the receiving side's. */
export async function getTransfer(ctx: Ctx, input: { id: number }): Promise<TransferView> {
  const t = found(await findTransferInScope(ctx.db, scopeFor(ctx, 'member.read'), input.id), '组织关系转接');
  return transferView(ctx, t);
}

export async function listTransferViews(ctx: Ctx, query: z.output<typeof TransferListQuery>) {
  const { today } = ctx;
  const scope = scopeFor(ctx, 'member.read');
  const within = await subtreeIn(ctx, scope, query.orgId);
  const { rows, total } = await listTransfers(ctx.db, {
    scope,
    within,
    direction: query.direction,
    memberId: query.memberId,
    status: query.status,
    overdue: query.overdue,
    today,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: rows.map((t) => transferView(ctx, t)), total };
}

/** 介绍信有效期 as configured (CFG), for the form that issues a letter. */
export async function transferPolicyFor(ctx: Ctx) {
  requirePermission(ctx, 'member.manage');
  return getTransferPolicy(ctx.db);
}

/** Receiving orgs anywhere in the deployment, for whoever may issue a letter (member.manage). */
export async function findReceivingOrgs(ctx: Ctx, query: z.output<typeof ReceivingOrgQuery>) {
  requirePermission(ctx, 'member.manage');
  const rows = await searchReceivingOrgs(ctx.db, query.q, query.limit);
  return rows.map((r) => ({ ...r, kind: r.kind as BranchKind | 'group' }));
}

async function targetOf(tx: Db, input: CreateInput): Promise<TransferTarget> {
  if (input.toOrgId === undefined) return { kind: 'external', name: input.externalOrgName as string };
  const org = found(await findReceivingOrg(tx, input.toOrgId), '接收党组织');
  return { kind: 'internal', orgId: org.id, org };
}

/** Out of the deployment: the member leaves at once with status `transferred_out` and the letter's reference. */
async function completeOut(tx: WorkCtx, m: MemberRecord, input: CreateInput, id: number) {
  await saveMemberChange(
    tx,
    m,
    { status: 'transferred_out', transferLetterNo: input.letterNo },
    {
      kind: 'transferred_out',
      effectiveOn: input.issuedOn,
      fromValue: m.status,
      toValue: 'transferred_out',
      reason: input.reason,
      details: { transferId: id, externalOrgName: input.externalOrgName, letterNo: input.letterNo },
    },
  );
}

export type Issued = {
  readonly m: MemberRecord;
  readonly target: TransferTarget;
  readonly decision: NewTransferOk;
};
type NewTransferOk = { readonly validUntil: string; readonly status: 'pending' | 'completed_out' };

/**
 * The rules' decision on a new transfer of this member (条例第二十五条): what to issue, or the rules' denial. The one
 * decision of a single letter and of a batch (transfer-batch.service.ts).
 */
export async function decideNew(
  tx: WorkCtx,
  m: MemberRecord,
  lastEventOn: string | null,
  input: CreateInput,
): Promise<Issued | Denial<MembershipReason>> {
  const target = await targetOf(tx.db, input);
  const decision = checkNewTransfer(
    {
      member: { status: m.status, orgId: m.orgId, admittedOn: m.admittedOn, lastEventOn },
      hasPending: await hasPendingTransfer(tx.db, m.id),
      target,
      issuedOn: input.issuedOn,
      validUntil: input.validUntil,
    },
    await getTransferPolicy(tx.db),
    tx.today,
  );
  if (!decision.ok) return decision;
  return { m, target, decision };
}

async function insertIssued(tx: WorkCtx, { m, target, decision }: Issued, input: CreateInput) {
  const out = decision.status === 'completed_out';
  const actorId = tx.audit.actorId;
  return insertTransfer(tx.db, {
    memberId: m.id,
    fromOrgId: m.orgId,
    toOrgId: target.kind === 'internal' ? target.orgId : null,
    externalOrgName: target.kind === 'external' ? target.name : null,
    status: decision.status,
    letterNo: input.letterNo,
    issuedOn: input.issuedOn,
    validUntil: decision.validUntil,
    reason: input.reason,
    createdBy: actorId,
    ...(out ? { decidedOn: input.issuedOn, decidedBy: actorId } : {}),
  });
}

/**
 * The sending org (member.manage over the member) issues a transfer: decided by the rules, then stored as
 * pending for the receiving org, or completed at once when it leaves the deployment. Audited.
 */
export async function createTransfer(ctx: Ctx, input: CreateInput): Promise<TransferView> {
  return inTransaction(ctx, async (tx) => {
    const {
      row: locked,
      role,
      scope,
    } = await loadForChange(tx, {
      permission: 'member.manage',
      load: (scope) => lockMemberInScope(tx.db, scope, input.memberId),
      at: (found) => found.member.orgPath,
      what: '党员',
    });
    const issued = await decideNew(tx, locked.member, locked.lastEventOn, input);
    if ('ok' in issued) throw ruleViolation(issued);
    return transferView(tx, await writeIssued(tx, issued, input, { role, scope }));
  });
}

/** Stores a transfer the rules allowed (completing it at once when it leaves the deployment), audited. */
export async function writeIssued(
  tx: Ctx,
  issued: Issued,
  input: CreateInput,
  by: { role: Role; scope: Scope },
): Promise<TransferRecord> {
  const id = await insertIssued(tx, issued, input);
  const out = issued.decision.status === 'completed_out';
  if (out) await completeOut(tx, issued.m, input, id);
  const t = (await findTransferInScope(tx.db, by.scope, id)) as TransferRecord;
  await recordAudit(tx, {
    action: out ? 'transfer.complete_out' : 'transfer.create',
    entityType: 'transfer',
    entityId: id,
    orgId: t.fromOrgId,
    role: by.role,
    after: auditedTransfer(t),
  });
  return t;
}
