import { describe, expect, it } from 'vitest';
import { HIDDEN, isSensitiveField, maskAddress, maskBirthDate, protectField } from './sensitive-fields.ts';

describe('protectField: the one list of sensitive fields', () => {
  it.each([
    ['passwordHash', '$argon2id$x', HIDDEN],
    ['token', 'jct_abc', HIDDEN],
    ['idNumber', '110105194912310021', HIDDEN],
    ['totpSecretEnc', 'v1:…', HIDDEN],
    ['phoneMobile', '13812345678', '138****5678'],
    ['phoneLandline', '010-87654321', '010-****4321'],
    ['address', '示例市甲区和平路12号3单元', '示例市甲区和****'],
    ['birthDate', '1970-05-06', '1970-**-**'],
    ['name', '张三', '张三'],
    ['orgId', 4, 4],
  ])('%s: %s → %s', (key, value, expected) => {
    expect(protectField(key, value)).toBe(expected);
  });

  it('keeps an absent value absent, so an edit that clears a phone still reads as cleared', () => {
    expect(protectField('phoneMobile', null)).toBeNull();
    expect(protectField('passwordHash', null)).toBeNull();
    expect(protectField('address', '')).toBe('');
  });

  it('names what is sensitive', () => {
    expect(['idNumber', 'phoneMobile', 'address', 'birthDate', 'passwordHash'].every(isSensitiveField)).toBe(
      true,
    );
    expect(isSensitiveField('name')).toBe(false);
  });
});

describe('masks', () => {
  it('keep the start of an address, at most half of it', () => {
    expect(maskAddress('和平路1号')).toBe('和平****');
    expect(maskAddress('北京')).toBe('北****');
    expect(maskAddress('')).toBe('');
  });

  it('keep the year of a birth date', () => {
    expect(maskBirthDate('1949-10-01')).toBe('1949-**-**');
    expect(maskBirthDate('not a date')).toBe(HIDDEN);
  });
});
