import type { z } from 'zod';
import type { AuditAction } from '../../../contracts/audit.ts';
import type {
  CancelTransferBody,
  ReceiveTransferBody,
  RejectTransferBody,
  TransferView,
} from '../../../contracts/transfers.ts';
import type { Role } from '../../../domain/access/index.ts';
import { checkReceive, checkTransferAction, type TransferAction } from '../../../domain/membership/index.ts';
import { canAt, expectVersion, found, requireAt, scopeFor } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { type ErrorReason, forbidden, notFound, ruleViolation } from '../../errors.ts';
import { lockMemberOfTransfer, saveMemberChange } from '../members/index.ts';
import { auditedTransfer, transferView } from './transfer-views.ts';
import {
  findReceivingOrg,
  findTransferInScope,
  type TransferRecord,
  type TransferRow,
  updateTransferAtVersion,
} from './transfers.repo.ts';

type Side = 'receiving' | 'sending';

const SIDE_OF: Record<TransferAction, Side> = {
  receive: 'receiving',
  reject: 'receiving',
  cancel: 'sending',
};
const SIDE_REFUSALS: Record<Side, { reason: ErrorReason; message: string }> = {
  receiving: { reason: 'transfer_not_receiving_side', message: '只有接收方党组织可以接收或退回组织关系' },
  sending: { reason: 'transfer_not_sending_side', message: '只有转出方党组织可以撤销组织关系转接' },
};

type Step = {
  /** The context of the decision, its `db` the transaction. */
  readonly tx: Ctx;
  readonly t: TransferRecord;
  readonly role: Role;
};

/**
 * Loads a transfer either side may see (404 otherwise), checks that the actor manages members on the side
 * the action belongs to (403 for the other side, which may see it), the version (409) and the state (422).
 */
async function decide(
  ctx: Ctx,
  action: TransferAction,
  input: { id: number; version: number },
  step: (s: Step) => Promise<void>,
): Promise<TransferView> {
  const scope = scopeFor(ctx, 'member.read');
  return inTransaction(ctx, async (tx) => {
    const t = found(await findTransferInScope(tx.db, scope, input.id, true), '组织关系转接');
    const side = SIDE_OF[action];
    const path = side === 'receiving' ? t.toOrgPath : t.fromOrgPath;
    if (path === null || !canAt(tx, 'member.manage', path))
      throw forbidden(SIDE_REFUSALS[side].reason, SIDE_REFUSALS[side].message);
    const role = requireAt(tx, 'member.manage', path);
    expectVersion(t, input.version);
    const state = checkTransferAction(t.status, action);
    if (!state.ok) throw ruleViolation(state);
    await step({ tx, t, role });
    return transferView(tx, (await findTransferInScope(tx.db, scope, input.id)) as TransferRecord);
  });
}

async function close(
  s: Step,
  action: AuditAction,
  patch: Partial<Pick<TransferRow, 'status' | 'decidedOn' | 'rejectionReason'>>,
) {
  const { t, tx } = s;
  await updateTransferAtVersion(tx.db, t.id, t.version, { ...patch, decidedBy: tx.audit.actorId }, tx.at);
  await recordAudit(tx, {
    action,
    entityType: 'transfer',
    entityId: s.t.id,
    orgId: patch.status === 'cancelled' ? s.t.fromOrgId : s.t.toOrgId,
    role: s.role,
    before: auditedTransfer({ status: t.status }),
    after: auditedTransfer(patch),
    note: { memberId: t.memberId, fromOrgId: t.fromOrgId, toOrgId: t.toOrgId, letterNo: t.letterNo },
  });
}

/**
 * The receiving org accepts (条例第二十五条): the member moves to it, with an `org_changed` event (org left →
 * org joined) that both sides' ledgers read, and the rollup moves the counts from one org to the other.
 */
export async function receiveTransfer(
  ctx: Ctx,
  input: z.output<typeof ReceiveTransferBody> & { id: number },
): Promise<TransferView> {
  return decide(ctx, 'receive', input, async (s) => {
    const locked = await lockMemberOfTransfer(s.tx.db, s.t.memberId);
    const target = await findReceivingOrg(s.tx.db, s.t.toOrgId as number);
    if (!locked || !target) throw notFound('组织关系转接');
    const { member: m, lastEventOn } = locked;
    const facts = { transfer: s.t, targetOrg: target, receivedOn: input.receivedOn };
    const decision = checkReceive({ ...facts, member: { ...m, lastEventOn } }, s.tx.today);
    if (!decision.ok) throw ruleViolation(decision);
    await saveMemberChange(
      s.tx,
      m,
      { orgId: target.id },
      {
        kind: 'org_changed',
        effectiveOn: input.receivedOn,
        toOrgId: target.id,
        details: { status: m.status, transferId: s.t.id, letterNo: s.t.letterNo },
      },
    );
    await close(s, 'transfer.receive', { status: 'received', decidedOn: input.receivedOn });
  });
}

/** The receiving org returns the letter, with its reason; the member stays where they were. */
export async function rejectTransfer(
  ctx: Ctx,
  input: z.output<typeof RejectTransferBody> & { id: number },
): Promise<TransferView> {
  return decide(ctx, 'reject', input, (s) =>
    close(s, 'transfer.reject', {
      status: 'rejected',
      decidedOn: s.tx.today,
      rejectionReason: input.reason,
    }),
  );
}

/** The sending org withdraws a transfer that has not been received. */
export async function cancelTransfer(
  ctx: Ctx,
  input: z.output<typeof CancelTransferBody> & { id: number },
): Promise<TransferView> {
  return decide(ctx, 'cancel', input, (s) =>
    close(s, 'transfer.cancel', { status: 'cancelled', decidedOn: s.tx.today }),
  );
}
