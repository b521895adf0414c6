import type { IsoDate } from '../shared/index.ts';

/**
 * 入党时间 periods of the 党内统计公报 (docs/membership.md §9; docs/official-forms.md §8.3 gives the month boundaries):
 * before the PRC (to 1949-09); to the Third Plenum of the 11th Central Committee (1949-10 to 1978-12); to the
 * 18th Congress (1979-01 to 2012-10); since the 18th Congress (2012-11 on).
 */
export const ADMISSION_PERIODS = [
  'before_prc',
  'before_reform',
  'before_18th_congress',
  'since_18th_congress',
] as const;
export type AdmissionPeriod = (typeof ADMISSION_PERIODS)[number];

export const ADMISSION_PERIOD_LABELS: Record<AdmissionPeriod, string> = {
  before_prc: '新中国成立前',
  before_reform: '新中国成立后至党的十一届三中全会前',
  before_18th_congress: '党的十一届三中全会后至党的十八大前',
  since_18th_congress: '党的十八大以来',
};

/** The first day of each period after the first (the periods are contiguous and ordered). */
export const ADMISSION_PERIOD_STARTS: Readonly<Record<Exclude<AdmissionPeriod, 'before_prc'>, IsoDate>> = {
  before_reform: '1949-10-01',
  before_18th_congress: '1979-01-01',
  since_18th_congress: '2012-11-01',
};

export function admissionPeriod(admittedOn: IsoDate): AdmissionPeriod {
  if (admittedOn < ADMISSION_PERIOD_STARTS.before_reform) return 'before_prc';
  if (admittedOn < ADMISSION_PERIOD_STARTS.before_18th_congress) return 'before_reform';
  if (admittedOn < ADMISSION_PERIOD_STARTS.since_18th_congress) return 'before_18th_congress';
  return 'since_18th_congress';
}
