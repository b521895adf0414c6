import type { MemberStatus } from './member-status.ts';

/**
 * The one set of required fields of a member record (docs/official-forms.md §6.3; docs/people.md §3), shared by
 * the form, the API contract and the import: besides 姓名, 所在党支部, 入党时间 and the identity (an ID number, or
 * birth date and gender), a member in good standing (预备党员, 正式党员) needs 民族, 学历 and 工作岗位 — the 2017
 * form's own rule, and what the statistics count. 失联 and 停止党籍 members may arrive with only what is known.
 */
export const STANDING_REQUIRED_FIELDS = ['ethnicity', 'education', 'workPost'] as const;
export type StandingRequiredField = (typeof STANDING_REQUIRED_FIELDS)[number];

export const REQUIRED_FIELD_MESSAGES: Record<StandingRequiredField, string> = {
  ethnicity: '请填写民族',
  education: '请填写学历',
  workPost: '请填写工作岗位',
};

/** Whether a member of this status must have every field of STANDING_REQUIRED_FIELDS. */
export function needsFullRecord(status: MemberStatus): boolean {
  return status === 'probationary' || status === 'full';
}
