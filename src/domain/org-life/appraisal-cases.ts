import type { MemberStatus } from '../membership/index.ts';
import { allow, type Decision, deny, type IsoDate } from '../shared/index.ts';
import type { AppraisalGrade } from './appraisal.ts';
import type { OrgLifeReason } from './reasons.ts';

/**
 * The follow-up of a 基本合格 or 不合格 grade (docs/organizational-life.md §5, §5.2; the 2024 不合格党员组织处置办法:
 * 限期改正, 劝其退党, 除名): each measure a case with its procedure steps, recorded by the secretary, never changing a
 * member's status — 劝退 and 除名 are carried out on the member's page through the 出党 flow (docs/membership.md §5).
 */
export const DISPOSAL_ARTICLE = '不合格党员组织处置办法（2024）';

export const APPRAISAL_MEASURES = ['education', 'rectification', 'persuade', 'removal'] as const;
export type AppraisalMeasure = (typeof APPRAISAL_MEASURES)[number];
export const APPRAISAL_MEASURE_LABELS: Record<AppraisalMeasure, string> = {
  education: '教育帮助',
  rectification: '限期改正',
  persuade: '劝其退党',
  removal: '除名',
};

export const APPRAISAL_CASE_STATUSES = ['open', 'done', 'withdrawn'] as const;
export type AppraisalCaseStatus = (typeof APPRAISAL_CASE_STATUSES)[number];
export const APPRAISAL_CASE_STATUS_LABELS: Record<AppraisalCaseStatus, string> = {
  open: '办理中',
  done: '已办结',
  withdrawn: '已撤销',
};

/** The procedure of each measure, in order: a step key and its Chinese label (§5.2). */
export const MEASURE_STEPS: Record<AppraisalMeasure, readonly { key: string; label: string }[]> = {
  education: [
    { key: 'talk', label: '谈心谈话、指出问题' },
    { key: 'plan', label: '制定帮助措施' },
    { key: 'follow_up', label: '跟踪考察' },
  ],
  rectification: [
    { key: 'committee', label: '支委会研究提出意见' },
    { key: 'talk', label: '与本人谈话、明确改正期限' },
    { key: 'review', label: '期满考察' },
    { key: 'general_meeting', label: '支部大会讨论处理' },
  ],
  persuade: [
    { key: 'general_meeting', label: '支部大会讨论决定' },
    { key: 'approval', label: '报上级党委审批' },
    { key: 'status_change', label: '在党员信息中办理出党（劝退）' },
  ],
  removal: [
    { key: 'general_meeting', label: '支部大会讨论决定' },
    { key: 'approval', label: '报上级党委审批' },
    { key: 'status_change', label: '在党员信息中办理出党（除名）' },
  ],
};

/** The measures whose last step is a status change, made on the member's page, never here (§5.2). */
export const STATUS_CHANGING_MEASURES: readonly AppraisalMeasure[] = ['persuade', 'removal'];

/** Which measures follow a grade (§5.2): 基本合格 is helped; 不合格 educated first, then 限期改正, 劝退 or 除名. */
export function measuresFor(grade: AppraisalGrade | null): readonly AppraisalMeasure[] {
  if (grade === 'basically_qualified') return ['education'];
  if (grade === 'unqualified') return APPRAISAL_MEASURES;
  return [];
}

/** Whether a follow-up is due: a participant graded 基本合格 or 不合格 (§5.2). */
export function needsFollowUp(grade: AppraisalGrade | null): boolean {
  return measuresFor(grade).length > 0;
}

/**
 * A new case (§5.2): only a measure of the participant's grade; 劝退 never for a 预备党员 (who leaves by 取消预备党员资格,
 * docs/membership.md §5).
 */
export function checkNewCase(
  grade: AppraisalGrade | null,
  status: MemberStatus,
  measure: AppraisalMeasure,
): Decision<OrgLifeReason> {
  if (!measuresFor(grade).includes(measure)) {
    return deny('appraisal_measure_not_for_grade', '该评定等次不适用此项处置措施', {
      article: DISPOSAL_ARTICLE,
    });
  }
  if (measure === 'persuade' && status === 'probationary') {
    return deny('appraisal_measure_not_for_grade', '预备党员不适用劝其退党，应按取消预备党员资格办理', {
      article: DISPOSAL_ARTICLE,
    });
  }
  return allow;
}

export type CaseStep = { readonly on: IsoDate; readonly note: string | null };

/** The steps recorded must be steps of the measure's procedure, not dated after today (§5.2). */
export function checkCaseSteps(
  measure: AppraisalMeasure,
  steps: Readonly<Record<string, CaseStep>>,
  today: IsoDate,
): Decision<OrgLifeReason> {
  const known = new Set(MEASURE_STEPS[measure].map((s) => s.key));
  const unknown = Object.keys(steps).filter((k) => !known.has(k));
  if (unknown.length > 0) {
    return deny('appraisal_case_unknown_step', '处置程序中没有该步骤', { details: { steps: unknown } });
  }
  if (Object.values(steps).some((s) => s.on > today)) {
    return deny('appraisal_case_step_in_future', '处置步骤的日期不能晚于今天');
  }
  return allow;
}

/**
 * A case's status (§5.2): only an open case changes; `done` needs every step of its procedure recorded; a done or
 * withdrawn case stays as it is.
 */
export function checkCaseChange(
  current: AppraisalCaseStatus,
  next: AppraisalCaseStatus,
  measure: AppraisalMeasure,
  steps: Readonly<Record<string, CaseStep>>,
): Decision<OrgLifeReason> {
  if (current !== 'open') {
    return deny('appraisal_case_finished', '该处置已办结或撤销，不能再修改');
  }
  if (next === 'done') {
    const missing = MEASURE_STEPS[measure].filter((s) => steps[s.key] === undefined);
    if (missing.length > 0) {
      return deny(
        'appraisal_case_steps_incomplete',
        `处置程序尚未完成：${missing.map((s) => s.label).join('、')}`,
        { article: DISPOSAL_ARTICLE, details: { missing: missing.map((s) => s.key) } },
      );
    }
  }
  return allow;
}
