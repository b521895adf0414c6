import { type Denial, deny, type IsoDate } from '../shared/index.ts';
import {
  checkExtendedEnd,
  confirmationDay,
  extensionTimingWarnings,
  type MemberWarning,
} from './confirmation.ts';
import { suspensionWarnings } from './lost-contact.ts';
import type { MemberEventKind } from './member-events.ts';
import {
  isOnRoster,
  LEAVING_PROCEDURE_OF,
  type LeavingCategory,
  type LeavingProcedure,
  type LeftReason,
  MEMBER_STATUS_LABELS,
  type MemberStatus,
  ROSTER_STATUSES,
} from './member-status.ts';
import { PROBATION_ARTICLE, probationEndOf } from './probation.ts';
import type { MembershipReason } from './reasons.ts';

/**
 * Status changes of a member (docs/membership.md §4): 转正, 延长预备期, 停止党籍 and 恢复党籍, 失联 and its end,
 * 出党. Each answers the member's changed fields and the history row to write, or a denial with its article.
 */

/** What the status rules need to know of a member. */
export type MemberState = {
  readonly status: MemberStatus;
  readonly admittedOn: IsoDate;
  readonly confirmedOn: IsoDate | null;
  readonly probationEndsOn: IsoDate | null;
  /** When contact was lost (a 失联党员). */
  readonly lostContactOn?: IsoDate | null | undefined;
  /** The date of the latest event in the member's history: history is never written out of order. */
  readonly lastEventOn: IsoDate | null;
};

/** The status changes a user asks for (the request's verb; the history row records its past tense). */
export const STATUS_CHANGE_KINDS = [
  'confirm',
  'extend_probation',
  'suspend',
  'restore',
  'mark_unreachable',
  'mark_reachable',
  'leave',
  'record_death',
] as const;
export type StatusChangeKind = (typeof STATUS_CHANGE_KINDS)[number];

export type MemberEventInput = {
  readonly kind: StatusChangeKind;
  readonly effectiveOn: IsoDate;
  readonly reason: string | null;
  readonly leftReason?: LeavingCategory | undefined;
  /** For `leave`: the org above that filed, approved or decided it, its document number and date. */
  readonly approvalOrgName?: string | null | undefined;
  readonly approvalDocumentNo?: string | null | undefined;
  readonly approvalOn?: IsoDate | undefined;
  /** For `leave` as 自行脱党除名: 经多方查找确实无法取得联系 (T10's sub-count). */
  readonly unreachable?: boolean | undefined;
  readonly probationEndsOn?: IsoDate | undefined;
  readonly lostContactOn?: IsoDate | undefined;
};

/** The fields of the member that change. */
export type MemberChanges = {
  readonly status?: MemberStatus;
  readonly leftReason?: LeftReason | null;
  readonly confirmedOn?: IsoDate;
  readonly probationEndsOn?: IsoDate;
  readonly lostContactOn?: IsoDate | null;
};

/** The history row: its stored kind (past tense; docs/membership.md §4) and what it changed from and to. */
export type MemberEventRecord = {
  readonly kind: MemberEventKind;
  readonly fromValue: string | null;
  readonly toValue: string | null;
  readonly details: Record<string, unknown>;
};

/** `warnings`: what the rules accept but flag (docs/membership.md §3.4, §6), recorded with the event. */
export type MemberEventDecision =
  | {
      readonly ok: true;
      readonly changes: MemberChanges;
      readonly event: MemberEventRecord;
      readonly warnings?: readonly MemberWarning[];
    }
  | Denial<MembershipReason>;

type Rule = (m: MemberState, e: MemberEventInput) => MemberEventDecision;

const STATUS_ARTICLE = '《中国共产党党员教育管理工作条例》第二十四条';
const LEAVE_ARTICLE = '党章第九条';

function statusChange(m: MemberState, to: MemberStatus, kind: MemberEventKind, changes: MemberChanges = {}) {
  return {
    ok: true as const,
    changes: { status: to, ...changes },
    event: { kind, fromValue: m.status, toValue: to, details: {} },
  };
}

function wrongStatus(
  allowed: readonly MemberStatus[],
  what: string,
  article: string,
): Denial<MembershipReason> {
  const names = allowed.map((s) => MEMBER_STATUS_LABELS[s]).join('、');
  return deny('event_not_allowed_in_status', `只有${names}可以${what}`, {
    article,
    details: { allowed },
  });
}

const needReason = (what: string, article: string) =>
  deny('reason_required', `${what}须填写原因`, { article });

/** The status a member returns to: full once confirmed, else probationary. */
const standing = (m: MemberState): MemberStatus => (m.confirmedOn ? 'full' : 'probationary');

