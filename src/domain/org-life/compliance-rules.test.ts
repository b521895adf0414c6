import { describe, expect, it } from 'vitest';
import { type ComplianceRuleSet, DEFAULT_COMPLIANCE_RULES, ruleSetInForce } from './compliance-rules.ts';

const v2 = { ...DEFAULT_COMPLIANCE_RULES, version: 'v2', validFrom: '2026-07-01' };
const v3 = { ...DEFAULT_COMPLIANCE_RULES, version: 'v3', validFrom: '2027-01-01' };

describe('ruleSetInForce (versions)', () => {
  it.each<[string, string | null]>([
    ['2018-10-27', null],
    ['2018-10-28', DEFAULT_COMPLIANCE_RULES.version],
    ['2026-06-30', DEFAULT_COMPLIANCE_RULES.version],
    ['2026-07-01', 'v2'],
    ['2026-12-31', 'v2'],
    ['2027-03-01', 'v3'],
  ])('on %s the version in force is %s', (date, version) => {
    const sets: ComplianceRuleSet[] = [v3, DEFAULT_COMPLIANCE_RULES, v2];
    expect(ruleSetInForce(sets, date)?.version ?? null).toBe(version);
  });
});

describe('the default rules (支部工作条例)', () => {
  const byId = new Map(DEFAULT_COMPLIANCE_RULES.requirements.map((r) => [r.id, r]));

  it.each<[string, string, string, boolean]>([
    ['general_meeting_quarterly', 'quarter', '第十一条', false],
    ['committee_meeting_monthly', 'month', '第十二条', false],
    ['group_meeting_monthly', 'month', '第十三条', false],
    ['party_lecture_quarterly', 'quarter', '第十五条', true],
    ['party_lecture_by_secretary_yearly', 'year', '第十五条', true],
    ['theme_day_monthly', 'month', '第十六条', false],
    ['life_meeting_yearly', 'year', '第十七条', false],
  ])('%s: every %s, %s, local %s', (id, cadence, article, local) => {
    const req = byId.get(id);
    expect(req?.cadence).toBe(cadence);
    expect(req?.article).toContain(article);
    expect(req?.local).toBe(local);
    expect(req?.minCount).toBe(1);
  });

  it('asks a committee meeting only of an org with a committee, and group meetings per group', () => {
    expect(byId.get('committee_meeting_monthly')?.needsCommittee).toBe(true);
    expect(byId.get('group_meeting_monthly')?.perGroup).toBe(true);
    expect(DEFAULT_COMPLIANCE_RULES.requirements.filter((r) => r.needsCommittee || r.perGroup)).toHaveLength(
      2,
    );
  });

  it('applies to branches, not to committees or groups, reminds 15 days ahead and lets a meeting count for several kinds', () => {
    for (const r of DEFAULT_COMPLIANCE_RULES.requirements) {
      expect(r.appliesTo).toContain('branch');
      expect(r.appliesTo).not.toContain('committee');
      expect(r.appliesTo).not.toContain('group');
    }
    expect(DEFAULT_COMPLIANCE_RULES.reminderDays).toBe(15);
    expect(DEFAULT_COMPLIANCE_RULES.oneMeetingManyKinds).toBe(true);
  });
});
