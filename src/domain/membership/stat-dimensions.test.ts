import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn } from '../people/index.ts';
import { addDays } from '../shared/index.ts';
import { ageBand, aggregate, bandStartBirthDates, STAT_KEYS, type StatsMember } from './member-stats.ts';
import { breakdown, childFigures, STAT_DIMENSIONS, type StatDimension } from './stat-dimensions.ts';

const member: StatsMember = {
  orgId: 1,
  status: 'full',
  gender: 'female',
  ethnicity: '03',
  birthDate: '1990-06-16',
  education: '22',
  workPost: '502',
  admittedOn: '2015-07-01',
  category: 'retired',
  isMobile: true,
  isHardship: false,
};

describe('STAT_DIMENSIONS', () => {
  it('shows every rollup key exactly once, besides the total, 停止党籍 (beside it) and the two flags', () => {
    const shown = Object.values(STAT_DIMENSIONS).flatMap((d) => d.map((b) => b.statKey));
    expect(new Set(shown).size).toBe(shown.length);
    expect([...shown, 'member_count', 'status_suspended', 'mobile', 'hardship'].sort()).toEqual(
      [...STAT_KEYS].sort(),
    );
  });

  it('leaves 停止党籍 members out of 党员总数 and of every dimension, as their own figure (docs/membership.md §1)', () => {
    const v = aggregate(
      [
        member,
        { ...member, status: 'suspended' },
        { ...member, status: 'unreachable' },
        { ...member, status: 'deceased' },
      ],
      '2026-06-15',
    );
    expect(v.member_count).toBe(2);
    expect(v.status_suspended).toBe(1);
    for (const d of Object.keys(STAT_DIMENSIONS) as StatDimension[]) {
      expect(breakdown(v, d).reduce((n, b) => n + b.count, 0)).toBe(2);
    }
    expect(breakdown(v, 'status').map((b) => b.label)).toEqual(['预备党员', '正式党员', '失联党员']);
  });

  it('adds up to the member count in every dimension', () => {
    const v = aggregate(
      [member, { ...member, ethnicity: null, birthDate: null, education: null }],
      '2026-06-15',
    );
    for (const d of Object.keys(STAT_DIMENSIONS) as StatDimension[]) {
      expect(breakdown(v, d).reduce((n, b) => n + b.count, 0)).toBe(2);
    }
    expect(breakdown(v, 'ethnicity').map((b) => b.label)).toEqual(['汉族', '少数民族', '其他', '未知']);
    expect(breakdown(v, 'ageBand')[0]).toEqual({ key: '30_below', label: '30岁及以下', count: 0 });
  });

  it('derives the key figures of a child (大专及以上, 35岁及以下)', () => {
    expect(childFigures(aggregate([member], '2026-06-15'))).toEqual({
      memberCount: 1,
      full: 1,
      probationary: 0,
      female: 1,
      minority: 1,
      collegeOrAbove: 1,
      age35OrBelow: 1,
      retired: 1,
      mobile: 1,
      hardship: 0,
    });
  });
});

describe('bandStartBirthDates', () => {
  it('agrees with ageOn: born on or before the bound ⇔ the band start reached', () => {
    const day = fc.integer({ min: 0, max: 40_000 }).map((d) => addDays('1960-01-01', d));
    fc.assert(
      fc.property(day, fc.integer({ min: -3, max: 3 }), (asOf, off) => {
        for (const { age, bornOnOrBefore } of bandStartBirthDates(asOf)) {
          const birth = addDays(bornOnOrBefore, off);
          expect(ageOn(birth, asOf) >= age).toBe(birth <= bornOnOrBefore);
        }
      }),
    );
  });

  it('handles 29 February on both sides', () => {
    const [at31] = bandStartBirthDates('2027-03-01');
    expect(at31).toEqual({ age: 31, bornOnOrBefore: '1996-03-01' });
    expect(ageBand(ageOn('1996-02-29', '2027-02-28'))).toBe('30_below');
    expect(bandStartBirthDates('2028-02-29')[0]).toEqual({ age: 31, bornOnOrBefore: '1997-02-28' });
  });
});
