import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../shared/index.ts';
import {
  type ComplianceRequirement,
  type ComplianceRuleSet,
  DEFAULT_COMPLIANCE_RULES,
} from './compliance-rules.ts';
import {
  checkRuleSetChangeable,
  checkRuleSetDraft,
  checkRuleSetValidFrom,
  ruleSetStatus,
} from './rule-set-edits.ts';

const TODAY = '2026-06-15' as IsoDate;
const draft: ComplianceRuleSet = {
  ...DEFAULT_COMPLIANCE_RULES,
  version: '2027-本市细则',
  validFrom: '2026-07-01',
};
const others = [DEFAULT_COMPLIANCE_RULES];
const req = (i: number) => DEFAULT_COMPLIANCE_RULES.requirements[i] as ComplianceRequirement;
const withReq = (i: number, change: Partial<ComplianceRequirement>): Partial<ComplianceRuleSet> => ({
  requirements: DEFAULT_COMPLIANCE_RULES.requirements.map((r, j) => (j === i ? { ...r, ...change } : r)),
});
// 0 党员大会, 1 支委会, 2 党小组会, 3 党课, 4 书记讲党课, 5 主题党日, 6 组织生活会.

describe('checkRuleSetDraft (docs/organizational-life.md §7.2)', () => {
  it.each<[string, Partial<ComplianceRuleSet>, string | null]>([
    ['a copy of the default from next month', {}, null],
    ['from a later month', { validFrom: '2027-01-01' }, null],
    [
      'without the 主题党日',
      { requirements: DEFAULT_COMPLIANCE_RULES.requirements.filter((r) => r.id !== 'theme_day_monthly') },
      null,
    ],
    ['reminders 0 and 60 days', { reminderDays: 0 }, null],
    ['reminders 60 days', { reminderDays: 60 }, null],
    ['no name', { version: '  ' }, 'rule_set_version_name_empty'],
    [
      'the name of another version',
      { version: DEFAULT_COMPLIANCE_RULES.version },
      'rule_set_version_duplicate',
    ],
    ['not the first of a month', { validFrom: '2026-07-02' }, 'rule_set_valid_from_not_month_start'],
    ['today', { validFrom: '2026-06-01' }, 'rule_set_valid_from_not_future'],
    ['in the past', { validFrom: '2026-01-01' }, 'rule_set_valid_from_not_future'],
    ['reminders of 61 days', { reminderDays: 61 }, 'rule_set_reminder_days_out_of_range'],
    ['negative reminders', { reminderDays: -1 }, 'rule_set_reminder_days_out_of_range'],
    ['no requirement', { requirements: [] }, 'rule_set_no_requirements'],
    [
      'two requirements with one id',
      withReq(1, { id: 'general_meeting_quarterly' }),
      'rule_set_requirement_duplicate',
    ],
    ['an empty id', withReq(0, { id: '' }), 'rule_set_requirement_duplicate'],
    [
      'an unknown meeting kind',
      withReq(0, { meetingKind: 'banquet' as never }),
      'rule_set_requirement_invalid',
    ],
    ['an unknown cadence', withReq(0, { cadence: 'week' as never }), 'rule_set_requirement_invalid'],
    ['a minimum of 0', withReq(0, { minCount: 0 }), 'rule_set_min_count_out_of_range'],
    ['a minimum of 32', withReq(0, { minCount: 32 }), 'rule_set_min_count_out_of_range'],
    ['a minimum of 1.5', withReq(0, { minCount: 1.5 }), 'rule_set_min_count_out_of_range'],
    ['a minimum of 31', withReq(0, { minCount: 31 }), null],
    ['applying to no org', withReq(0, { appliesTo: [] }), 'rule_set_applies_to_invalid'],
    ['applying to a 党委', withReq(0, { appliesTo: ['branch', 'committee'] }), 'rule_set_applies_to_invalid'],
    [
      'applying twice to a kind',
      withReq(0, { appliesTo: ['branch', 'branch'] }),
      'rule_set_applies_to_invalid',
    ],
    ['applying to 党支部 only', withReq(0, { appliesTo: ['branch'] }), null],
    ['per group for a 党员大会', withReq(0, { perGroup: true }), 'rule_set_requirement_flag_mismatch'],
    ['a 党小组会 not per group', withReq(2, { perGroup: false }), 'rule_set_requirement_flag_mismatch'],
    [
      'a committee for a 党员大会',
      withReq(0, { needsCommittee: true }),
      'rule_set_requirement_flag_mismatch',
    ],
    ['a 支委会 for every branch', withReq(1, { needsCommittee: false }), null],
    ['by the 书记 for a 主题党日', withReq(5, { byHead: true }), 'rule_set_requirement_flag_mismatch'],
  ])('%s', (_, change, reason) => {
    const d = checkRuleSetDraft({ ...draft, ...change }, { today: TODAY, others });
    expect(d.ok ? null : d.reason).toBe(reason);
    if (!d.ok) expect(d.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses the date of another version, naming it', () => {
    const d = checkRuleSetDraft(
      { ...draft, version: '另一版本' },
      { today: TODAY, others: [...others, draft] },
    );
    expect(d).toMatchObject({ ok: false, reason: 'rule_set_valid_from_duplicate' });
    expect(d.ok ? '' : d.message).toContain('2027-本市细则');
  });

  it('names the requirement at fault by its position', () => {
    const d = checkRuleSetDraft({ ...draft, ...withReq(3, { minCount: 40 }) }, { today: TODAY, others });
    expect(d).toMatchObject({ ok: false, details: { index: 3 } });
    expect(d.ok ? '' : d.message).toContain('第4项要求');
    expect(req(3).id).toBe('party_lecture_quarterly');
  });
});

describe('checkRuleSetValidFrom: the first day of a month after today', () => {
  it.each<[string, string | null]>([
    ['2026-07-01', null],
    ['2030-12-01', null],
    ['2026-06-01', 'rule_set_valid_from_not_future'],
    ['2026-06-16', 'rule_set_valid_from_not_month_start'],
    ['2026-07-15', 'rule_set_valid_from_not_month_start'],
  ])('%s', (date, reason) => {
    const d = checkRuleSetValidFrom(date as IsoDate, TODAY);
    expect(d.ok ? null : d.reason).toBe(reason);
  });
});

describe('checkRuleSetChangeable: versions in force or past are history', () => {
  it.each<[string, string | null]>([
    ['2026-07-01', null],
    ['2026-06-16', null],
    ['2026-06-15', 'rule_set_not_editable'],
    ['2026-06-01', 'rule_set_not_editable'],
    ['2018-10-28', 'rule_set_not_editable'],
  ])('a version from %s', (validFrom, reason) => {
    const d = checkRuleSetChangeable({ ...draft, validFrom: validFrom as IsoDate }, TODAY);
    expect(d.ok ? null : d.reason).toBe(reason);
    if (!d.ok) expect(d.message).toMatch(/不能修改或删除/);
  });
});

describe('ruleSetStatus', () => {
  const older = { ...DEFAULT_COMPLIANCE_RULES };
  const current = { ...draft, version: '2026', validFrom: '2026-01-01' as IsoDate };
  const future = draft;
  const sets = [older, current, future];
  it('says 现行, 历史 or 待生效', () => {
    expect(sets.map((s) => ruleSetStatus(sets, s, TODAY))).toEqual(['history', 'current', 'future']);
    expect(sets.map((s) => ruleSetStatus(sets, s, '2026-07-01' as IsoDate))).toEqual([
      'history',
      'history',
      'current',
    ]);
  });
});
