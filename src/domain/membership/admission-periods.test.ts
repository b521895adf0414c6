import { describe, expect, it } from 'vitest';
import { admissionPeriod } from './admission-periods.ts';

describe('admissionPeriod (党内统计公报 入党时间)', () => {
  it.each([
    ['1945-06-01', 'before_prc'],
    ['1949-09-30', 'before_prc'],
    ['1949-10-01', 'before_reform'],
    ['1978-12-31', 'before_reform'],
    ['1979-01-01', 'before_18th_congress'],
    ['2012-10-31', 'before_18th_congress'],
    ['2012-11-01', 'since_18th_congress'],
    ['2026-06-15', 'since_18th_congress'],
  ])('%s → %s', (date, period) => {
    expect(admissionPeriod(date)).toBe(period);
  });
});
