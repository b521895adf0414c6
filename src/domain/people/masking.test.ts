import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone } from './masking.ts';

describe('maskIdNumber', () => {
  it.each([
    ['11010519491231002X', '110105********002X'],
    ['440524188001010014', '440524********0014'],
    [' 11010519491231002X ', '110105********002X'],
    ['110105491231002', '110105******002'],
    ['1101051949', '**********'],
    ['', ''],
  ])('%s → %s', (value, masked) => {
    expect(maskIdNumber(value)).toBe(masked);
  });

  it('never shows the birth date', () => {
    expect(maskIdNumber('11010519491231002X')).not.toMatch(/19491231/);
    expect(maskIdNumber('110105491231002')).not.toMatch(/491231/);
  });
});

describe('maskPhone', () => {
  it.each([
    ['13812341234', '138****1234'],
    ['138 1234 1234', '138****1234'],
    ['+86 13812341234', '138****1234'],
    ['010-12345678', '010-****5678'],
    ['(010)12345678', '010-****5678'],
    ['0755 1234567', '0755-****567'],
    ['0931-123456', '0931-****56'],
    ['12345678', '******78'],
    ['8765-4321', '****-**21'],
    ['无', '无'],
    ['', ''],
  ])('%s → %s', (value, masked) => {
    expect(maskPhone(value)).toBe(masked);
  });
});