/** 转正: a 预备党员, on or after the end of the 预备期 or its extension (党章第七条; docs/membership.md §3.2). */
const confirm: Rule = (m, e) => {
  if (m.status !== 'probationary') return wrongStatus(['probationary'], '转正', PROBATION_ARTICLE);
  const end = confirmationDay(m.admittedOn, m.probationEndsOn);
  if (e.effectiveOn < end) {
    return deny('confirm_before_probation_end', `预备期至${end}届满，届满后方可讨论转正`, {
      article: PROBATION_ARTICLE,
      details: { probationEndsOn: end },
    });
  }
  // 转正时间 is the end of the 预备期, whenever the 支部大会 meets (党龄 counts from it, 党章第七条).
  const changed = statusChange(m, 'full', 'confirmed', { confirmedOn: end });
  return { ...changed, event: { ...changed.event, details: { confirmedOn: end } } };
};

/** 延长预备期: once only, by 6 to 12 months counted from the end of the original year (党章第七条). */
const extendProbation: Rule = (m, e) => {
  if (m.status !== 'probationary') return wrongStatus(['probationary'], '延长预备期', PROBATION_ARTICLE);
  const original = probationEndOf(m.admittedOn);
  if (m.probationEndsOn !== null && m.probationEndsOn !== original) {
    return deny('probation_already_extended', '预备期只能延长一次', { article: PROBATION_ARTICLE });
  }
  const to = e.probationEndsOn;
  const outOfRange = checkExtendedEnd(m.admittedOn, to);
  if (outOfRange || !to)
    return outOfRange ?? deny('probation_extension_out_of_range', '请填写延长后的预备期届满日期');
  return {
    ok: true,
    changes: { probationEndsOn: to },
    event: { kind: 'probation_extended', fromValue: original, toValue: to, details: {} },
    warnings: extensionTimingWarnings(m.admittedOn, e.effectiveOn),
  };
};

/** 停止党籍 (条例第二十四条): from full, probationary or unreachable, with the reason. */
const suspend: Rule = (m, e) => {
  const allowed: MemberStatus[] = ['full', 'probationary', 'unreachable'];
  if (!allowed.includes(m.status)) return wrongStatus(allowed, '停止党籍', STATUS_ARTICLE);
  if (!e.reason) return needReason('停止党籍', STATUS_ARTICLE);
  const lostOn = m.status === 'unreachable' ? (m.lostContactOn ?? null) : null;
  return {
    ...statusChange(m, 'suspended', 'suspended'),
    warnings: suspensionWarnings(lostOn, e.effectiveOn),
  };
};

/** 恢复党籍: a suspended member, by procedure, with the reason (条例第二十四条). */
const restore: Rule = (m, e) => {
  if (m.status !== 'suspended') return wrongStatus(['suspended'], '恢复党籍', STATUS_ARTICLE);
  if (!e.reason) return needReason('恢复党籍', STATUS_ARTICLE);
  return statusChange(m, standing(m), 'restored', { lostContactOn: null });
};

/** 失联: a full or probationary member, from the day contact was lost (条例第二十四条). */
const markUnreachable: Rule = (m, e) => {
  const allowed: MemberStatus[] = ['full', 'probationary'];
  if (!allowed.includes(m.status)) return wrongStatus(allowed, '标记为失联', STATUS_ARTICLE);
  const lost = e.lostContactOn ?? e.effectiveOn;
  if (lost > e.effectiveOn || lost < m.admittedOn) {
    return deny('lost_contact_on_out_of_range', '失联日期应在入党时间之后、不晚于登记日期', {
      article: STATUS_ARTICLE,
    });
  }
  const changed = statusChange(m, 'unreachable', 'marked_unreachable', { lostContactOn: lost });
  return { ...changed, event: { ...changed.event, details: { lostContactOn: lost } } };
};

/** Contact regained: back to full (if confirmed) or probationary. */
const markReachable: Rule = (m) => {
  if (m.status !== 'unreachable') return wrongStatus(['unreachable'], '恢复联系', STATUS_ARTICLE);
  return statusChange(m, standing(m), 'marked_reachable', { lostContactOn: null });
};

/** What each procedure must record besides the org above and the date (docs/membership.md §5). */
const DOCUMENT_REQUIRED: Record<LeavingProcedure, boolean> = {
  filed: false,
  approved: true,
  discipline: true,
};

/**
 * The procedure of a 出党 (党章第九条; docs/membership.md §5): the org above that filed (退党), approved (劝退, the
 * 除名 cases, 不予承认, 取消预备党员资格) or decided it (开除党籍), with the date, and the document number except for
 * a filing. The level above acts on or after the branch's decision, never in the future.
 */
