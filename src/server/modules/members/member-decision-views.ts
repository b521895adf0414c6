import type { MemberDecisionView } from '../../../contracts/member-decisions.ts';
import type { Role } from '../../../domain/access/index.ts';
import {
  approvalDaysLeft,
  approvalDueOn,
  approverPathOf,
  type LeavingCategory,
} from '../../../domain/membership/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { type Acting, canAt, requireAt } from '../../access/index.ts';
import { forbidden } from '../../errors.ts';
import type { DecisionRecord } from './member-decisions.repo.ts';

/** What a decision carries besides its kind and date (member_decisions.payload). */
export type Payload = {
  readonly reason?: string | null;
  readonly leftReason?: LeavingCategory;
  readonly unreachable?: boolean;
  readonly probationEndsOn?: IsoDate;
};

/** A decision as the member page and the pending list show it, with what the actor may do with it. */
export function decisionView(ctx: Acting, d: DecisionRecord): MemberDecisionView {
  const payload = d.payload as Payload;
  const pending = d.status === 'pending';
  return {
    id: d.id,
    memberId: d.memberId,
    memberName: d.memberName,
    orgId: d.orgId,
    orgName: d.orgName,
    kind: d.kind,
    status: d.status,
    meetingOn: d.meetingOn,
    reason: payload.reason ?? null,
    leftReason: payload.leftReason ?? null,
    probationEndsOn: payload.probationEndsOn ?? null,
    approvingOrgName: d.approvingOrgName,
    approvedOn: d.approvedOn,
    documentNo: d.documentNo,
    dueOn: approvalDueOn(d.meetingOn),
    daysLeft: approvalDaysLeft(d.meetingOn, ctx.today),
    can: {
      approve: pending && canAt(ctx, 'member.manage', approverPathOf(d.orgPath, d.inGroup)),
      withdraw: pending && canAt(ctx, 'member.manage', d.orgPath),
    },
    version: d.version,
  };
}

/** The role of the level above the branch (its 基层党委), which alone records the approval: 403 otherwise. */
export function approverRole(ctx: Acting, orgPath: string, inGroup: boolean): Role {
  const at = approverPathOf(orgPath, inGroup);
  if (!canAt(ctx, 'member.manage', at)) {
    throw forbidden('approval_not_permitted', '上级党组织的批准须由党支部的上级党组织（基层党委）录入');
  }
  return requireAt(ctx, 'member.manage', at);
}
