import { describe, expect, it } from 'vitest';
import { ETHNICITIES, type EthnicityCode, ethnicityKind, isMinority } from './ethnicity.ts';

describe('民族 (GB 3304 order, 2017 template extras)', () => {
  it('numbers the 56 民族 01…56 in order, then 91 and 92', () => {
    const codes = ETHNICITIES.map((e) => e.code);
    expect(codes.slice(0, 56)).toEqual(Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(codes.slice(56)).toEqual(['91', '92']);
  });

  it.each<[EthnicityCode, string]>([
    ['01', '汉族'],
    ['05', '维吾尔族'],
    ['10', '朝鲜族'],
    ['23', '高山族'],
    ['29', '柯尔克孜族'],
    ['43', '乌孜别克族'],
    ['56', '基诺族'],
    ['91', '其他族'],
    ['92', '外国血统'],
  ])('%s is %s', (code, name) => {
    expect(ETHNICITIES.find((e) => e.code === code)?.name).toBe(name);
  });
});

describe('isMinority and ethnicityKind', () => {
  it.each<[EthnicityCode, boolean, string]>([
    ['01', false, 'han'],
    ['02', true, 'minority'],
    ['11', true, 'minority'],
    ['56', true, 'minority'],
    ['91', false, 'other'],
    ['92', false, 'other'],
  ])('%s → minority %s (%s)', (code, minority, kind) => {
    expect(isMinority(code)).toBe(minority);
    expect(ethnicityKind(code)).toBe(kind);
  });

  it('counts exactly 55 少数民族', () => {
    expect(ETHNICITIES.filter((e) => isMinority(e.code))).toHaveLength(55);
  });
});
