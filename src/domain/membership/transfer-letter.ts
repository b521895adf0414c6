import { ageOn } from '../people/index.ts';
import { daysBetween, type IsoDate } from '../shared/index.ts';

/**
 * What the printed 组织关系介绍信 says of the member and of its validity (docs/official-forms.md §11): the standing
 * and the age are those of the day the letter was issued, the validity a number of days.
 */
export type LetterStanding = 'full' | 'probationary';

export const LETTER_STANDING_LABELS: Record<LetterStanding, string> = {
  full: '正式党员',
  probationary: '预备党员',
};

/** 正式党员 once confirmed (转正) on or before the issue date; otherwise 预备党员 (docs/official-forms.md §11). */
export function letterStanding(confirmedOn: IsoDate | null, issuedOn: IsoDate): LetterStanding {
  return confirmedOn !== null && confirmedOn <= issuedOn ? 'full' : 'probationary';
}

/** 有效期 N 天: the days from the issue date to the last valid date (docs/official-forms.md §11). */
export function letterValidityDays(issuedOn: IsoDate, validUntil: IsoDate): number {
  return Math.max(0, daysBetween(issuedOn, validUntil));
}

/** 年龄 on the letter: completed years on the issue date; unknown without a birth date (docs/official-forms.md §11). */
export function letterAge(birthDate: IsoDate | null, issuedOn: IsoDate): number | null {
  return birthDate === null ? null : ageOn(birthDate, issuedOn);
}
