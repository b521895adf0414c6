import { BRANCH_KINDS, type OrgKind } from '../org/index.ts';
import { ADMISSION_AGE_ARTICLE, checkAdmissionAge, type PeopleReason } from '../people/index.ts';
import { type Denial, deny, type IsoDate } from '../shared/index.ts';
import {
  confirmationDenial,
  confirmationWarnings,
  type MemberWarning,
  recordedProbationEnd,
} from './confirmation.ts';
import { PROBATION_ARTICLE } from './probation.ts';
import type { MembershipReason } from './reasons.ts';

/**
 * Rules for recording a member (党员): where they may be placed and whether the dates of their admission and
 * confirmation hang together (党章第一条、第七条; docs/membership.md §2, §3). Every member belongs to a 党支部, or a
 * 党小组 inside one (条例第二十五条).
 */
export const MEMBER_PLACEMENT_ARTICLE = '《中国共产党党员教育管理工作条例》第二十五条';
export const MEMBER_ORG_KINDS: readonly OrgKind[] = [...BRANCH_KINDS, 'group'];

export type MemberOrg = { readonly kind: OrgKind; readonly dissolvedOn: IsoDate | null };

/** A member is placed in a branch or a group that still exists. */
export function checkMemberOrg(org: MemberOrg): Denial<MembershipReason> | null {
  if (!MEMBER_ORG_KINDS.includes(org.kind)) {
    return deny('member_org_not_branch', '党员只能编入党支部或党小组', { article: MEMBER_PLACEMENT_ARTICLE });
  }
  if (org.dissolvedOn !== null) {
    return deny('member_org_dissolved', '该党组织已撤销，不能编入党员', {
      article: MEMBER_PLACEMENT_ARTICLE,
    });
  }
  return null;
}

export type NewMemberFacts = {
  readonly org: MemberOrg;
  readonly status: 'probationary' | 'full';
  readonly birthDate: IsoDate;
  readonly admittedOn: IsoDate;
  readonly confirmedOn: IsoDate | null;
  /** A documented extension of the 预备期: its new end (docs/membership.md §3.4). */
  readonly probationEndsOn?: IsoDate | null | undefined;
};
/**
 * Admitting a member is refused by the membership rules or by the age at admission (people); an old record
 * judged by the 党章 of its day is accepted with warnings (docs/membership.md §3.3).
 */
export type NewMemberDecision =
  | {
      readonly ok: true;
      readonly probationEndsOn: IsoDate | null;
      readonly warnings: readonly MemberWarning[];
    }
  | Denial<MembershipReason | PeopleReason>;

function admissionDenial(f: NewMemberFacts, today: IsoDate): Denial<MembershipReason | PeopleReason> | null {
  if (f.admittedOn > today) {
    return deny('admitted_in_future', '入党时间不能晚于今天', { article: PROBATION_ARTICLE });
  }
  return checkBirthDateAgainstAdmission(f.birthDate, f.admittedOn);
}

/**
 * May this member be recorded? Placement, admission (not in the future, not before birth, age ≥ 18) and the
 * 转正 date by the status path's rule (confirmationDenial, docs/membership.md §3.2). Answers the end of the
 * 预备期 to store and the warnings of an old record.
 */
export function checkNewMember(f: NewMemberFacts, today: IsoDate): NewMemberDecision {
  const dates = { ...f, probationEndsOn: f.probationEndsOn ?? null };
  const denial = checkMemberOrg(f.org) ?? admissionDenial(f, today) ?? confirmationDenial(dates, today);
  if (denial) return denial;
  return {
    ok: true,
    probationEndsOn: recordedProbationEnd(dates),
    warnings: confirmationWarnings(f.admittedOn, f.confirmedOn),
  };
}

/** Admitted after birth and at 18 or older (党章第一条); also for a corrected birth date. */
export function checkBirthDateAgainstAdmission(
  birthDate: IsoDate,
  admittedOn: IsoDate,
): Denial<MembershipReason | PeopleReason> | null {
  if (admittedOn < birthDate) {
    return deny('admitted_before_birth', '入党时间不能早于出生日期', { article: ADMISSION_AGE_ARTICLE });
  }
  const age = checkAdmissionAge(birthDate, admittedOn);
  return age.ok ? null : age;
}
