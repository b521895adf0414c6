import { allow, type Decision, deny, type IsoDate, isIsoDate } from '../shared/index.ts';
import type { PeopleReason } from './reasons.ts';

function requireDate(value: IsoDate): IsoDate {
  if (!isIsoDate(value)) throw new Error(`not an ISO date: ${value}`);
  return value;
}

/**
 * Completed years of age on `day` (周岁). A birthday counts from the same month and day; someone born on 29 February
 * completes a year on 1 March in common years (a 2000-02-29 birth turns 1 on 2001-03-01). Negative when `day`
 * precedes the birth date.
 */
export function ageOn(birthDate: IsoDate, day: IsoDate): number {
  const born = requireDate(birthDate);
  const on = requireDate(day);
  const years = Number(on.slice(0, 4)) - Number(born.slice(0, 4));
  // Comparing `MM-DD` as strings puts 02-29 after 02-28 and before 03-01, which is the rule above.
  return on.slice(5) < born.slice(5) ? years - 1 : years;
}

export const ADMISSION_MIN_AGE = 18;
export const ADMISSION_AGE_ARTICLE = '党章第一条';

/**
 * 党章第一条: only those 年满十八岁 may join. Checked on 入党时间 (`admitted_on`, the 支部大会 date); an applicant
 * must also be 18 when applying (docs/recruitment.md §2), which the recruitment rules check on their
 * own dates.
 */
export function checkAdmissionAge(birthDate: IsoDate, admittedOn: IsoDate): Decision<PeopleReason> {
  if (ageOn(birthDate, admittedOn) >= ADMISSION_MIN_AGE) return allow;
  return deny('admission_under_18', '入党时未满十八周岁：党章第一条规定年满十八岁方可入党', {
    article: ADMISSION_AGE_ARTICLE,
  });
}
