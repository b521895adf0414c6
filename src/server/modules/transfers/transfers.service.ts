import type { z } from 'zod';
import type {
  CreateTransferBody,
  ReceivingOrgQuery,
  TransferListQuery,
  TransferView,
} from '../../../contracts/transfers.ts';
import type { Actor } from '../../../domain/access/index.ts';
import { checkNewTransfer, type TransferTarget } from '../../../domain/membership/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { type AuditContext, recordAudit } from '../../audit/audit.ts';
import type { Db } from '../../db/client.ts';
import type { Scope } from '../../db/scope.ts';
import type { Deps } from '../../deps.ts';
import { requireAt, requirePermission, scopeOf } from '../../http/access.ts';
import { notFound, ruleViolation } from '../../http/errors.ts';
import { lockMemberInScope, type MemberRecord, saveMemberChange } from '../members/member-changes.ts';
import { getOrgRef } from '../orgs/org-refs.ts';
import { getTransferPolicy } from '../settings/settings.service.ts';
import { auditedTransfer, transferView } from './transfer-views.ts';
import {
  findReceivingOrg,
  findTransferInScope,
  hasPendingTransferOf,
  insertTransfer,
  listTransfers,
  searchReceivingOrgs,
  type TransferRecord,
} from './transfers.repo.ts';

type CreateInput = z.output<typeof CreateTransferBody>;

/** Transfers are read with `member.read`: the sending side's scope or the receiving side's. */
export function transferReadScope(actor: Actor, today: IsoDate): Scope {
  requirePermission(actor, 'member.read', today);
  return scopeOf(actor, 'member.read', today);
}

export async function getTransfer(deps: Deps, actor: Actor, id: number): Promise<TransferView> {
  const today = deps.clock.today();
  const t = await findTransferInScope(deps.db, transferReadScope(actor, today), id);
  if (!t) throw notFound('组织关系转接');
  return transferView(actor, t, today);
}

export async function listTransferViews(deps: Deps, actor: Actor, query: z.output<typeof TransferListQuery>) {
  const today = deps.clock.today();
  const scope = transferReadScope(actor, today);
  const within =
    query.orgId === undefined ? null : { roots: [(await getOrgRef(deps.db, scope, query.orgId)).path] };
  const { rows, total } = await listTransfers(deps.db, {
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
  return { items: rows.map((t) => transferView(actor, t, today)), total };
}

/** Receiving orgs anywhere in the deployment, for whoever may issue a letter (member.manage). */
/** 介绍信有效期 as configured (CFG), for the form that issues a letter. */
export async function transferPolicyFor(deps: Deps, actor: Actor) {
  requirePermission(actor, 'member.manage', deps.clock.today());
  return getTransferPolicy(deps.db);
}

export async function findReceivingOrgs(deps: Deps, actor: Actor, query: z.output<typeof ReceivingOrgQuery>) {
  requirePermission(actor, 'member.manage', deps.clock.today());
  const rows = await searchReceivingOrgs(deps.db, query.q, query.limit);
  return rows.map((r) => ({ ...r, kind: r.kind as 'branch' | 'group' }));
}

async function targetOf(tx: Db, input: CreateInput): Promise<TransferTarget> {
  if (input.toOrgId === undefined) return { kind: 'external', name: input.externalOrgName as string };
  const org = await findReceivingOrg(tx, input.toOrgId);
  if (!org) throw notFound('接收党组织');
  return { kind: 'internal', orgId: org.id, org };
}

/** Out of the deployment: the member leaves at once with status `transferred_out` and the letter's reference. */
async function completeOut(
  tx: Db,
  deps: Deps,
  ctx: AuditContext,
  m: MemberRecord,
  input: CreateInput,
  id: number,
) {
  await saveMemberChange(
    tx,
    deps,
    ctx,
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

type Issued = { readonly m: MemberRecord; readonly target: TransferTarget; readonly decision: NewTransferOk };
type NewTransferOk = { readonly validUntil: string; readonly status: 'pending' | 'completed_out' };

/** The rules' decision on a new transfer of this member (条例第二十五条), or their refusal (422). */
async function decideNew(
  tx: Db,
  m: MemberRecord,
  lastEventOn: string | null,
  input: CreateInput,
  today: IsoDate,
) {
  const target = await targetOf(tx, input);
  const decision = checkNewTransfer(
    {
      member: { status: m.status, orgId: m.orgId, admittedOn: m.admittedOn, lastEventOn },
      hasPending: await hasPendingTransferOf(tx, m.id),
      target,
      issuedOn: input.issuedOn,
      validUntil: input.validUntil,
    },
    await getTransferPolicy(tx),
    today,
  );
  if (!decision.ok) throw ruleViolation(decision);
  return { m, target, decision };
}

async function insertIssued(tx: Db, ctx: AuditContext, { m, target, decision }: Issued, input: CreateInput) {
  const out = decision.status === 'completed_out';
  return insertTransfer(tx, {
    memberId: m.id,
    fromOrgId: m.orgId,
    toOrgId: target.kind === 'internal' ? target.orgId : null,
    externalOrgName: target.kind === 'external' ? target.name : null,
    status: decision.status,
    letterNo: input.letterNo,
    issuedOn: input.issuedOn,
    validUntil: decision.validUntil,
    reason: input.reason,
    createdBy: ctx.actorId,
    ...(out ? { decidedOn: input.issuedOn, decidedBy: ctx.actorId } : {}),
  });
}

/**
 * The sending org (member.manage over the member) issues a transfer: decided by the rules, then stored as
 * pending for the receiving org, or completed at once when it leaves the deployment. Audited.
 */
export async function createTransfer(
  deps: Deps,
  actor: Actor,
  ctx: AuditContext,
  input: CreateInput,
): Promise<TransferView> {
  const today = deps.clock.today();
  requirePermission(actor, 'member.manage', today);
  const scope = scopeOf(actor, 'member.manage', today);
  return deps.db.transaction(async (tx) => {
    const found = await lockMemberInScope(tx, scope, input.memberId);
    if (!found) throw notFound('党员');
    const role = requireAt(actor, 'member.manage', found.member.orgPath, today);
    const issued = await decideNew(tx, found.member, found.lastEventOn, input, today);
    const id = await insertIssued(tx, ctx, issued, input);
    const out = issued.decision.status === 'completed_out';
    if (out) await completeOut(tx, deps, ctx, found.member, input, id);
    const t = (await findTransferInScope(tx, scope, id)) as TransferRecord;
    await recordAudit(tx, ctx, {
      action: out ? 'transfer.complete_out' : 'transfer.create',
      entityType: 'transfer',
      entityId: id,
      orgId: t.fromOrgId,
      role,
      after: auditedTransfer(t),
    });
    return transferView(actor, t, today);
  });
}
