import type { z } from 'zod';
import type { AuditAction } from '../../../contracts/audit.ts';
import type {
  CancelTransferBody,
  ReceiveTransferBody,
  RejectTransferBody,
  TransferView,
} from '../../../contracts/transfers.ts';
import type { Role } from '../../../domain/access/index.ts';
import { type Actor, can } from '../../../domain/access/index.ts';
import { checkReceive, checkTransferAction, type TransferAction } from '../../../domain/membership/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { type AuditContext, recordAudit } from '../../audit/audit.ts';
import type { Db } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { requireAt } from '../../http/access.ts';
import { forbidden, notFound, ruleViolation, staleVersion } from '../../http/errors.ts';
import { lockMemberOfTransfer, saveMemberChange } from '../members/member-changes.ts';
import { auditedTransfer, transferView } from './transfer-views.ts';
import {
  findReceivingOrg,
  findTransferInScope,
  type TransferRecord,
  type TransferRow,
  updateTransferAtVersion,
} from './transfers.repo.ts';
import { transferReadScope } from './transfers.service.ts';

type Side = 'receiving' | 'sending';

const SIDE_OF: Record<TransferAction, Side> = {
  receive: 'receiving',
  reject: 'receiving',
  cancel: 'sending',
};
const SIDE_MESSAGES: Record<Side, string> = {
  receiving: '只有接收方党组织可以接收或退回组织关系',
  sending: '只有转出方党组织可以撤销组织关系转接',
};

type Step = {
  readonly tx: Db;
  readonly t: TransferRecord;
  readonly role: Role;
  readonly today: IsoDate;
};

/**
 * Loads a transfer either side may see (404 otherwise), checks that the actor manages members on the side
 * the action belongs to (403 for the other side, which may see it), the version (409) and the state (422).
 */
async function decide<T extends { version: number }>(
  deps: Deps,
  actor: Actor,
  id: number,
  action: TransferAction,
  input: T,
  step: (s: Step) => Promise<void>,
): Promise<TransferView> {
  const today = deps.clock.today();
  const scope = transferReadScope(actor, today);
  return deps.db.transaction(async (tx) => {
    const t = await findTransferInScope(tx, scope, id, true);
    if (!t) throw notFound('组织关系转接');
    const side = SIDE_OF[action];
    const path = side === 'receiving' ? t.toOrgPath : t.fromOrgPath;
    if (path === null || !can(actor, 'member.manage', path, today))
      throw forbidden(`transfer_not_${side}_side`, SIDE_MESSAGES[side]);
    const role = requireAt(actor, 'member.manage', path, today);
    if (input.version !== t.version) throw staleVersion();
    const state = checkTransferAction(t.status, action);
    if (!state.ok) throw ruleViolation(state);
    await step({ tx, t, role, today });
    return transferView(actor, (await findTransferInScope(tx, scope, id)) as TransferRecord, today);
  });
}

async function close(
  s: Step,
  ctx: AuditContext,
  action: AuditAction,
  patch: Partial<Pick<TransferRow, 'status' | 'decidedOn' | 'rejectionReason'>>,
) {
  const t = s.t;
  if (
    !(await updateTransferAtVersion(s.tx, s.t.id, s.t.version, { ...patch, decidedBy: ctx.actorId }, ctx.at))
  ) {
    throw staleVersion();
  }
  await recordAudit(s.tx, ctx, {
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
  deps: Deps,
  actor: Actor,
  ctx: AuditContext,
  id: number,
  input: z.output<typeof ReceiveTransferBody>,
): Promise<TransferView> {
  return decide(deps, actor, id, 'receive', input, async (s) => {
    const found = await lockMemberOfTransfer(s.tx, s.t.memberId);
    const target = await findReceivingOrg(s.tx, s.t.toOrgId as number);
    if (!found || !target) throw notFound('组织关系转接');
    const { member: m, lastEventOn } = found;
    const facts = { transfer: s.t, targetOrg: target, receivedOn: input.receivedOn };
    const decision = checkReceive({ ...facts, member: { ...m, lastEventOn } }, s.today);
    if (!decision.ok) throw ruleViolation(decision);
    await saveMemberChange(
      s.tx,
      deps,
      ctx,
      m,
      { orgId: target.id },
      {
        kind: 'org_changed',
        effectiveOn: input.receivedOn,
        toOrgId: target.id,
        details: { status: m.status, transferId: s.t.id, letterNo: s.t.letterNo },
      },
    );
    await close(s, ctx, 'transfer.receive', { status: 'received', decidedOn: input.receivedOn });
  });
}

/** The receiving org returns the letter, with its reason; the member stays where they were. */
export async function rejectTransfer(
  deps: Deps,
  actor: Actor,
  ctx: AuditContext,
  id: number,
  input: z.output<typeof RejectTransferBody>,
): Promise<TransferView> {
  return decide(deps, actor, id, 'reject', input, (s) =>
    close(s, ctx, 'transfer.reject', {
      status: 'rejected',
      decidedOn: s.today,
      rejectionReason: input.reason,
    }),
  );
}

/** The sending org withdraws a transfer that has not been received. */
export async function cancelTransfer(
  deps: Deps,
  actor: Actor,
  ctx: AuditContext,
  id: number,
  input: z.output<typeof CancelTransferBody>,
): Promise<TransferView> {
  return decide(deps, actor, id, 'cancel', input, (s) =>
    close(s, ctx, 'transfer.cancel', { status: 'cancelled', decidedOn: s.today }),
  );
}
