import { describe, expect, it } from 'vitest';
import { monthlyDues, percentageDues } from './rates.ts';
import { type DuesRuleSet, DEFAULT_DUES_RULES as RULES } from './rules.ts';

const employed = (base: number) => monthlyDues('employed', base, RULES);
const retired = (base: number) => monthlyDues('retired', base, RULES);

describe('monthly dues on a base (docs/dues.md §3; 中组发〔2008〕3号 第二、五条)', () => {
  it.each([
    // base 分, rate bp, amount 分 — every boundary and the cent after it: upper bounds are inclusive.
    [0, 50, 0],
    [100, 50, 1], // 1 元 × 0.5% = 0.5 分 → 1 分 (half up)
    [299_999, 50, 1_500], // 2,999.99 × 0.5% = 14.99995 → 15.00
    [300_000, 50, 1_500], // 3,000.00 → 0.5% → 15.00
    [300_001, 100, 3_000], // 3,000.01 → 1% on the whole base → 30.0001 → 30.00 (the cliff)
    [500_000, 100, 5_000],
    [500_001, 150, 7_500],
    [1_000_000, 150, 15_000],
    [1_000_001, 200, 20_000],
    [2_345_678, 200, 46_914], // 23,456.78 × 2% = 469.1356 → 469.14
  ])('在职 base %i 分 → rate %i bp, %i 分 a month', (base, rateBp, amount) => {
    expect(employed(base)).toEqual({ kind: 'percentage', base, rateBp, amount });
  });

  it.each([
    [500_000, 50, 2_500], // 5,000.00 → 0.5%
    [500_001, 100, 5_000], // 5,000.01 → 1%
    [812_345, 100, 8_123], // 81.2345 → 81.23
  ])('离退休 base %i 分 → rate %i bp, %i 分', (base, rateBp, amount) => {
    expect(retired(base)).toEqual({ kind: 'percentage', base, rateBp, amount });
  });

  it('takes one rate on the whole base, never marginal bands', () => {
    // Marginal bands would give 15 + 20 + 75 + 0.02 = 110.02 元 on 10,000.01; the whole base at 2% is 200.00.
    expect(employed(1_000_001)).toMatchObject({ amount: 20_000 });
  });

  it('个体经营 and 其他 take the 在职 brackets on their previous quarter average (第四条)', () => {
    expect(monthlyDues('self_employed', 450_000, RULES)).toEqual(employed(450_000));
    expect(monthlyDues('other', 300_001, RULES)).toEqual(employed(300_001));
  });

  it.each(['farmer', 'student', 'unemployed', 'welfare'] as const)(
    '%s pays the flat amount whatever base is on record (第六条)',
    (category) => {
      expect(monthlyDues(category, null, RULES)).toEqual({ kind: 'flat', amount: 20 });
      expect(monthlyDues(category, 900_000, RULES)).toEqual({ kind: 'flat', amount: 20 });
    },
  );

  it('the province sets the 农民 amount (CFG)', () => {
    const province: DuesRuleSet = { ...RULES, flat: { ...RULES.flat, farmer: 100 } };
    expect(monthlyDues('farmer', null, province)).toEqual({ kind: 'flat', amount: 100 });
  });

  it('cannot charge a percentage category without a base', () => {
    expect(monthlyDues('employed', null, RULES)).toEqual({ kind: 'no_base' });
    expect(monthlyDues('retired', null, RULES)).toEqual({ kind: 'no_base' });
  });

  it.each([
    // base, unit, mode, amount: 4,321.00 × 1% = 43.21
    [432_100, 'fen', 'half_up', 4_321],
    [432_100, 'jiao', 'half_up', 4_320],
    [432_100, 'jiao', 'up', 4_330],
    [432_100, 'yuan', 'half_up', 4_300],
    [432_100, 'yuan', 'up', 4_400],
    [435_000, 'yuan', 'half_up', 4_400], // 43.50 → 44 (half up)
    [435_000, 'yuan', 'down', 4_300],
    [299_999, 'fen', 'down', 1_499], // 14.99995 → 14.99
  ] as const)('rounds %i by %s %s → %i (CFG, default to the 分 half up)', (base, unit, mode, amount) => {
    const brackets = RULES.brackets.employed;
    expect(percentageDues(base, brackets, { unit, mode }).amount).toBe(amount);
  });

  it('refuses a base that is not whole 分', () => {
    expect(() => percentageDues(12.5, RULES.brackets.employed, RULES.rounding)).toThrow(RangeError);
    expect(() => percentageDues(-1, RULES.brackets.employed, RULES.rounding)).toThrow(RangeError);
  });
});
