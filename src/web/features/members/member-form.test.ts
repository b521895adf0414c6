import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { MemberDetail } from '../../api/members.ts';
import { editValues, isMasked, maskedFields, toCreateBody, toUpdateBody } from './member-form.ts';

const detail = (over: Partial<MemberDetail> = {}): MemberDetail => ({
  id: 7,
  personId: 70,
  name: '林娟',
  gender: 'female',
  ethnicity: '01',
  birthDate: '1993-09-20',
  idNumber: '379901********6129',
  phoneMobile: '139****6121',
  education: '22',
  workPost: '602',
  orgId: 3,
  orgName: '花园社区第一党支部',
  status: 'probationary',
  category: 'employed',
  admittedOn: '2026-03-20',
  confirmedOn: null,
  isMobile: false,
  isHardship: false,
  version: 4,
  phoneLandline: null,
  address: '示例市花园社区26栋',
  leftReason: null,
  probationEndsOn: '2027-03-20',
  outflowDestination: null,
  lostContactOn: null,
  transferLetterNo: null,
  revealed: false,
  events: [],
  decisions: [],
  warnings: [],
  can: { edit: true, reveal: true, changeStatus: true, transfer: true },
  ...over,
});

describe('the member form and masked values', () => {
  it('recognises masks', () => {
    expect(isMasked('379901********6129')).toBe(true);
    expect(isMasked('139****6121')).toBe(true);
    expect(isMasked('13912346121')).toBe(false);
    expect(isMasked(null)).toBe(false);
  });

  it('never puts a masked value into the form; it becomes the placeholder', () => {
    const values = editValues(detail());
    expect(values.person.idNumber).toBeUndefined();
    expect(values.person.phoneMobile).toBeUndefined();
    expect(values.person.address).toBe('示例市花园社区26栋');
    expect(maskedFields(detail())).toEqual({
      idNumber: '379901********6129',
      phoneMobile: '139****6121',
      phoneLandline: null,
    });
  });

  it('fills a revealed ID number but keeps a phone the reveal left masked out of the form', () => {
    const revealed = detail({ revealed: true, idNumber: '379901199309206129' });
    const values = editValues(revealed);
    expect(values.person.idNumber).toBe('379901199309206129');
    expect(values.person.phoneMobile).toBeUndefined();
    expect(maskedFields(revealed).idNumber).toBeNull();
  });

  it('sends nothing for masked fields left empty, nor birth date and gender that follow the ID on record', () => {
    const body = toUpdateBody(editValues(detail()), detail());
    expect(body.version).toBe(4);
    expect(body.person).not.toHaveProperty('idNumber');
    expect(body.person).not.toHaveProperty('phoneMobile');
    // Empty on record and empty in the form: sending “none” changes nothing.
    expect(body.person?.phoneLandline ?? null).toBeNull();
    expect(body.person).not.toHaveProperty('birthDate');
    expect(body.person).not.toHaveProperty('gender');
    expect(body.person).toMatchObject({ name: '林娟', address: '示例市花园社区26栋', education: '22' });
  });

  it('sends a new phone typed over a mask, and clears a whole value the user emptied', () => {
    const values = editValues(detail({ phoneLandline: '010-12345678' }));
    values.person.phoneMobile = ' 13800138000 ';
    values.person.phoneLandline = '';
    const body = toUpdateBody(values, detail({ phoneLandline: '010-12345678' }));
    expect(body.person).toMatchObject({ phoneMobile: '13800138000', phoneLandline: null });
  });

  it('builds a new member: normalized ID, ISO dates, no 转正 date for a 预备党员, no 外出流向 unless mobile', () => {
    const body = toCreateBody({
      person: {
        idNumber: '110105 19880229 002x',
        name: ' 张三 ',
        gender: 'female',
        birthDate: dayjs('1988-02-29'),
      },
      orgId: 5,
      status: 'probationary',
      category: 'employed',
      admittedOn: dayjs('2025-07-01'),
      confirmedOn: dayjs('2026-07-01'),
      isMobile: false,
      outflowDestination: '深圳',
    });
    expect(body).toMatchObject({
      person: { idNumber: '11010519880229002X', name: '张三', birthDate: '1988-02-29', phoneMobile: null },
      orgId: 5,
      admittedOn: '2025-07-01',
      confirmedOn: null,
      outflowDestination: null,
      isMobile: false,
    });
  });
});
