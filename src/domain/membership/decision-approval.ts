import type { OrgFinding } from '../org/index.ts';
import { addMonths, type Denial, daysBetween, deny, type IsoDate } from '../shared/index.ts';
import type { MemberWarning } from './confirmation.ts';
import { LEAVING_PROCEDURE_OF, type LeavingCategory } from './member-status.ts';
import type { MembershipReason } from './reasons.ts';

/**
 * Two dates for each decision (docs/membership.md §12): the 支部大会 that decided it, and the approval of the
 * level above (批准机关, 批准日期, 批复文号).
 *
 * - The meeting's date is the day it happened (`effective_on`): it sets 入党时间 and 转正时间 and so 党龄 (党章第五条、
 *   第七条), as the status rules already do.
 * - The approval sets the day the 增减台账 and the statistics count it (`counted_on`): 党内统计 counts by the
 *   approval of the level above (党内统计指标解释: 依据上级党组织审批情况).
 * - Until approved, a decision is pending: it changes nothing on the member nor in any count.
 *
 * 发展党员工作细则 第二十四条–第二十八条: the 基层党委 approves an admission within 3 months of the 支部大会 (转正 alike,
 * 第三十二条 for an extension or cancellation of the 预备期). Later is accepted and flagged.
 */
export const APPROVAL_ARTICLE = '《中国共产党发展党员工作细则》第二十四条至第二十八条、第三十二条';
/** The 基层党委 approves within 3 months of the 支部大会 (发展党员工作细则第二十八条、第三十二条). */
export const APPROVAL_MONTHS = 3;

/** The decisions that wait for the approval of the level above (a pending one lives in `member_decisions`). */
export const DECISION_KINDS = ['confirm', 'extend_probation', 'leave'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const DECISION_KIND_LABELS: Record<DecisionKind, string> = {
  confirm: '转正',
  extend_probation: '延长预备期',
  leave: '出党',
};

/** pending 待上级批准 → approved 已批准 (applied to the member) or withdrawn 已撤回. */
export const DECISION_STATUSES = ['pending', 'approved', 'withdrawn'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export const DECISION_STATUS_LABELS: Record<DecisionStatus, string> = {
  pending: '待上级批准',
  approved: '已批准',
  withdrawn: '已撤回',
};

/** The approval of the level above: who, when, and its document (批复文号). */
export type Approval = {
  readonly approvingOrgName: string;
  readonly approvedOn: IsoDate;
  readonly documentNo: string;
};

/**
 * Whether a 出党 of this category goes through the approval of the level above (党章第九条; docs/membership.md §5):
 * 劝退, the 除名 cases, 不予承认 and 取消预备党员资格. 退党 is filed and 开除党籍 is a discipline decision: they are
 * recorded at once with their filing or decision.
 */
export function leaveNeedsApproval(category: LeavingCategory | undefined): boolean {
  return category !== undefined && LEAVING_PROCEDURE_OF[category] === 'approved';
}

/** A 出党 that is not approved by the level above is not a decision waiting for approval. */
export function decisionKindDenial(
  kind: DecisionKind,
  leftReason: LeavingCategory | undefined,
): Denial<MembershipReason> | null {
  if (kind !== 'leave' || leftReason === undefined || leaveNeedsApproval(leftReason)) return null;
  return deny(
    'leave_category_not_approved',
    '退党报上级党组织备案、开除党籍由党纪处分决定，不经上级批准，请直接办理出党',
    { article: '党章第九条' },
  );
}

export type ApprovalDecision =
  | { readonly ok: true; readonly warnings: readonly MemberWarning[] }
  | Denial<MembershipReason>;

/**
 * The approval of a decision taken by the 支部大会 on `meetingOn`: on or after the meeting, never in the future
 * (BLOCK); more than 3 months after the meeting is accepted and flagged (发展党员工作细则第二十八条、第三十二条).
 */
export function checkApproval(meetingOn: IsoDate, approval: Approval, today: IsoDate): ApprovalDecision {
  if (approval.approvedOn > today) {
    return deny('approval_in_future', '上级党组织的批准日期不能晚于今天', { article: APPROVAL_ARTICLE });
  }
  if (approval.approvedOn < meetingOn) {
    return deny('approval_before_meeting', `批准日期不能早于支部大会日期（${meetingOn}）`, {
      article: APPROVAL_ARTICLE,
      details: { meetingOn },
    });
  }
  const due = approvalDueOn(meetingOn);
  if (approval.approvedOn <= due) return { ok: true, warnings: [] };
  return {
    ok: true,
    warnings: [
      {
        reason: 'approval_late',
        message: `上级党组织应在支部大会后3个月内（${due}前）审批，本次批准晚于该期限，请核对`,
      },
    ],
  };
}

/** The last day the level above should approve on: 3 months after the 支部大会. */
export function approvalDueOn(meetingOn: IsoDate): IsoDate {
  return addMonths(meetingOn, APPROVAL_MONTHS);
}

/** Days left before the approval is due (negative once overdue), for the 待办 and the member page. */
export function approvalDaysLeft(meetingOn: IsoDate, today: IsoDate): number {
  return daysBetween(today, approvalDueOn(meetingOn));
}

/**
 * The org whose approval a decision needs: the level above the member's 党支部 (its 基层党委), by ltree path — for
 * a member of a 党小组, the level above the group's branch. A branch at the top of the deployment approves itself.
 */
export function approverPathOf(memberOrgPath: string, memberInGroup: boolean): string {
  const ids = memberOrgPath.split('.');
  const up = memberInGroup ? 2 : 1;
  return ids.length > up ? ids.slice(0, ids.length - up).join('.') : ids.slice(0, 1).join('.');
}

export type PendingDecisionFacts = {
  readonly memberId: number;
  readonly name: string;
  readonly kind: DecisionKind;
  readonly meetingOn: IsoDate;
};

/**
 * The to-do of a decision waiting for approval (docs/membership.md §12), in the 待办 of the org that approves it:
 * a warning with the days left, critical once 3 months have passed since the meeting (发展党员工作细则第二十八条).
 */
export function pendingDecisionFinding(d: PendingDecisionFacts, today: IsoDate): OrgFinding {
  const due = approvalDueOn(d.meetingOn);
  const left = daysBetween(today, due);
  const what = `${d.name}的${DECISION_KIND_LABELS[d.kind]}（支部大会${d.meetingOn}通过）`;
  const common = {
    article: APPROVAL_ARTICLE,
    date: due,
    days: daysBetween(due, today),
    subject: { type: 'member' as const, id: d.memberId, name: d.name },
  };
  if (left < 0) {
    return {
      kind: 'decision_approval_overdue',
      severity: 'critical',
      message: `${what}已超过3个月（${due}）未经上级党组织批准`,
      ...common,
    };
  }
  return {
    kind: 'decision_awaiting_approval',
    severity: 'warning',
    message: `${what}待上级党组织批准，应于${due}前审批（还有${left}天）`,
    ...common,
  };
}
