import { describe, expect, it } from 'vitest';
import {
  checkBirthDateAgainstAdmission,
  checkNewMember,
  type NewMemberFacts,
} from './member-registration.ts';

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
      'full, confirmed a day after the year is out (the day of the meeting, not the end of the 预备期)',
      { status: 'full', admittedOn: '2020-07-01', confirmedOn: '2021-07-02' },
      'confirmed_not_at_probation_end',
    ],
    [
      'full, confirmed years after admission with no extension',
      { status: 'full', admittedOn: '2010-07-01', confirmedOn: '2015-03-01' },
      'confirmed_not_at_probation_end',
    ],
    [
      'full, confirmed on the original end although an extension is documented',
      { status: 'full', admittedOn: '2020-07-01', confirmedOn: '2021-07-01', probationEndsOn: '2022-01-01' },
      'confirmed_too_early',
    ],
    [
      'full, with an extension of less than 6 months',
      { status: 'full', admittedOn: '2020-07-01', confirmedOn: '2021-12-01', probationEndsOn: '2021-12-01' },
      'probation_extension_out_of_range',
    ],
    [
      'probationary, with an extension beyond a year',
      { admittedOn: '2024-07-01', probationEndsOn: '2026-07-02' },
      'probation_extension_out_of_range',
    ],
    [
      'full, confirmed before admission in the years without a 预备期',
      { status: 'full', birthDate: '1940-01-01', admittedOn: '1970-05-01', confirmedOn: '1970-04-01' },
      'confirmed_too_early',
    ],
    [
      'full, admitted 1960 (八大 rule: one year) and confirmed after 3 months',
      { status: 'full', birthDate: '1930-01-01', admittedOn: '1960-05-01', confirmedOn: '1960-08-01' },
      'confirmed_too_early',
    ],
  ])('refuses a member %s', (_what, extra, reason) => {
    const d = checkNewMember(facts(extra), TODAY);
    expect(d).toMatchObject({ ok: false, reason });
    if (!d.ok) expect(d.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it.each<[string, Partial<NewMemberFacts>, string | null, string[]]>([
    ['a probationary member, probation ending a year after admission', {}, '2026-07-01', []],
    ['one placed in a group', { org: { kind: 'group', dissolvedOn: null } }, '2026-07-01', []],
    ['one admitted on the 18th birthday', { birthDate: '2007-07-01' }, '2026-07-01', []],
    [
      'a probationary member whose 预备期 was extended by 6 months',
      { admittedOn: '2025-01-10', probationEndsOn: '2026-07-10' },
      '2026-07-10',
      [],
    ],
    [
      'a full member confirmed on the first day possible',
      { status: 'full', admittedOn: '2020-07-01', confirmedOn: '2021-07-01' },
      '2021-07-01',
      [],
    ],
    [
      'a full member admitted 29 February, confirmed on 28 February',
      { status: 'full', admittedOn: '2020-02-29', confirmedOn: '2021-02-28' },
      '2021-02-28',
      [],
    ],
    [
      'a full member confirmed at the end of a documented extension',
      { status: 'full', admittedOn: '2020-07-01', confirmedOn: '2022-01-01', probationEndsOn: '2022-01-01' },
      '2022-01-01',
      [],
    ],
    [
      'a full member admitted 1969-04-01 and confirmed the same day',
      { status: 'full', birthDate: '1940-01-01', admittedOn: '1969-04-01', confirmedOn: '1969-04-01' },
      null,
      ['confirmed_under_old_rules'],
    ],
    [
      'a full member admitted 1977-08-11 and confirmed the same day',
      { status: 'full', birthDate: '1940-01-01', admittedOn: '1977-08-11', confirmedOn: '1977-08-11' },
      null,
      ['confirmed_under_old_rules'],
    ],
    [
      'a full member admitted 1972 and confirmed a year later',
      { status: 'full', birthDate: '1940-01-01', admittedOn: '1972-03-01', confirmedOn: '1973-03-01' },
      '1973-03-01',
      ['confirmed_outside_era_rule'],
    ],
    [
      'a full member admitted 1970 and confirmed half a year later',
      { status: 'full', birthDate: '1940-01-01', admittedOn: '1970-05-01', confirmedOn: '1970-11-01' },
      '1970-11-01',
      ['confirmed_outside_era_rule'],
    ],
    [
      'a full member admitted 1945 with no 候补期',
      { status: 'full', birthDate: '1920-01-01', admittedOn: '1945-05-01', confirmedOn: '1945-05-01' },
      null,
      ['confirmed_under_old_rules'],
    ],
    [
      'a full member admitted 1950 with a 候补期 of 3 months',
      { status: 'full', birthDate: '1920-01-01', admittedOn: '1950-05-01', confirmedOn: '1950-08-01' },
      '1950-08-01',
      ['confirmed_under_old_rules'],
    ],
    [
      'a full member admitted 1956-09-25 with a 候补期 of 6 months',
      { status: 'full', birthDate: '1920-01-01', admittedOn: '1956-09-25', confirmedOn: '1957-03-25' },
      '1957-03-25',
      ['confirmed_under_old_rules'],
    ],
    [
      'a full member admitted 1948 with a 候补期 of a year',
      { status: 'full', birthDate: '1920-01-01', admittedOn: '1948-05-01', confirmedOn: '1949-05-01' },
      '1949-05-01',
      [],
    ],
    [
      'a full member admitted 1948 with a 候补期 of two years (七大: by class origin)',
      { status: 'full', birthDate: '1920-01-01', admittedOn: '1948-05-01', confirmedOn: '1950-05-01' },
      '1950-05-01',
      ['confirmed_outside_era_rule'],
    ],
  ])('accepts %s', (_what, extra, probationEndsOn, warnings) => {
    const d = checkNewMember(facts(extra), TODAY);
    expect(d).toMatchObject({ ok: true, probationEndsOn });
    if (d.ok) {
      expect(d.warnings.map((w) => w.reason)).toEqual(warnings);
      for (const w of d.warnings) expect(w.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('refuses the 1956-09-26 admission (八大) with a 候补期 of 3 months: the current rule applies', () => {
    const d = checkNewMember(
      facts({ status: 'full', birthDate: '1920-01-01', admittedOn: '1956-09-26', confirmedOn: '1956-12-26' }),
      TODAY,
    );
    expect(d).toMatchObject({ ok: false, reason: 'confirmed_too_early' });
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
