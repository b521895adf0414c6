import { describe, expect, it } from 'vitest';
import { checkBirthDateAgainstAdmission, checkNewMember, type NewMemberFacts } from './member-rules.ts';

const TODAY = '2026-06-15';
const branch = { kind: 'branch', dissolvedOn: null } as const;

function facts(extra: Partial<NewMemberFacts>): NewMemberFacts {
  return {
    org: branch,
    status: 'probationary',
    birthDate: '1990-03-01',
    admittedOn: '2025-07-01',
    confirmedOn: null,
    ...extra,
  };
}

describe('checkNewMember (党章第一条、第七条)', () => {
  it.each<[string, Partial<NewMemberFacts>, string]>([
    [
      'placed in a community committee',
      { org: { kind: 'committee', dissolvedOn: null } },
      'member_org_not_branch',
    ],
    [
      'placed in a general branch',
      { org: { kind: 'general_branch', dissolvedOn: null } },
      'member_org_not_branch',
    ],
    [
      'placed in a dissolved branch',
      { org: { kind: 'branch', dissolvedOn: '2024-01-01' } },
      'member_org_dissolved',
    ],
    ['admitted tomorrow', { admittedOn: '2026-06-16' }, 'admitted_in_future'],
    ['admitted before birth', { birthDate: '2000-01-01', admittedOn: '1999-12-31' }, 'admitted_before_birth'],
    [
      'admitted the day before turning 18',
      { birthDate: '2007-07-02', admittedOn: '2025-07-01' },
      'admission_under_18',
    ],
    ['probationary with a confirmation date', { confirmedOn: '2026-07-01' }, 'probationary_has_confirmed_on'],
    [
      'full without a confirmation date',
      { status: 'full', admittedOn: '2020-07-01' },
      'confirmed_on_required',
    ],
    [
      'full, confirmed a day before the year is out',
      { status: 'full', admittedOn: '2020-07-01', confirmedOn: '2021-06-30' },
      'confirmed_too_early',
    ],
    [
      'full, confirmed in the future',
      { status: 'full', admittedOn: '2025-06-01', confirmedOn: '2026-06-16' },
      'confirmed_in_future',
    ],
    [
      'full, confirmed on admission outside 1969–1977',
      { status: 'full', birthDate: '1950-01-01', admittedOn: '1978-01-05', confirmedOn: '1978-01-05' },
      'confirmed_too_early',
    ],
    [
      'full, confirmed half a year after a 1970 admission',
      { status: 'full', birthDate: '1940-01-01', admittedOn: '1970-05-01', confirmedOn: '1970-11-01' },
      'confirmed_too_early',
    ],
  ])('refuses a member %s', (_what, extra, reason) => {
    const d = checkNewMember(facts(extra), TODAY);
    expect(d).toMatchObject({ ok: false, reason });
    if (!d.ok) expect(d.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it.each<[string, Partial<NewMemberFacts>, string | null]>([
    ['a probationary member, probation ending a year after admission', {}, '2026-07-01'],
    ['one placed in a group', { org: { kind: 'group', dissolvedOn: null } }, '2026-07-01'],
    ['one admitted on the 18th birthday', { birthDate: '2007-07-01' }, '2026-07-01'],
    [
      'a full member confirmed on the first day possible',
      { status: 'full', admittedOn: '2020-07-01', confirmedOn: '2021-07-01' },
      '2021-07-01',
    ],
    [
      'a full member admitted 1969-04-01 and confirmed the same day',
      { status: 'full', birthDate: '1940-01-01', admittedOn: '1969-04-01', confirmedOn: '1969-04-01' },
      null,
    ],
    [
      'a full member admitted 1977-08-11 and confirmed the same day',
      { status: 'full', birthDate: '1940-01-01', admittedOn: '1977-08-11', confirmedOn: '1977-08-11' },
      null,
    ],
    [
      'a full member admitted 1972 and confirmed a year later',
      { status: 'full', birthDate: '1940-01-01', admittedOn: '1972-03-01', confirmedOn: '1973-03-01' },
      '1973-03-01',
    ],
  ])('accepts %s', (_what, extra, probationEndsOn) => {
    expect(checkNewMember(facts(extra), TODAY)).toEqual({ ok: true, probationEndsOn });
  });

  it('cites the 党章 article of the rule', () => {
    expect(checkNewMember(facts({ admittedOn: '2026-06-16' }), TODAY)).toMatchObject({
      article: '党章第七条',
    });
    expect(checkNewMember(facts({ birthDate: '2008-01-01' }), TODAY)).toMatchObject({
      article: '党章第一条',
    });
  });
});

describe('checkBirthDateAgainstAdmission (a corrected birth date)', () => {
  it.each<[string, string, string | null]>([
    ['1990-01-01', '2020-01-01', null],
    ['2002-01-02', '2020-01-01', 'admission_under_18'],
    ['2021-01-01', '2020-01-01', 'admitted_before_birth'],
  ])('born %s, admitted %s → %s', (birth, admitted, reason) => {
    expect(checkBirthDateAgainstAdmission(birth, admitted)?.reason ?? null).toBe(reason);
  });
});
