import { describe, expect, it } from 'vitest';
import { generateIdNumber } from './id-number.ts';
import { checkPersonFields, checkPhones, type PersonFieldsInput } from './person-rules.ts';

const TODAY = '2026-06-15';
/** 1985-04-12, sequence 123: odd, a man. */
const MAN = generateIdNumber({ provinceAndCounty: '110105', birthDate: '1985-04-12', sequence: 123 });
const LEGACY_WOMAN = '110105850412124';

describe('checkPersonFields: identity from the ID number (GB 11643)', () => {
  it('derives birth date and gender from the number', () => {
    expect(checkPersonFields({ idNumber: MAN.toLowerCase() }, TODAY)).toMatchObject({
      ok: true,
      idNumber: MAN.toUpperCase(),
      birthDate: '1985-04-12',
      gender: 'male',
      warnings: [],
    });
  });

  it('accepts agreeing values and a legacy 15-digit number with a warning', () => {
    expect(checkPersonFields({ idNumber: MAN, birthDate: '1985-04-12', gender: 'male' }, TODAY).ok).toBe(
      true,
    );
    expect(checkPersonFields({ idNumber: LEGACY_WOMAN }, TODAY)).toMatchObject({
      ok: true,
      gender: 'female',
      warnings: [{ reason: 'id_legacy_15' }],
    });
  });

  it.each<[string, PersonFieldsInput, string, string]>([
    [
      'a wrong check character',
      { idNumber: `${MAN.slice(0, 17)}${MAN[17] === '0' ? '1' : '0'}` },
      'idNumber',
      'id_check_character',
    ],
    ['an impossible date', { idNumber: '110105199902300012' }, 'idNumber', 'id_birth_date'],
    [
      'a birth date the number contradicts',
      { idNumber: MAN, birthDate: '1985-04-13' },
      'birthDate',
      'id_birth_date_mismatch',
    ],
    ['a gender the number contradicts', { idNumber: MAN, gender: 'female' }, 'gender', 'id_gender_mismatch'],
    ['neither ID number nor birth date', { gender: 'male' }, 'birthDate', 'birth_date_required'],
    ['no ID number and no gender', { birthDate: '1980-01-01' }, 'gender', 'gender_required'],
    [
      'a birth date in the future',
      { birthDate: '2026-06-16', gender: 'male' },
      'birthDate',
      'birth_date_out_of_range',
    ],
    ['an unknown ethnicity code', { idNumber: MAN, ethnicity: '57' }, 'ethnicity', 'code_unknown'],
    ['an unknown education code', { idNumber: MAN, education: '3' }, 'education', 'code_unknown'],
    ['an unknown work-post code', { idNumber: MAN, workPost: '9999' }, 'workPost', 'code_unknown'],
    [
      'a mobile of 10 digits',
      { idNumber: MAN, phoneMobile: '1381234123' },
      'phoneMobile',
      'phone_mobile_invalid',
    ],
    [
      'a landline without area code',
      { idNumber: MAN, phoneLandline: '12345678' },
      'phoneLandline',
      'phone_landline_invalid',
    ],
  ])('refuses %s, naming the field', (_what, input, field, reason) => {
    expect(checkPersonFields(input, TODAY)).toMatchObject({ ok: false, field, denial: { reason } });
  });
});

describe('checkPersonFields: codes and phones', () => {
  it('reads codes alone or as 代码 名称, and normalizes phones', () => {
    const checked = checkPersonFields(
      {
        birthDate: '1980-01-01',
        gender: 'female',
        ethnicity: '03 回族',
        education: '1a',
        workPost: '0212',
        phoneMobile: '+86 138 1234 5678',
        phoneLandline: '(010)12345678',
      },
      TODAY,
    );
    expect(checked).toMatchObject({
      ok: true,
      idNumber: null,
      ethnicity: '03',
      education: '1A',
      workPost: '0212',
      phoneMobile: '13812345678',
      phoneLandline: '010-12345678',
    });
  });

  it('checks phones alone for self-service', () => {
    expect(checkPhones({ phoneMobile: '138-1234-5678', phoneLandline: null })).toEqual({
      ok: true,
      phoneMobile: '13812345678',
      phoneLandline: null,
    });
    expect(checkPhones({ phoneMobile: '12345' })).toMatchObject({ ok: false, field: 'phoneMobile' });
  });
});
