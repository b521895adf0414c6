import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import {
  complianceStateFromSearch,
  figuresText,
  parsePeriod,
  periodKey,
  rateBand,
  rateText,
  searchFromComplianceState,
  withUnit,
} from './compliance-query.ts';

const figures = { rate: 0.75, checks: 4, met: 3, missing: 1, notClosed: 0, due: 0 };

describe('the period of the dashboard', () => {
  it('writes and reads the API’s keys', () => {
    for (const key of ['2026', '2026-Q3', '2026-09', '2025-12'])
      expect(periodKey(parsePeriod(key) as never)).toBe(key);
    expect(parsePeriod('2026-Q5')).toBeUndefined();
    expect(parsePeriod('2026-13')).toBeUndefined();
    expect(parsePeriod(null)).toBeUndefined();
  });

  it('keeps the part of the year when the unit changes', () => {
    const august = { unit: 'month', year: 2026, index: 8 } as const;
    expect(withUnit(august, 'quarter')).toEqual({ unit: 'quarter', year: 2026, index: 3 });
    expect(withUnit({ unit: 'quarter', year: 2026, index: 3 }, 'month')).toEqual({
      unit: 'month',
      year: 2026,
      index: 7,
    });
    expect(withUnit(august, 'year')).toEqual({ unit: 'year', year: 2026, index: 1 });
  });

  it('opens on the current quarter and the user’s org, and round-trips through the URL', () => {
    const today = dayjs('2026-12-05');
    expect(complianceStateFromSearch(new URLSearchParams(''), today)).toEqual({
      period: { unit: 'quarter', year: 2026, index: 4 },
    });
    const state = { orgId: 12, period: { unit: 'month' as const, year: 2026, index: 3 } };
    const search = searchFromComplianceState(state);
    expect(search.toString()).toBe('orgId=12&period=2026-03');
    expect(complianceStateFromSearch(search, today)).toEqual(state);
    expect(complianceStateFromSearch(new URLSearchParams('orgId=x&period=bad'), today)).toEqual({
      period: { unit: 'quarter', year: 2026, index: 4 },
    });
  });
});

describe('the figures of a cell', () => {
  it('bands the rate and says it in words', () => {
    expect([1, 0.85, 0.6, 0.2, null].map(rateBand)).toEqual(['full', 'high', 'mid', 'low', 'none']);
    expect(rateText(0.756)).toBe('76%');
    expect(rateText(null)).toBe('—');
    expect(figuresText(figures)).toBe('达标率 75%，考核 4 项，达标 3 项，未达要求 1 项');
    expect(figuresText({ ...figures, rate: null, checks: 0, met: 0, missing: 0, due: 2 })).toBe(
      '尚无到期的考核要求，即将到期 2 项',
    );
  });
});
