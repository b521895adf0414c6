import { describe, expect, it } from 'vitest';
import { letterAge, letterStanding, letterValidityDays } from './transfer-letter.ts';

describe('the printed 介绍信 (docs/official-forms.md §11)', () => {
  it('states 正式党员 only when confirmed on or before the issue date', () => {
    expect(letterStanding('2020-07-01', '2026-03-01')).toBe('full');
    expect(letterStanding('2026-03-01', '2026-03-01')).toBe('full');
    expect(letterStanding('2026-03-02', '2026-03-01')).toBe('probationary');
    expect(letterStanding(null, '2026-03-01')).toBe('probationary');
  });

  it('counts the validity in days from the issue date to the last valid date', () => {
    expect(letterValidityDays('2026-01-01', '2026-04-01')).toBe(90);
    expect(letterValidityDays('2026-03-01', '2026-03-31')).toBe(30);
    expect(letterValidityDays('2026-03-01', '2026-03-01')).toBe(0);
  });

  it('gives the age in completed years on the issue date, or none without a birth date', () => {
    expect(letterAge('1990-03-02', '2026-03-01')).toBe(35);
    expect(letterAge('1990-03-01', '2026-03-01')).toBe(36);
    expect(letterAge(null, '2026-03-01')).toBeNull();
  });
});