function procedureDenial(category: LeavingCategory, e: MemberEventInput, today: IsoDate) {
  const procedure = LEAVING_PROCEDURE_OF[category];
  const missing = [
    e.approvalOrgName ? null : 'approvalOrgName',
    e.approvalOn ? null : 'approvalOn',
    DOCUMENT_REQUIRED[procedure] && !e.approvalDocumentNo ? 'approvalDocumentNo' : null,
  ].filter((x): x is string => x !== null);
  if (missing.length > 0) {
    const what = {
      filed: '退党须报上级党组织备案：请填写备案的上级党组织和备案日期',
      approved: '须经上级党组织批准：请填写批准的上级党组织、批准文号和批准日期',
      discipline: '开除党籍须有党纪处分决定：请填写作出决定的党组织、决定文号和决定日期',
    }[procedure];
    return deny('leave_procedure_missing', what, { article: LEAVE_ARTICLE, details: { procedure, missing } });
  }
  const on = e.approvalOn as IsoDate;
  if (on > today) return deny('leave_procedure_in_future', '上级党组织备案、批准或决定的日期不能晚于今天');
  if (on < e.effectiveOn) {
    return deny('leave_procedure_before_decision', '上级党组织备案、批准或决定的日期不能早于出党日期', {
      article: LEAVE_ARTICLE,
    });
  }
  return null;
}

/**
 * 出党 from any roster status, by its T10 category with the procedure it needs (党章第九条). A 预备党员 leaves by
 * 取消预备党员资格 (or 不予承认), never by 劝退 or 除名 (docs/membership.md §3.4); 无法取得联系 qualifies only 自行脱党除名.
 */
const leave =
  (today: IsoDate): Rule =>
  (m, e) => {
    if (!isOnRoster(m.status)) return wrongStatus([...ROSTER_STATUSES], '办理出党', LEAVE_ARTICLE);
    const category = e.leftReason;
    if (!category) {
      return deny(
        'left_reason_required',
        '请选择出党类别（退党、劝退、除名、开除党籍、不予承认或取消预备党员资格）',
        {
          article: LEAVE_ARTICLE,
        },
      );
    }
    if (category === 'probation_cancelled' && m.status !== 'probationary') {
      return deny('probation_cancel_not_probationary', '只有预备党员可以取消预备党员资格', {
        article: PROBATION_ARTICLE,
      });
    }
    if (m.status === 'probationary' && category !== 'probation_cancelled' && category !== 'not_recognized') {
      return deny(
        'leave_category_not_for_probationary',
        '预备党员不适用劝退、除名或开除，应取消其预备党员资格',
        {
          article: PROBATION_ARTICLE,
        },
      );
    }
    if (e.unreachable && category !== 'removed_lapsed') {
      return deny('leave_unreachable_not_lapsed', '“无法取得联系”只适用于自行脱党除名', {
        article: LEAVE_ARTICLE,
      });
    }
    const denial = procedureDenial(category, e, today);
    if (denial) return denial;
    const details = {
      leftReason: category,
      procedure: LEAVING_PROCEDURE_OF[category],
      approvalOrgName: e.approvalOrgName,
      approvalOn: e.approvalOn,
      ...(e.approvalDocumentNo ? { approvalDocumentNo: e.approvalDocumentNo } : {}),
      ...(category === 'removed_lapsed' ? { unreachable: e.unreachable === true } : {}),
    };
    const changed = statusChange(m, 'left', 'left', { leftReason: category });
    return { ...changed, event: { ...changed.event, details } };
  };

/** 死亡: its own kind of leaving, not 出党 (党统 T1 counts it apart; docs/membership.md §5), from any roster status. */
const recordDeath: Rule = (m) => {
  if (!isOnRoster(m.status)) return wrongStatus([...ROSTER_STATUSES], '登记去世', LEAVE_ARTICLE);
  return statusChange(m, 'deceased', 'died');
};

const rules = (today: IsoDate): Record<StatusChangeKind, Rule> => ({
  confirm,
  extend_probation: extendProbation,
  suspend,
  restore,
  mark_unreachable: markUnreachable,
  mark_reachable: markReachable,
  leave: leave(today),
  record_death: recordDeath,
});

function dateDenial(m: MemberState, e: MemberEventInput, today: IsoDate): Denial<MembershipReason> | null {
  if (e.effectiveOn > today) return deny('event_in_future', '变更日期不能晚于今天');
  if (e.effectiveOn < m.admittedOn) return deny('event_before_admission', '变更日期不能早于入党时间');
  if (m.lastEventOn !== null && e.effectiveOn < m.lastEventOn) {
    return deny('event_before_last_change', `变更日期不能早于该党员最近一次变更的日期（${m.lastEventOn}）`, {
      details: { lastEventOn: m.lastEventOn },
    });
  }
  return null;
}

/**
 * Decides a status change (docs/membership.md §4): never dated in the future, before admission or before
 * the member's latest change; then the rule of its kind. Answers the member's changed fields and the history
 * row to write.
 */
export function checkMemberEvent(m: MemberState, e: MemberEventInput, today: IsoDate): MemberEventDecision {
  const denial = dateDenial(m, e, today);
  if (denial) return denial;
  return rules(today)[e.kind](m, e);
}
