import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../shared/index.ts';
import {
  ageBand,
  aggregate,
  bandChangingBirthDates,
  memberKeys,
  rosterDelta,
  type StatsMember,
} from './member-stats.ts';

const TODAY = '2026-06-15';
const base: StatsMember = {
  orgId: 7,
  status: 'full',
  gender: 'female',
  ethnicity: '03',
  birthDate: '1990-06-16',
  education: '21',
  workPost: '0212',
  admittedOn: '2015-07-01',
  category: 'employed',
  isMobile: false,
  isHardship: true,
};

describe('ageBand (党内统计公报 bands)', () => {
  it.each([
    [18, '30_below'],
    [30, '30_below'],
    [31, '31_35'],
    [35, '31_35'],
    [36, '36_40'],
    [60, '56_60'],
    [61, '61_above'],
    [99, '61_above'],
  ])('%i → %s', (age, band) => {
    expect(ageBand(age)).toBe(band);
  });
});

describe('memberKeys', () => {
  it('puts a member in exactly one value of every dimension', () => {
    expect(memberKeys(base, TODAY).sort()).toEqual(
      [
        'member_count',
        'status_full',
        'gender_female',
        'ethnicity_minority',
        'age_31_35',
        'education_undergraduate',
        'work_post_institution_professional',
        'admitted_since_18th_congress',
        'category_employed',
        'hardship',
      ].sort(),
    );
  });

  it('counts age as of the day asked: 35 the day before the 36th birthday', () => {
    expect(memberKeys(base, TODAY)).toContain('age_31_35');
    expect(memberKeys(base, '2026-06-16')).toContain('age_36_40');
  });

  it('counts unknown values as unknown, never as a guess', () => {
    const bare = { ...base, ethnicity: null, birthDate: null, education: null, workPost: null };
    expect(memberKeys(bare, TODAY)).toEqual(
      expect.arrayContaining(['ethnicity_unknown', 'age_unknown', 'education_unknown', 'work_post_unknown']),
    );
  });

  it('leaves members off the roster out', () => {
    expect(memberKeys({ ...base, status: 'left' }, TODAY)).toEqual([]);
    expect(memberKeys({ ...base, status: 'transferred_out' }, TODAY)).toEqual([]);
    expect(memberKeys({ ...base, status: 'suspended' }, TODAY)).toContain('status_suspended');
  });
});

describe('rosterDelta', () => {
  it('moves a member between orgs as −1 in one and +1 in the other', () => {
    const delta = rosterDelta(base, { ...base, orgId: 8 }, TODAY);
    expect(delta.get(7)?.member_count).toBe(-1);
    expect(delta.get(8)?.member_count).toBe(1);
  });

  it('changes only the keys that changed', () => {
    const delta = rosterDelta(base, { ...base, isHardship: false }, TODAY);
    expect(delta).toEqual(new Map([[7, { hardship: -1 }]]));
  });

  it('is empty when nothing counted changed', () => {
    expect(rosterDelta(base, { ...base }, TODAY).size).toBe(0);
  });
});

describe('bandChangingBirthDates', () => {
  it('lists the births that reach 31, 36 … 61 that day', () => {
    expect(bandChangingBirthDates('2026-06-15')).toEqual([
      '1965-06-15',
      '1970-06-15',
      '1975-06-15',
      '1980-06-15',
      '1985-06-15',
      '1990-06-15',
      '1995-06-15',
    ]);
  });

  it('moves 29 February births on 1 March of a common year', () => {
    expect(bandChangingBirthDates('2027-03-01')).toContain('1996-02-29');
    expect(bandChangingBirthDates('2027-02-28')).not.toContain('1996-02-29');
    expect(bandChangingBirthDates('2028-02-29')).toContain('1992-02-29');
  });

  it('agrees with recomputing the bands: shifting day by day equals aggregating as of the last day', () => {
    const birth = fc.integer({ min: 0, max: 365 * 90 }).map((n) => addDays('1930-01-01', n));
    fc.assert(
      fc.property(fc.array(birth, { maxLength: 40 }), fc.integer({ min: 1, max: 800 }), (births, span) => {
        const members = births.map((birthDate) => ({ ...base, birthDate }));
        const start = '2026-01-01';
        const rollup = aggregate(members, start);
        for (let day = addDays(start, 1); day <= addDays(start, span); day = addDays(day, 1)) {
          const moving = new Set(bandChangingBirthDates(day));
          for (const m of members.filter((x) => moving.has(x.birthDate))) {
            for (const [, v] of rosterDelta({ ...m }, null, addDays(day, -1))) {
              for (const [k, n] of Object.entries(v))
                rollup[k as keyof typeof rollup] = (rollup[k as keyof typeof rollup] ?? 0) + n;
            }
            for (const k of memberKeys(m, day)) rollup[k] = (rollup[k] ?? 0) + 1;
          }
        }
        const nonZero = Object.fromEntries(Object.entries(rollup).filter(([, n]) => n !== 0));
        expect(nonZero).toEqual(aggregate(members, addDays(start, span)));
      }),
      { numRuns: 30 },
    );
  });
});
