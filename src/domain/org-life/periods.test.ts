import { describe, expect, it } from 'vitest';
import {
  type Cadence,
  type CompliancePeriod,
  daysLeft,
  isReminderDue,
  parsePeriodKey,
  periodContaining,
  periodEnd,
  periodKey,
  periodLabel,
  periodStart,
  periodsOf,
  periodsWithin,
} from './periods.ts';

describe('period boundaries', () => {
  it.each<[CompliancePeriod, string, string]>([
    [{ year: 2026, quarter: 1 }, '2026-01-01', '2026-03-31'],
    [{ year: 2026, quarter: 2 }, '2026-04-01', '2026-06-30'],
    [{ year: 2026, quarter: 3 }, '2026-07-01', '2026-09-30'],
    [{ year: 2026, quarter: 4 }, '2026-10-01', '2026-12-31'],
    [{ year: 2024, month: 2 }, '2024-02-01', '2024-02-29'],
    [{ year: 2026, month: 2 }, '2026-02-01', '2026-02-28'],
    [{ year: 2026, month: 12 }, '2026-12-01', '2026-12-31'],
    [{ year: 2026 }, '2026-01-01', '2026-12-31'],
  ])('%o runs %s – %s', (period, start, end) => {
    expect(periodStart(period)).toBe(start);
    expect(periodEnd(period)).toBe(end);
  });

  it.each<CompliancePeriod>([
    { year: 2026, quarter: 5 },
    { year: 2026, month: 0 },
    { year: 2026, month: 13 },
  ])('refuses %o', (period) => {
    expect(() => periodStart(period)).toThrow();
  });
});

describe('periodContaining', () => {
  it.each<[string, Cadence, CompliancePeriod]>([
    ['2026-03-31', 'quarter', { year: 2026, quarter: 1 }],
    ['2026-04-01', 'quarter', { year: 2026, quarter: 2 }],
    ['2026-12-31', 'quarter', { year: 2026, quarter: 4 }],
    ['2026-07-15', 'month', { year: 2026, month: 7 }],
    ['2026-07-15', 'year', { year: 2026 }],
  ])('%s in %s → %o', (date, cadence, period) => {
    expect(periodContaining(date, cadence)).toEqual(period);
  });
});

describe('periodsOf and periodsWithin', () => {
  it('lists the quarters of a range across a year end', () => {
    expect(periodsOf('2025-11-20', '2026-04-01', 'quarter').map(periodKey)).toEqual([
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
    ]);
  });

  it('lists nothing for an inverted range', () => {
    expect(periodsOf('2026-02-01', '2026-01-01', 'month')).toEqual([]);
  });

  it.each<[CompliancePeriod, Cadence, string[]]>([
    [{ year: 2026, quarter: 2 }, 'month', ['2026-04', '2026-05', '2026-06']],
    [{ year: 2026, quarter: 2 }, 'quarter', ['2026-Q2']],
    [{ year: 2026, quarter: 2 }, 'year', []],
    [{ year: 2026, month: 5 }, 'quarter', []],
    [{ year: 2026 }, 'quarter', ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']],
  ])('%o holds the %s periods %o', (period, cadence, keys) => {
    expect(periodsWithin(period, cadence).map(periodKey)).toEqual(keys);
  });
});

describe('days left and the reminder (15 days, CFG)', () => {
  it.each<[string, number, boolean]>([
    ['2026-03-15', 16, false],
    ['2026-03-16', 15, true],
    ['2026-03-31', 0, true],
    ['2026-04-01', -1, false],
  ])('on %s: %i days left, reminder %s', (today, left, due) => {
    const q1 = { year: 2026, quarter: 1 };
    expect(daysLeft(q1, today)).toBe(left);
    expect(isReminderDue(q1, today, 15)).toBe(due);
  });
});

describe('keys and labels', () => {
  it.each<[CompliancePeriod, string, string]>([
    [{ year: 2026, month: 3 }, '2026-03', '2026年3月'],
    [{ year: 2026, quarter: 4 }, '2026-Q4', '2026年第四季度'],
    [{ year: 2026 }, '2026', '2026年'],
  ])('%o ↔ %s (%s)', (period, key, label) => {
    expect(periodKey(period)).toBe(key);
    expect(parsePeriodKey(key)).toEqual(period);
    expect(periodLabel(period)).toBe(label);
  });

  it.each(['2026-Q5', '2026-13', '2026-3', 'Q1', '0000'])('refuses the key %s', (key) => {
    expect(parsePeriodKey(key)).toBeNull();
  });
});
