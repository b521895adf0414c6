import { describe, expect, it } from 'vitest';
import { MEMBER_CATEGORIES } from '../membership/index.ts';
import { BASE_MISSING_ARTICLE, baseMissingFinding, needsBase } from './base-missing.ts';
import { bracketsFor, DEFAULT_DUES_RULES } from './rules.ts';

describe('未核定基数 (docs/dues.md §8)', () => {
  it('asks a base of exactly the categories that take a share of one', () => {
    for (const category of MEMBER_CATEGORIES)
      expect(needsBase(category), category).toBe(bracketsFor(DEFAULT_DUES_RULES, category) !== null);
    expect(needsBase('farmer')).toBe(false);
    expect(needsBase('retired')).toBe(true);
  });

  it('gives no to-do without members', () => {
    expect(baseMissingFinding('2026-06', { count: 0, names: [] })).toBeNull();
  });

  it('names the first five members, then 等, with the month as its date', () => {
    const members = { count: 6, names: ['甲', '乙', '丙', '丁', '戊', '己'] };
    expect(baseMissingFinding('2026-06', members)).toEqual({
      kind: 'dues_base_missing',
      severity: 'warning',
      message:
        '6名党员未核定党费计算基数（甲、乙、丙、丁、戊等），2026年6月应缴党费无法计算，请在“党费基数”中按其收入核定',
      article: BASE_MISSING_ARTICLE,
      date: '2026-06-01',
      days: null,
    });
    expect(baseMissingFinding('2026-12', { count: 1, names: ['甲'] })?.message).toBe(
      '1名党员未核定党费计算基数（甲），2026年12月应缴党费无法计算，请在“党费基数”中按其收入核定',
    );
    // More members than names given: still 等.
    expect(baseMissingFinding('2026-06', { count: 9, names: ['甲', '乙'] })?.message).toMatch(
      /^9名.*（甲、乙等）/,
    );
  });
});
