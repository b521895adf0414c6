import { FINDING_KINDS, type FindingKind } from '../org/index.ts';
import { addDays, allow, type Decision, deny, type IsoDate } from '../shared/index.ts';
import type { MembershipReason } from './reasons.ts';

/**
 * 党章第九条 cases (自行脱党情形, docs/membership.md §6 "党章第九条 cases"): a member who, without a valid reason,
 * has for 6 consecutive months not taken part in organizational life or not paid dues is regarded as having left
 * the party of their own accord; the 支部大会 decides on 除名 and reports it to the level above for approval. The
 * software raises the situation (the 6-month to-do) and keeps the branch's case with its procedure; it never
 * changes a member's status — a removal is carried out on the member's page through the 出党 decision flow
 * (自行脱党除名, docs/membership.md §5, §12).
 */
export const LAPSE_ARTICLE = '中国共产党章程第九条';
/** 限期改正 of a member who does not take part or pay (不合格党员组织处置办法, 2024). */
export const RECTIFICATION_ARTICLE = '不合格党员组织处置办法（2024）';

/** What the case is about: the two situations of 党章第九条 the platform measures. */
export const LAPSE_CAUSES = ['org_life_absence', 'dues_arrears'] as const;
export type LapseCause = (typeof LAPSE_CAUSES)[number];
export const LAPSE_CAUSE_LABELS: Record<LapseCause, string> = {
  org_life_absence: '连续6个月不参加党的组织生活',
  dues_arrears: '连续6个月不交纳党费',
};

export const LAPSE_CASE_STATUSES = ['open', 'closed'] as const;
export type LapseCaseStatus = (typeof LAPSE_CASE_STATUSES)[number];
export const LAPSE_CASE_STATUS_LABELS: Record<LapseCaseStatus, string> = {
  open: '办理中',
  closed: '已办结',
};

/** How the branch closes the case (docs/membership.md §6). */
export const LAPSE_OUTCOMES = ['valid_reason', 'rectification', 'removal'] as const;
export type LapseOutcome = (typeof LAPSE_OUTCOMES)[number];
export const LAPSE_OUTCOME_LABELS: Record<LapseOutcome, string> = {
  valid_reason: '有正当理由，不按自行脱党处理',
  rectification: '批评教育、限期改正',
  removal: '支部大会决定按自行脱党除名，报上级批准',
};

/** The procedure's steps, in order: a key and its Chinese label. */
export const LAPSE_STEPS = [
  { key: 'investigate', label: '核实情况、了解有无正当理由' },
  { key: 'talk', label: '与本人谈话' },
  { key: 'general_meeting', label: '支部大会讨论决定' },
  { key: 'approval', label: '报上级党组织批准' },
] as const;
export type LapseStepKey = (typeof LAPSE_STEPS)[number]['key'];
export const LAPSE_STEP_KEYS: readonly LapseStepKey[] = LAPSE_STEPS.map((s) => s.key);
export const LAPSE_STEP_LABELS = Object.fromEntries(LAPSE_STEPS.map((s) => [s.key, s.label])) as Record<
  LapseStepKey,
  string
>;

/**
 * The steps each outcome needs before the case closes: the facts are always found out first (the 党章 asks whether
 * there was a valid reason); 限期改正 is told to the member in a talk; 除名 is the 支部大会's decision with the
 * approval of the level above (党章第九条).
 */
export const LAPSE_OUTCOME_STEPS: Record<LapseOutcome, readonly LapseStepKey[]> = {
  valid_reason: ['investigate'],
  rectification: ['investigate', 'talk'],
  removal: ['investigate', 'general_meeting', 'approval'],
};

/** The outcomes that excuse the run: its months no longer count, a new run begins after them. */
export const EXCUSING_OUTCOMES: readonly LapseOutcome[] = ['valid_reason', 'rectification'];

/** The 6-month to-do of each cause, which a case may be opened from. */
const DUES_LAPSE_KIND = 'dues_lapse';
export const LAPSE_FINDING_KIND: Record<LapseCause, FindingKind | null> = {
  org_life_absence: 'org_life_lapse',
  // Raised by the dues module (docs/dues.md §5); until its kind is in the closed vocabulary, no case of this cause.
  dues_arrears: (FINDING_KINDS as readonly string[]).includes(DUES_LAPSE_KIND)
    ? (DUES_LAPSE_KIND as FindingKind)
    : null,
};

export type LapseStep = { readonly on: IsoDate; readonly note: string | null };
export type LapseSteps = Readonly<Partial<Record<LapseStepKey, LapseStep>>>;

/** The month key (`2026-03`) of a date. */
export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

/**
 * The run a case is opened for, from the 6-month to-do: its first month (the to-do's date) and the last full month
 * before today.
 */
export function lapseRun(findingDate: IsoDate, today: IsoDate): { runFrom: string; runTo: string } {
  return { runFrom: monthOf(findingDate), runTo: monthOf(addDays(`${monthOf(today)}-01`, -1)) };
}

