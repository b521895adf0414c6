import { addYears, type IsoDate } from '../shared/index.ts';

/**
 * 预备期 (docs/membership.md §3; 党章第七条): one year, counted from the 支部大会 resolution that admitted the member
 * (`admitted_on`). Between 1969-04-01 (党的九大) and 1977-08-11 (党的十一大) the 党章 had no 预备期
 * (docs/membership.md §3.3): members admitted then became full members at once, so 转正 may equal 入党.
 */
export const PROBATION_ARTICLE = '党章第七条';
export const NO_PROBATION_FROM: IsoDate = '1969-04-01';
export const NO_PROBATION_UNTIL: IsoDate = '1977-08-11';

export function admittedWithoutProbation(admittedOn: IsoDate): boolean {
  return admittedOn >= NO_PROBATION_FROM && admittedOn <= NO_PROBATION_UNTIL;
}

/** The end of the original 预备期: admission + 1 year. */
export function probationEndOf(admittedOn: IsoDate): IsoDate {
  return addYears(admittedOn, 1);
}

/**
 * `probation_ends_on` of a newly recorded member: admission + 1 year, or null for a full member confirmed on
 * the day of admission (the years without a 预备期).
 */
export function initialProbationEnd(admittedOn: IsoDate, confirmedOn: IsoDate | null): IsoDate | null {
  if (confirmedOn !== null && confirmedOn === admittedOn && admittedWithoutProbation(admittedOn)) return null;
  return probationEndOf(admittedOn);
}
