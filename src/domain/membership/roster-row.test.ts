import { describe, expect, it } from 'vitest';
import { categoryFromWorkPost, decideRosterRow, type RosterFacts } from './roster-row.ts';

const facts = (extra: Partial<RosterFacts> = {}): RosterFacts => ({
  kind: 'full',
  suspended: false,
  unreachable: false,
  lostContactOn: null,
  isMobile: false,
  outflowDestination: null,
  admittedOn: '2010-07-01',
  ...extra,
});
const reasons = (d: ReturnType<typeof decideRosterRow>) => ({
  status: d.status,
  errors: d.errors.map((e) => [e.field, e.denial.reason]),
  warnings: d.warnings.map((w) => [w.field, w.denial.reason]),
});

describe('decideRosterRow (docs/official-forms.md §6.3, §6.8)', () => {
  it.each([
    [{}, 'full'],
    [{ kind: 'probationary' as const }, 'probationary'],
    [{ unreachable: true, lostContactOn: '2020-03-01' }, 'unreachable'],
    [{ suspended: true }, 'suspended'],
    [{ suspended: true, kind: null }, 'suspended'],
    [{ unreachable: true, kind: null, lostContactOn: '2020-03-01' }, 'unreachable'],
  ])('gives %o the status %s', (extra, status) => {
    expect(decideRosterRow(facts(extra)).status).toBe(status);
  });

  it('requires 人员类别 of members in good standing only', () => {
    expect(reasons(decideRosterRow(facts({ kind: null })))).toEqual({
      status: null,
      errors: [['kind', 'member_kind_missing']],
      warnings: [],
    });
  });

  it('keeps 失去联系日期 for 失联 members, not before admission', () => {
    expect(reasons(decideRosterRow(facts({ lostContactOn: '2020-03-01' }))).errors).toEqual([
      ['lostContactOn', 'lost_contact_date_not_unreachable'],
    ]);
    expect(
      reasons(decideRosterRow(facts({ unreachable: true, lostContactOn: '2009-01-01' }))).errors,
    ).toEqual([['lostContactOn', 'lost_contact_before_admission']]);
    expect(reasons(decideRosterRow(facts({ unreachable: true }))).warnings).toEqual([
      ['lostContactOn', 'lost_contact_date_missing'],
    ]);
    expect(reasons(decideRosterRow(facts({ unreachable: true, suspended: true }))).warnings).toEqual([
      ['isUnreachable', 'suspended_and_unreachable'],
    ]);
  });

  it('keeps 外出流向 for 流动 members, and requires it of them', () => {
    expect(reasons(decideRosterRow(facts({ outflowDestination: '广东省深圳市' }))).errors).toEqual([
      ['outflowDestination', 'outflow_not_mobile'],
    ]);
    expect(reasons(decideRosterRow(facts({ isMobile: true }))).errors).toEqual([
      ['outflowDestination', 'outflow_missing'],
    ]);
    expect(decideRosterRow(facts({ isMobile: true, outflowDestination: '广东省深圳市' })).errors).toEqual([]);
  });
});

describe('categoryFromWorkPost', () => {
  it.each([
    ['011', 'employed'],
    ['0212', 'employed'],
    ['0315', 'employed'],
    ['2', 'employed'],
    ['11', 'farmer'],
    ['122', 'farmer'],
    ['123', 'other'],
    ['301', 'student'],
    ['35', 'student'],
    ['502', 'retired'],
    ['504', 'retired'],
    ['604', 'self_employed'],
    ['605', 'self_employed'],
    ['609', 'unemployed'],
    ['613', 'unemployed'],
    ['601', 'other'],
    [null, null],
    ['999', null],
  ])('%s → %s', (code, category) => {
    expect(categoryFromWorkPost(code)).toBe(category);
  });
});
