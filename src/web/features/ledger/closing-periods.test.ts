import { describe, expect, it } from 'vitest';
import { closablePeriodEnds, periodEndLabel, periodIsClosed } from './closing-periods.ts';

describe('the periods a 关账 may close', () => {
  it('offers the ended half-years and years after the last closed end, newest first', () => {
    expect(closablePeriodEnds('2026-06-15', null)).toEqual(['2025-12-31', '2025-06-30', '2024-12-31']);
    expect(closablePeriodEnds('2026-07-01', '2025-12-31')).toEqual(['2026-06-30']);
    expect(closablePeriodEnds('2026-06-30', '2025-12-31')).toEqual([]);
  });

  it('names them and tells whether a period shown is closed', () => {
    expect(periodEndLabel('2025-12-31')).toBe('2025年度');
    expect(periodEndLabel('2026-06-30')).toBe('2026年上半年');
    expect(periodIsClosed({ from: '2025-01-01', to: '2025-12-31' }, '2025-12-31')).toBe(true);
    expect(periodIsClosed({ from: '2025-07-01', to: '2026-01-31' }, '2025-12-31')).toBe(false);
    expect(periodIsClosed({ from: '2025-01-01', to: '2025-06-30' }, null)).toBe(false);
  });
});
