import { describe, expect, it } from 'vitest';
import { generateIdNumber } from '../../../domain/people/index.ts';
import { idFeedback, normalizeIdInput } from './id-autofill.ts';

const TODAY = '2026-06-30';
const female = generateIdNumber({ provinceAndCounty: '110105', birthDate: '1988-02-29', sequence: 2 });
const male = generateIdNumber({ provinceAndCounty: '440305', birthDate: '2001-12-31', sequence: 137 });

/** The same number with its check character replaced by another valid one. */
function withWrongCheck(id: string): string {
  const wrong = id.endsWith('0') ? '1' : '0';
  return id.slice(0, 17) + wrong;
}

describe('ID number autofill', () => {
  it('derives birth date and gender from a valid 18-digit number', () => {
    expect(idFeedback(female, TODAY)).toMatchObject({
      state: 'valid',
      birthDate: '1988-02-29',
      gender: 'female',
      legacy: false,
    });
    expect(idFeedback(male, TODAY)).toMatchObject({
      state: 'valid',
      birthDate: '2001-12-31',
      gender: 'male',
    });
  });

  it('accepts a pasted number with spaces and a lower-case x', () => {
    const withX = generateIdNumber({ provinceAndCounty: '110105', birthDate: '1990-01-01', sequence: 1 });
    const spaced = `${withX.slice(0, 6)} ${withX.slice(6, 14)}\u3000${withX.slice(14).toLowerCase()}`;
    expect(normalizeIdInput(spaced)).toBe(withX);
    expect(idFeedback(spaced, TODAY).state).toBe('valid');
  });

  it('says nothing wrong while a consistent number is being typed', () => {
    expect(idFeedback('', TODAY)).toEqual({ state: 'empty' });
    expect(idFeedback('1101', TODAY)).toEqual({ state: 'typing', message: '已输入 4/18 位' });
    expect(idFeedback(female.slice(0, 17), TODAY).state).toBe('typing');
  });

  it('does not take the first 15 digits of an 18-digit number for a legacy number while typing', () => {
    const partial = generateIdNumber({
      provinceAndCounty: '110105',
      birthDate: '2005-01-01',
      sequence: 3,
    }).slice(0, 15);
    expect(idFeedback(partial, TODAY).state).toBe('typing');
  });

  it('flags what is already wrong, before the number is complete', () => {
    expect(idFeedback('99', TODAY)).toMatchObject({
      state: 'invalid',
      message: expect.stringContaining('省级'),
    });
    expect(idFeedback('11010519991', TODAY).state).toBe('typing');
    expect(idFeedback('1101051999023', TODAY).state).toBe('typing');
    expect(idFeedback('1101051999023012', TODAY)).toMatchObject({
      state: 'invalid',
      message: expect.stringContaining('出生日期'),
    });
    expect(idFeedback('11010X', TODAY).state).toBe('invalid');
    expect(idFeedback(`${female}1`, TODAY).state).toBe('invalid');
  });

  it('refuses a wrong check character and a birth date after today', () => {
    expect(idFeedback(withWrongCheck(female), TODAY)).toMatchObject({
      state: 'invalid',
      message: expect.stringContaining('校验码'),
    });
    const future = generateIdNumber({ provinceAndCounty: '110105', birthDate: '2026-07-01', sequence: 5 });
    expect(idFeedback(future, TODAY)).toMatchObject({
      state: 'invalid',
      message: expect.stringContaining('晚于今天'),
    });
  });

  it('takes a 15-digit legacy number on leaving the field, with a warning', () => {
    expect(idFeedback('110105800101123', TODAY, { final: true })).toMatchObject({
      state: 'valid',
      birthDate: '1980-01-01',
      gender: 'male',
      legacy: true,
      warning: expect.stringContaining('15位'),
    });
    expect(idFeedback('1101058001011', TODAY, { final: true })).toMatchObject({ state: 'invalid' });
  });
});
