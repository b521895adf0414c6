import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, daysBetween, formatChineseDate, isIsoDate } from './dates.ts';

describe('isIsoDate', () => {
  it.each([
    ['2026-02-28', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['1999-02-30', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['20260101', false],
  ])('%s → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('calendar arithmetic', () => {
  it.each([
    ['2021-03-15', 5, '2026-03-15'],
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
  ])('addYears(%s, %i) = %s', (from, years, expected) => {
    expect(addYears(from, years)).toBe(expected);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-06-15', 6, '2026-12-15'],
    ['2026-06-15', -6, '2025-12-15'],
    ['2026-11-30', 3, '2027-02-28'],
  ])('addMonths(%s, %i) = %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });

  it('addDays and daysBetween are inverse', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20000, max: 20000 }), (n) => {
        expect(daysBetween('2000-01-01', addDays('2000-01-01', n))).toBe(n);
      }),
    );
  });

  it('formats dates for documents as YYYY年M月D日', () => {
    expect(formatChineseDate('2026-03-05')).toBe('2026年3月5日');
  });
});
