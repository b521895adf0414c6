import { addMonths, type Decision, type Denial, deny, type IsoDate } from '../shared/index.ts';
import { checkMemberOrg, type MemberOrg } from './member-registration.ts';
import { isOnRoster, type MemberStatus } from './member-status.ts';
import type { MembershipReason } from './reasons.ts';

/**
 * 组织关系转接 (《中国共产党党员教育管理工作条例》第二十五条; docs/membership.md §7): the sending org issues a letter
 * (介绍信) with a validity; the member stays with the sending org until the receiving org accepts. Inside the
 * deployment: pending → received | rejected | cancelled. Out of the deployment: completed at once, the member
 * leaving with status `transferred_out` and the letter's reference.
 */
export const TRANSFER_ARTICLE = '《中国共产党党员教育管理工作条例》第二十五条';

export const TRANSFER_STATUSES = ['pending', 'received', 'rejected', 'cancelled', 'completed_out'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

export const TRANSFER_STATUS_LABELS: Record<TransferStatus, string> = {
  pending: '待接收',
  received: '已接收',
  rejected: '已退回',
  cancelled: '已撤销',
  completed_out: '已转出系统外',
};

/** 介绍信有效期: commonly ≤ 3 months, local practice varies (CFG; docs/membership.md §7.2). */
export type TransferPolicy = { readonly transferValidityMonths: number };
export const DEFAULT_TRANSFER_POLICY: TransferPolicy = { transferValidityMonths: 3 };
export const TRANSFER_VALIDITY_BOUNDS = { min: 1, max: 6 } as const;

export type TransferTarget =
  | { readonly kind: 'internal'; readonly orgId: number; readonly org: MemberOrg }
  | { readonly kind: 'external'; readonly name: string };

export type NewTransferFacts = {
  readonly member: {
    readonly status: MemberStatus;
    readonly orgId: number;
    readonly admittedOn: IsoDate;
    readonly lastEventOn: IsoDate | null;
  };
  /** A transfer of this member that is still pending. */
  readonly hasPending: boolean;
  readonly target: TransferTarget;
  readonly issuedOn: IsoDate;
  readonly validUntil: IsoDate | undefined;
};

export type NewTransferDecision =
  | { readonly ok: true; readonly validUntil: IsoDate; readonly status: 'pending' | 'completed_out' }
  | Denial<MembershipReason>;

const fail = (reason: MembershipReason, message: string, details?: Record<string, unknown>) =>
  deny(reason, message, { article: TRANSFER_ARTICLE, ...(details ? { details } : {}) });

function memberDenial(f: NewTransferFacts): Denial<MembershipReason> | null {
  if (!isOnRoster(f.member.status))
    return fail('transfer_member_not_on_roster', '只有在册党员可以转接组织关系');
  if (f.hasPending) return fail('transfer_already_pending', '该党员已有待接收的组织关系转接，请先处理');
  if (f.target.kind === 'internal' && f.target.orgId === f.member.orgId) {
    return fail('transfer_same_org', '接收党组织不能是该党员所在的党组织');
  }
  if (f.target.kind === 'internal') return checkMemberOrg(f.target.org);
  return null;
}

function dateDenial(
  f: NewTransferFacts,
  validUntil: IsoDate,
  today: IsoDate,
): Denial<MembershipReason> | null {
  if (f.issuedOn > today) return fail('transfer_issued_in_future', '介绍信开具日期不能晚于今天');
  if (f.issuedOn < f.member.admittedOn)
    return fail('transfer_issued_before_admission', '介绍信开具日期不能早于入党时间');
  if (f.target.kind === 'external' && f.member.lastEventOn !== null && f.issuedOn < f.member.lastEventOn) {
    return fail(
      'event_before_last_change',
      `转出日期不能早于该党员最近一次变更的日期（${f.member.lastEventOn}）`,
    );
  }
  if (validUntil < f.issuedOn) return fail('transfer_valid_until_before_issued', '有效期不能早于开具日期');
  return null;
}

/**
 * May this transfer start? A member on the roster, no other pending transfer, a receiving branch or group other
 * than their own (or an organization outside the deployment). The validity defaults to the policy's months.
 */
export function checkNewTransfer(
  f: NewTransferFacts,
  policy: TransferPolicy,
  today: IsoDate,
): NewTransferDecision {
  const validUntil = f.validUntil ?? addMonths(f.issuedOn, policy.transferValidityMonths);
  const denial = memberDenial(f) ?? dateDenial(f, validUntil, today);
  if (denial) return denial;
  return { ok: true, validUntil, status: f.target.kind === 'external' ? 'completed_out' : 'pending' };
}

/** Pending past the last day of its validity. */
export function isTransferOverdue(
  t: { status: TransferStatus; validUntil: IsoDate },
  today: IsoDate,
): boolean {
  return t.status === 'pending' && t.validUntil < today;
}

export type TransferAction = 'receive' | 'reject' | 'cancel';

const ACTION_LABELS: Record<TransferAction, string> = { receive: '接收', reject: '退回', cancel: '撤销' };

/** Only a pending transfer moves on: to received, rejected or cancelled. */
export function checkTransferAction(
  status: TransferStatus,
  action: TransferAction,
): Decision<MembershipReason> {
  if (status === 'pending') return { ok: true };
  return fail(
    'transfer_not_pending',
    `该转接${TRANSFER_STATUS_LABELS[status]}，不能再${ACTION_LABELS[action]}`,
    {
      status,
    },
  );
}

export type ReceiveFacts = {
  readonly transfer: {
    readonly status: TransferStatus;
    readonly fromOrgId: number;
    readonly issuedOn: IsoDate;
  };
  readonly member: {
    readonly status: MemberStatus;
    readonly orgId: number;
    readonly lastEventOn: IsoDate | null;
  };
  readonly targetOrg: MemberOrg;
  readonly receivedOn: IsoDate;
};

/**
 * The receiving org accepts: the transfer must be pending, the member still on the roster of the sending org
 * (nothing changed meanwhile), the receiving org still a branch or group, and the date between the letter's
 * issue and today. An overdue letter may still be received: it is flagged, not refused.
 */
export function checkReceive(f: ReceiveFacts, today: IsoDate): Decision<MembershipReason> {
  const state = checkTransferAction(f.transfer.status, 'receive');
  if (!state.ok) return state;
  if (!isOnRoster(f.member.status) || f.member.orgId !== f.transfer.fromOrgId) {
    return fail('transfer_member_changed', '该党员的状态或所在组织已变化，请撤销本次转接后重新办理');
  }
  const org = checkMemberOrg(f.targetOrg);
  if (org) return org;
  if (f.receivedOn > today) return fail('transfer_received_in_future', '接收日期不能晚于今天');
  if (f.receivedOn < f.transfer.issuedOn)
    return fail('transfer_received_before_issued', '接收日期不能早于介绍信开具日期');
  if (f.member.lastEventOn !== null && f.receivedOn < f.member.lastEventOn) {
    return fail(
      'event_before_last_change',
      `接收日期不能早于该党员最近一次变更的日期（${f.member.lastEventOn}）`,
    );
  }
  return { ok: true };
}