/**
 * A new case (docs/membership.md §6): only while the member's 6-month to-do of that cause stands (党章第九条's six
 * months, found by the software), and one open case per member and cause.
 */
export function checkOpenLapseCase(input: {
  readonly cause: LapseCause;
  readonly hasFinding: boolean;
  readonly openCase: boolean;
}): Decision<MembershipReason> {
  if (LAPSE_FINDING_KIND[input.cause] === null) {
    return deny(
      'lapse_cause_not_tracked',
      '连续6个月不交纳党费的待办尚未启用（党费模块未提供），暂不能按此情形立案',
      { article: LAPSE_ARTICLE },
    );
  }
  if (input.openCase) {
    return deny('lapse_case_already_open', '该党员已有同一情形的办理中案件，请在该案件中办理', {
      article: LAPSE_ARTICLE,
    });
  }
  if (!input.hasFinding) {
    return deny(
      'lapse_case_no_finding',
      `该党员目前没有“${LAPSE_CAUSE_LABELS[input.cause]}”的待办，不能立案（党章第九条：连续6个月）`,
      { article: LAPSE_ARTICLE },
    );
  }
  return allow;
}

/**
 * A step recorded on an open case: not in the future, not before the case was opened, and the approval of the level
 * above not before the 支部大会 (nor without it).
 */
export function checkLapseStep(
  c: { readonly status: LapseCaseStatus; readonly openedOn: IsoDate; readonly steps: LapseSteps },
  key: LapseStepKey,
  on: IsoDate,
  today: IsoDate,
): Decision<MembershipReason> {
  if (c.status !== 'open') return deny('lapse_case_closed', '该案件已办结，不能再修改');
  if (on > today) return deny('lapse_case_step_in_future', '办理步骤的日期不能晚于今天');
  if (on < c.openedOn) {
    return deny('lapse_case_step_before_opening', `办理步骤的日期不能早于立案日期（${c.openedOn}）`);
  }
  const meeting = c.steps.general_meeting;
  if (key === 'approval' && (meeting === undefined || on < meeting.on)) {
    return deny(
      'lapse_case_approval_before_meeting',
      '上级党组织的批准应在支部大会讨论决定之后，请先记录支部大会讨论决定',
      { article: LAPSE_ARTICLE },
    );
  }
  if (key === 'general_meeting' && c.steps.approval !== undefined && c.steps.approval.on < on) {
    return deny('lapse_case_approval_before_meeting', '支部大会的日期不能晚于已记录的上级批准日期', {
      article: LAPSE_ARTICLE,
    });
  }
  return allow;
}

/**
 * Closing a case with its outcome (docs/membership.md §6): the steps the outcome needs recorded; a valid reason
 * stated; 限期改正 with its deadline, after the day it closes; a deadline for 限期改正 only.
 */
export function checkCloseLapseCase(
  c: { readonly status: LapseCaseStatus; readonly steps: LapseSteps },
  close: {
    readonly outcome: LapseOutcome;
    readonly note: string | null;
    readonly deadline: IsoDate | null;
  },
  today: IsoDate,
): Decision<MembershipReason> {
  if (c.status !== 'open') return deny('lapse_case_closed', '该案件已办结，不能再修改');
  const missing = LAPSE_OUTCOME_STEPS[close.outcome].filter((k) => c.steps[k] === undefined);
  if (missing.length > 0) {
    return deny(
      'lapse_case_steps_incomplete',
      `办结前须完成：${missing.map((k) => LAPSE_STEP_LABELS[k]).join('、')}`,
      { article: LAPSE_ARTICLE, details: { missing } },
    );
  }
  if (close.outcome === 'valid_reason' && !close.note?.trim()) {
    return deny('lapse_case_reason_required', '请写明正当理由', { article: LAPSE_ARTICLE });
  }
  if (close.outcome === 'rectification') {
    if (close.deadline === null) {
      return deny('lapse_case_deadline_required', '限期改正须写明改正期限', {
        article: RECTIFICATION_ARTICLE,
      });
    }
    if (close.deadline <= today) {
      return deny('lapse_case_deadline_not_future', '改正期限应晚于办结日期', {
        article: RECTIFICATION_ARTICLE,
      });
    }
  } else if (close.deadline !== null) {
    return deny('lapse_case_deadline_not_for_outcome', '只有限期改正才有改正期限');
  }
  return allow;
}

/**
 * The last month a member's closed cases excuse (docs/membership.md §6): the end of the latest run closed with a
 * valid reason or 限期改正. Months up to it no longer count; a 除名 excuses nothing (the member leaves through the 出党
 * flow).
 */
export function excusedThrough(
  cases: readonly {
    readonly status: LapseCaseStatus;
    readonly outcome: LapseOutcome | null;
    readonly runTo: string;
  }[],
): string | null {
  let last: string | null = null;
  for (const c of cases) {
    if (c.status !== 'closed' || c.outcome === null || !EXCUSING_OUTCOMES.includes(c.outcome)) continue;
    if (last === null || c.runTo > last) last = c.runTo;
  }
  return last;
}
