import { describe, expect, it } from 'vitest';
import {
  EDUCATION_BANDS,
  EDUCATIONS,
  type EducationCode,
  educationBand,
  isCollegeOrAbove,
} from './education.ts';

describe('学历 bands (党统 T4)', () => {
  it('puts every code in exactly one band', () => {
    const banded = EDUCATION_BANDS.flatMap((b) => b.codes);
    expect([...banded].sort()).toEqual(EDUCATIONS.map((e) => e.code).sort());
  });

  it.each<[EducationCode, string, boolean]>([
    ['11', 'postgraduate', true],
    ['1A', 'postgraduate', true],
    ['1B', 'postgraduate', true],
    ['21', 'undergraduate', true],
    ['24', 'undergraduate', true],
    ['2B', 'undergraduate', true],
    ['22', 'junior_college', true],
    // 大学普通班 (1970–1976 intakes) is 大学专科 in the statistics, not 大学本科.
    ['23', 'junior_college', true],
    ['2C', 'junior_college', true],
    ['2D', 'junior_college', true],
    ['41', 'secondary_specialized', false],
    ['44', 'high_school', false],
    ['47', 'high_school', false],
    ['6', 'high_school', false],
    ['7', 'junior_high_or_below', false],
    ['8', 'junior_high_or_below', false],
    ['9', 'junior_high_or_below', false],
  ])('%s → %s, 大专及以上 %s', (code, band, college) => {
    expect(educationBand(code)).toBe(band);
    expect(isCollegeOrAbove(code)).toBe(college);
  });

  it('labels the bands as the 党统 columns do', () => {
    expect(EDUCATION_BANDS.map((b) => b.label)).toEqual([
      '研究生',
      '大学本科',
      '大学专科',
      '中专',
      '高中、中技',
      '初中及以下',
    ]);
  });

  it('keeps the template groups', () => {
    expect(EDUCATIONS.filter((e) => e.group === '1')).toHaveLength(5);
    expect(EDUCATIONS.filter((e) => e.group === '2')).toHaveLength(8);
    expect(EDUCATIONS.filter((e) => e.group === '4')).toHaveLength(3);
    expect(EDUCATIONS.filter((e) => e.group === null).map((e) => e.code)).toEqual(['6', '7', '8', '9']);
  });
});
