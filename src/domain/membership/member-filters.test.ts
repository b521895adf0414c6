import { describe, expect, it } from 'vitest';
import { ageOn } from '../people/index.ts';
import { addDays } from '../shared/index.ts';
import { birthDateRange, educationCodesFor } from './member-filters.ts';
import { AGE_BANDS, ageBand } from './member-stats.ts';

describe('birthDateRange: the age bands as birth dates', () => {
  it('gives the bounds of ≤30 and ≥61 on a day', () => {
    expect(birthDateRange('30_below', '2026-06-15')).toEqual({ from: '1995-06-16', to: null });
    expect(birthDateRange('61_above', '2026-06-15')).toEqual({ from: null, to: '1965-06-15' });
    expect(birthDateRange('31_35', '2026-06-15')).toEqual({ from: '1990-06-16', to: '1995-06-15' });
  });

  it('agrees with ageBand for every birth date around the bounds, 29 February included', () => {
    for (const today of ['2026-06-15', '2027-02-28', '2027-03-01', '2028-02-29', '2028-03-01']) {
      for (let birth = '1955-01-01'; birth <= '2000-12-31'; birth = addDays(birth, 1)) {
        const band = ageBand(ageOn(birth, today));
        for (const b of AGE_BANDS) {
          const { from, to } = birthDateRange(b, today);
          const inside = (from === null || birth >= from) && (to === null || birth <= to);
          if (inside !== (b === band)) throw new Error(`${birth} on ${today}: ${b} ${inside}, band ${band}`);
        }
      }
    }
  });
});

describe('educationCodesFor', () => {
  it.each<[string, string[] | null]>([
    ['21', ['21']],
    ['1a', ['1A']],
    ['postgraduate', ['11', '12', '13', '1A', '1B']],
    ['junior_college', ['22', '23', '2C', '2D']],
    ['college_or_above', ['11', '12', '13', '1A', '1B', '21', '24', '2A', '2B', '22', '23', '2C', '2D']],
    ['3', null],
    ['phd', null],
  ])('%s → %j', (filter, codes) => {
    expect(educationCodesFor(filter)).toEqual(codes);
  });
});
