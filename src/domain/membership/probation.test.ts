import { describe, expect, it } from 'vitest';
import { admittedWithoutProbation, initialProbationEnd, probationEndOf } from './probation.ts';

describe('预备期 (党章第七条)', () => {
  it.each<[string, string]>([
    ['2025-06-01', '2026-06-01'],
    ['2024-02-29', '2025-02-28'],
  ])('admitted %s, the year ends %s', (admitted, end) => {
    expect(probationEndOf(admitted)).toBe(end);
  });

  it.each<[string, boolean]>([
    ['1969-03-31', false],
    ['1969-04-01', true],
    ['1977-08-11', true],
    ['1977-08-12', false],
  ])('admitted %s without a 预备期: %s', (admitted, without) => {
    expect(admittedWithoutProbation(admitted)).toBe(without);
  });

  it.each<[string, string | null, string | null]>([
    ['2025-06-01', null, '2026-06-01'],
    ['2010-06-01', '2011-06-01', '2011-06-01'],
    ['1975-03-01', '1975-03-01', null],
    ['1975-03-01', '1976-03-01', '1976-03-01'],
  ])('admitted %s, confirmed %s: probation ends %s', (admitted, confirmed, end) => {
    expect(initialProbationEnd(admitted, confirmed)).toBe(end);
  });
});
