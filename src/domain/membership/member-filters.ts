import { EDUCATION_BANDS, EDUCATION_CODES } from '../codes/index.ts';
import { addDays, addYears, type IsoDate } from '../shared/index.ts';
import { AGE_BAND_STARTS, AGE_BANDS, type AgeBand } from './member-stats.ts';

/**
 * Filters of the member list that the rules define: the official age bands as birth-date ranges on a given
 * day, and 学历 filters by code or by statistics band (docs/membership.md §9), so that a list and the
 * statistics agree.
 */

/** Birth dates (inclusive bounds, null = open) of the members whose age on `today` falls in the band. */
export function birthDateRange(band: AgeBand, today: IsoDate): { from: IsoDate | null; to: IsoDate | null } {
  const index = AGE_BANDS.indexOf(band);
  // Age ≥ a  ⇔  born on or before today − a years (ageOn compares month and day the same way).
  const minAge = index === 0 ? null : (AGE_BAND_STARTS[index - 1] as number);
  const nextStart = AGE_BAND_STARTS[index] ?? null;
  return {
    // Age < next start  ⇔  born after today − next start years.
    from: nextStart === null ? null : addDays(addYears(today, -nextStart), 1),
    to: minAge === null ? null : addYears(today, -minAge),
  };
}

/** 大专及以上 of the bulletins. */
export const COLLEGE_OR_ABOVE = 'college_or_above';

/**
 * The 学历 codes an education filter stands for: one code (`21`, `1A`), a band of the statistics
 * (`postgraduate`, `undergraduate`, `junior_college`, `secondary_specialized`, `high_school`,
 * `junior_high_or_below`) or `college_or_above`. Null for a value that is none of these.
 */
export function educationCodesFor(filter: string): readonly string[] | null {
  const value = filter.trim();
  if ((EDUCATION_CODES as readonly string[]).includes(value.toUpperCase())) return [value.toUpperCase()];
  if (value === COLLEGE_OR_ABOVE) {
    return EDUCATION_BANDS.filter((b) =>
      ['postgraduate', 'undergraduate', 'junior_college'].includes(b.band),
    ).flatMap((b) => b.codes);
  }
  return EDUCATION_BANDS.find((b) => b.band === value)?.codes ?? null;
}
