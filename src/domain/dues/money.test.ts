import { describe, expect, it } from 'vitest';
import { formatRate, formatYuan, parseYuan } from './money.ts';
import { addMonths, monthEnd, monthRange, monthsBetween } from './months.ts';

describe('money in 分 (docs/dues.md §0)', () => {
  it.each([
    ['0.29', 29],
    ['1,234.5', 123_450],
    ['3000', 300_000],
    ['3000.01', 300_001],
    ['-12.30', -1_230],
  ])('parses %s 元 as %i 分, never through a float', (text, fen) => {
    expect(parseYuan(text)).toBe(fen);
  });

  it.each(['', '1.234', 'abc', '1e3', '12.'])('refuses %j', (text) => {
    expect(parseYuan(text)).toBeNull();
  });

  it('prints 分 as 元', () => {
    expect(formatYuan(123_456_789)).toBe('1,234,567.89');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(-1_230)).toBe('-12.30');
    expect(formatRate(50)).toBe('0.5%');
    expect(formatRate(150)).toBe('1.5%');
  });
});

describe('dues months', () => {
  it('counts across years', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthsBetween('2025-11', '2026-02')).toBe(3);
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthRange('2026-02', '2026-01')).toEqual([]);
    expect(monthEnd('2028-02')).toBe('2028-02-29');
  });
});
