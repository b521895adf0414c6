import { describe, expect, it } from 'vitest';
import { ageOn, checkAdmissionAge } from './age.ts';

describe('ageOn (completed years)', () => {
  it.each([
    ['2000-02-29', '2001-02-28', 0],
    ['2000-02-29', '2001-03-01', 1],
    ['2000-02-29', '2004-02-28', 3],
    ['2000-02-29', '2004-02-29', 4],
    ['1990-06-15', '2026-06-14', 35],
    ['1990-06-15', '2026-06-15', 36],
    ['1990-12-31', '1991-01-01', 0],
    ['1990-01-01', '1990-12-31', 0],
    ['1990-01-01', '1990-01-01', 0],
    ['1990-01-02', '1990-01-01', -1],
  ])('born %s, on %s → %i', (birthDate, day, age) => {
    expect(ageOn(birthDate, day)).toBe(age);
  });

  it('throws on a malformed date', () => {
    expect(() => ageOn('1990-02-30', '2026-01-01')).toThrow();
  });
});

describe('checkAdmissionAge (党章第一条)', () => {
  it.each<[string, string, boolean]>([
    ['2008-05-20', '2026-05-20', true],
    ['2008-05-20', '2026-05-19', false],
    ['2008-02-29', '2026-02-28', false],
    ['2008-02-29', '2026-03-01', true],
    ['1950-01-01', '1980-07-01', true],
    ['2010-01-01', '2026-11-01', false],
  ])('born %s, admitted %s → %s', (birthDate, admittedOn, ok) => {
    const d = checkAdmissionAge(birthDate, admittedOn);
    expect(d.ok).toBe(ok);
    if (!d.ok) {
      expect(d).toMatchObject({ reason: 'admission_under_18', article: '党章第一条' });
      expect(d.message).toMatch(/十八/);
    }
  });
});
