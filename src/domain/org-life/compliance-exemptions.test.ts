import { describe, expect, it } from 'vitest';
import { checkExemptionTarget, type ExemptionRequest } from './compliance-exemptions.ts';
import { DEFAULT_COMPLIANCE_RULES } from './compliance-rules.ts';

const SETS = [DEFAULT_COMPLIANCE_RULES];
const base: ExemptionRequest = {
  orgKind: 'branch',
  hasCommittee: true,
  requirementId: 'general_meeting_quarterly',
  period: '2026-Q1',
  group: 'none',
};

describe('checkExemptionTarget (docs/organizational-life.md §7.3)', () => {
  it.each<[string, Partial<ExemptionRequest>, string | null]>([
    ['a quarterly requirement for its quarter', {}, null],
    ['a monthly one for its month', { requirementId: 'theme_day_monthly', period: '2026-03' }, null],
    ['a yearly one for its year', { requirementId: 'life_meeting_yearly', period: '2026' }, null],
    [
      'a per-group one with a 党小组 of the branch',
      { requirementId: 'group_meeting_monthly', period: '2026-03', group: 'own' },
      null,
    ],
    ['an unknown requirement', { requirementId: 'nothing' }, 'exemption_unknown_requirement'],
    ['an org kind the rules do not judge', { orgKind: 'committee' }, 'exemption_unknown_requirement'],
    [
      '支委会 of a branch without a committee',
      { requirementId: 'committee_meeting_monthly', period: '2026-03', hasCommittee: false },
      'exemption_unknown_requirement',
    ],
    ['before the first version of the rules', { period: '2018-Q1' }, 'exemption_unknown_requirement'],
    ['a month for a quarterly requirement', { period: '2026-03' }, 'exemption_period_mismatch'],
    [
      'a year for a monthly requirement',
      { requirementId: 'theme_day_monthly', period: '2026' },
      'exemption_period_mismatch',
    ],
    [
      'a per-group one without a group',
      { requirementId: 'group_meeting_monthly', period: '2026-03' },
      'exemption_group_mismatch',
    ],
    [
      'a per-group one with another branch’s group',
      { requirementId: 'group_meeting_monthly', period: '2026-03', group: 'foreign' },
      'exemption_group_mismatch',
    ],
    ['a group named for a branch requirement', { group: 'own' }, 'exemption_group_mismatch'],
  ])('%s', (_, change, reason) => {
    const d = checkExemptionTarget(SETS, { ...base, ...change });
    expect(d.ok ? null : d.reason).toBe(reason);
    if (!d.ok) expect(d.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
