import { allow, type Denial, deny } from '../shared/index.ts';
import type { MemberStatus } from './member-status.ts';
import type { MembershipReason } from './reasons.ts';

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

/**
 * An edit of a member in good standing may not clear 民族, 学历 or 工作岗位 (the same set as the form and the import,
 * docs/official-forms.md §6.3): the first of them sent empty is refused with its message; one not sent keeps its
 * value, and the fields of a 失联 or 停止党籍 member may be cleared (they may be unknown).
 */
export function checkStandingFieldsKept(
  status: MemberStatus,
  sent: Partial<Record<StandingRequiredField, string | null | undefined>>,
):
  | { readonly ok: true }
  | { readonly ok: false; readonly field: StandingRequiredField; readonly denial: Denial<MembershipReason> } {
  if (!needsFullRecord(status)) return allow;
  for (const field of STANDING_REQUIRED_FIELDS) {
    const value = sent[field];
    if (value === null || (typeof value === 'string' && value.trim() === ''))
      return {
        ok: false,
        field,
        denial: deny(
          'standing_field_required',
          `${REQUIRED_FIELD_MESSAGES[field]}：预备党员、正式党员的此项不能清空`,
        ),
      };
  }
  return allow;
}
