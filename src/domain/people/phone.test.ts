import { describe, expect, it } from 'vitest';
import { checkLandline, checkMobile } from './phone.ts';

describe('checkMobile', () => {
  it.each<[string, string | null]>([
    ['13812341234', '13812341234'],
    ['19912341234', '19912341234'],
    [' 13812341234 ', '13812341234'],
    ['138 1234 1234', '13812341234'],
    ['138-1234-1234', '13812341234'],
    ['+86 138 1234 1234', '13812341234'],
    ['008613812341234', '13812341234'],
    ['12812341234', null],
    ['10012341234', null],
    ['1381234123', null],
    ['138123412345', null],
    ['1381234123a', null],
    ['23812341234', null],
    ['', null],
  ])('%s → %s', (value, normalized) => {
    const r = checkMobile(value);
    if (normalized === null) {
      expect(r).toMatchObject({ ok: false, reason: 'phone_mobile_invalid' });
      if (!r.ok) expect(r.message).toMatch(/手机号/);
    } else {
      expect(r).toEqual({ ok: true, normalized });
    }
  });
});

describe('checkLandline', () => {
  it.each<[string, string | null]>([
    ['010-12345678', '010-12345678'],
    ['0755 1234567', '0755-1234567'],
    ['(010)12345678', '010-12345678'],
    ['（010）12345678', '010-12345678'],
    ['(0755) 1234-567', '0755-1234567'],
    ['010 1234 5678', '010-12345678'],
    ['0571－87654321', '0571-87654321'],
    ['01012345678', '010-12345678'],
    ['02187654321', '021-87654321'],
    ['07551234567', '0755-1234567'],
    ['0931-123456', '0931-123456'],
    [' 010-12345678 ', '010-12345678'],
    ['12345678', null],
    ['10-12345678', null],
    ['01-12345678', null],
    ['07555-1234567', null],
    ['010-12345', null],
    ['010-123456789', null],
    ['010-12345678-123', null], // extensions do not fit the official column
    ['010-1234567a', null],
    ['13812341234', null],
    ['', null],
  ])('%s → %s', (value, normalized) => {
    const r = checkLandline(value);
    if (normalized === null) {
      expect(r).toMatchObject({ ok: false, reason: 'phone_landline_invalid' });
      if (!r.ok) expect(r.message).toMatch(/固定电话/);
    } else {
      expect(r).toEqual({ ok: true, normalized });
    }
  });
});
