import type { TransferView } from '../../../contracts/transfers.ts';
import { isTransferOverdue } from '../../../domain/membership/index.ts';
import { type Acting, canAt } from '../../access/index.ts';
import type { TransferRecord } from './transfers.repo.ts';

/** A transfer as both sides see it, with what this actor may do: receive or reject (receiving side), cancel (sending). */
export function transferView(ctx: Acting, t: TransferRecord): TransferView {
  const pending = t.status === 'pending';
  const receiving = pending && t.toOrgPath !== null && canAt(ctx, 'member.manage', t.toOrgPath);
  return {
    id: t.id,
    memberId: t.memberId,
    memberName: t.memberName,
    fromOrgId: t.fromOrgId,
    fromOrgName: t.fromOrgName,
    toOrgId: t.toOrgId,
    toOrgName: t.toOrgName,
    externalOrgName: t.externalOrgName,
    status: t.status,
    letterNo: t.letterNo,
    issuedOn: t.issuedOn,
    validUntil: t.validUntil,
    overdue: isTransferOverdue(t, ctx.today),
    reason: t.reason,
    decidedOn: t.decidedOn,
    rejectionReason: t.rejectionReason,
    version: t.version,
    can: {
      receive: receiving,
      reject: receiving,
      cancel: pending && canAt(ctx, 'member.manage', t.fromOrgPath),
    },
  };
}

/** What the audit log keeps of a transfer. */
export function auditedTransfer(t: Partial<TransferRecord>): Record<string, unknown> {
  const keys = [
    'memberId',
    'fromOrgId',
    'toOrgId',
    'externalOrgName',
    'status',
    'letterNo',
    'issuedOn',
    'validUntil',
  ];
  return Object.fromEntries(
    [...keys, 'reason', 'decidedOn', 'rejectionReason']
      .filter((k) => k in t)
      .map((k) => [k, t[k as keyof TransferRecord]]),
  );
}
