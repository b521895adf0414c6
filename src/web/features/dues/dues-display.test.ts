import { describe, expect, it } from 'vitest';
import { monthFromSearch, orgIdFromSearch, periodFromSearch, rateText, yuanText } from './dues-display.ts';

describe('dues figures on the pages', () => {
  it('prints 元 from 分 and the rate from basis points', () => {
    expect(yuanText(123_456)).toBe('1,234.56');
    expect(yuanText(5)).toBe('0.05');
    expect(rateText(7_818)).toBe('78.18%');
    expect(rateText(10_000)).toBe('100.00%');
    expect(rateText(5)).toBe('0.05%');
    expect(rateText(null)).toBe('—');
  });

  it('reads the month, the period and the org from the address, else today’s month', () => {
    expect(monthFromSearch('2026-07', '2026-12')).toBe('2026-07');
    expect(monthFromSearch('2026-7', '2026-12')).toBe('2026-12');
    expect(monthFromSearch(null, '2026-12')).toBe('2026-12');
    expect(periodFromSearch('2026', '2026-12')).toBe('2026');
    expect(periodFromSearch('2026-03', '2026-12')).toBe('2026-03');
    expect(periodFromSearch('1990', '2026-12')).toBe('2026-12');
    expect(orgIdFromSearch('12')).toBe(12);
    expect(orgIdFromSearch('x')).toBeUndefined();
    expect(orgIdFromSearch(null)).toBeUndefined();
  });
});
