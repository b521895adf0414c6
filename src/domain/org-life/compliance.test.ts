import { describe, expect, it } from 'vitest';
import {
  type ComplianceExemption,
  type ComplianceMeeting,
  type ComplianceOrg,
  checkExemption,
  complianceRate,
  evaluateCompliance,
  requiredCount,
} from './compliance.ts';
import { type ComplianceRuleSet, DEFAULT_COMPLIANCE_RULES, type MeetingKind } from './compliance-rules.ts';
import type { CompliancePeriod } from './periods.ts';

const Q1: CompliancePeriod = { year: 2026, quarter: 1 };
const AFTER_Q1 = { today: '2026-04-10' };

const branch: ComplianceOrg = {
  id: 'b1',
  kind: 'branch',
  foundedOn: '2020-01-01',
  dissolvedOn: null,
  hasCommittee: true,
  groups: [],
};

/** Only the general meeting rule, to look at one requirement at a time. */
function only(id: string, extra: Partial<ComplianceRuleSet> = {}): ComplianceRuleSet {
  return {
    ...DEFAULT_COMPLIANCE_RULES,
    ...extra,
    requirements: DEFAULT_COMPLIANCE_RULES.requirements.filter((r) => r.id === id),
  };
}
const GENERAL = only('general_meeting_quarterly');

let seq = 0;
function meeting(
  heldOn: string,
  kinds: MeetingKind[],
  extra: Partial<ComplianceMeeting> = {},
): ComplianceMeeting {
  seq++;
  return { id: `m${seq}`, kinds, status: 'closed', heldOn, groupId: null, givenByHead: false, ...extra };
}
const kindsOf = (r: ReturnType<typeof evaluateCompliance>) =>
  r.findings.map((f) => `${f.requirementId}:${f.kind}`);

describe('quarter boundaries (第十一条: a 党员大会 each quarter)', () => {
  it.each<[string, string[]]>([
    ['2026-01-01', []],
    ['2026-03-31', []],
    ['2025-12-31', ['general_meeting_quarterly:missing']],
    ['2026-04-01', ['general_meeting_quarterly:missing']],
  ])('a closed meeting held on %s → %o', (heldOn, expected) => {
    expect(
      kindsOf(evaluateCompliance(branch, Q1, [meeting(heldOn, ['general_meeting'])], GENERAL, AFTER_Q1)),
    ).toEqual(expected);
  });

  it.each<[string, string[], number]>([
    ['2026-03-10', [], 0],
    ['2026-03-16', ['general_meeting_quarterly:due'], 0],
    ['2026-04-01', ['general_meeting_quarterly:missing'], 1],
  ])('with no meeting, on %s → %o (%i judged)', (today, expected, checks) => {
    const r = evaluateCompliance(branch, Q1, [], GENERAL, { today });
    expect(kindsOf(r)).toEqual(expected);
    expect(r.checks).toBe(checks);
  });

  it('judges nothing of a period that has not begun', () => {
    expect(
      evaluateCompliance(branch, { year: 2026, quarter: 2 }, [], DEFAULT_COMPLIANCE_RULES, {
        today: '2026-03-01',
      }).findings,
    ).toEqual([]);
  });

  it('gives a Chinese message and the article', () => {
    const [f] = evaluateCompliance(branch, Q1, [], GENERAL, AFTER_Q1).findings;
    expect(f?.message).toBe('2026年第一季度支部党员大会未达要求（应至少1次，已办结0次）');
    expect(f?.article).toContain('第十一条');
  });
});

describe('an unclosed meeting does not count', () => {
  it.each<[ComplianceMeeting['status'], string[]]>([
    ['closed', []],
    ['held', ['general_meeting_quarterly:not_closed']],
    ['planned', ['general_meeting_quarterly:missing']],
  ])('a meeting %s → %o', (status, expected) => {
    const m = meeting('2026-02-10', ['general_meeting'], { status });
    const r = evaluateCompliance(branch, Q1, [m], GENERAL, AFTER_Q1);
    expect(kindsOf(r)).toEqual(expected);
    if (status === 'held') expect(r.findings[0]?.unclosedMeetingIds).toEqual([m.id]);
  });
});

describe('a branch founded or dissolved mid-period (pro rata, rounded down)', () => {
  it.each<[string | null, string | null, string[], string[]]>([
    ['2026-01-01', null, ['general_meeting_quarterly:missing'], []],
    ['2026-01-02', null, [], ['life_span']],
    ['2026-02-15', null, [], ['life_span']],
    ['2026-04-01', null, [], []],
    ['2020-01-01', '2026-04-01', ['general_meeting_quarterly:missing'], []],
    ['2020-01-01', '2026-03-31', [], ['life_span']],
    ['2020-01-01', '2026-01-01', [], []],
  ])('founded %s, dissolved %s → %o', (foundedOn, dissolvedOn, expected, skipped) => {
    const org = { ...branch, foundedOn, dissolvedOn };
    const r = evaluateCompliance(org, Q1, [], GENERAL, AFTER_Q1);
    expect(kindsOf(r)).toEqual(expected);
    expect(r.skipped.map((s) => s.cause)).toEqual(skipped);
  });

  it('judges the months it existed through in full (theme day, founded 2026-02-15)', () => {
    const org = { ...branch, foundedOn: '2026-02-15' };
    const r = evaluateCompliance(org, Q1, [], only('theme_day_monthly'), AFTER_Q1);
    expect(r.findings.map((f) => f.period)).toEqual([{ year: 2026, month: 3 }]);
  });

  it.each<[number, string | null, number]>([
    [3, '2026-01-01', 3],
    [3, '2026-02-15', 1],
    [3, '2026-03-20', 0],
    [1, '2026-01-02', 0],
  ])('minimum %i, founded %s → %i required in Q1', (min, foundedOn, required) => {
    expect(requiredCount(min, Q1, foundedOn, null)).toBe(required);
  });
});

describe('a branch without a committee needs no committee meeting', () => {
  it.each<[boolean, number]>([
    [true, 3],
    [false, 0],
  ])('has a committee %s → %i monthly findings in Q1', (hasCommittee, n) => {
    const r = evaluateCompliance(
      { ...branch, hasCommittee },
      Q1,
      [],
      only('committee_meeting_monthly'),
      AFTER_Q1,
    );
    expect(r.findings).toHaveLength(n);
  });
});

describe('group meetings per group', () => {
  const groups = [
    { id: 'g1', name: '第一党小组', foundedOn: null, dissolvedOn: null },
    { id: 'g2', name: '第二党小组', foundedOn: '2026-03-10', dissolvedOn: null },
  ];
  const rules = only('group_meeting_monthly');
  const march = { year: 2026, month: 3 };

  it('asks each group for its own meeting; a meeting of the branch does not count for a group', () => {
    const meetings = [
      meeting('2026-03-05', ['group_meeting'], { groupId: 'g1' }),
      meeting('2026-03-06', ['group_meeting']),
    ];
    const r = evaluateCompliance({ ...branch, groups }, march, meetings, rules, AFTER_Q1);
    expect(r.findings).toEqual([]);
    expect(r.skipped).toEqual([
      { requirementId: 'group_meeting_monthly', period: march, groupId: 'g2', cause: 'life_span' },
    ]);
    const none = evaluateCompliance(
      { ...branch, groups },
      march,
      [meetings[1] as ComplianceMeeting],
      rules,
      AFTER_Q1,
    );
    expect(none.findings.map((f) => [f.groupId, f.kind])).toEqual([['g1', 'missing']]);
    expect(none.findings[0]?.message).toContain('党小组“第一党小组”');
  });

  it('asks nothing of a branch without groups', () => {
    expect(evaluateCompliance(branch, march, [], rules, AFTER_Q1)).toMatchObject({ findings: [], checks: 0 });
  });
});

describe('one meeting counting for several kinds (CFG)', () => {
  const combined = meeting('2026-03-20', ['theme_day', 'general_meeting', 'party_lecture']);
  const rules = {
    ...DEFAULT_COMPLIANCE_RULES,
    requirements: DEFAULT_COMPLIANCE_RULES.requirements.filter((r) =>
      ['general_meeting_quarterly', 'theme_day_monthly', 'party_lecture_quarterly'].includes(r.id),
    ),
  };
  const march = { year: 2026, month: 3 };

  it.each<[boolean, string[]]>([
    [true, []],
    [false, ['general_meeting_quarterly:missing', 'party_lecture_quarterly:missing']],
  ])('allowed %s → %o', (oneMeetingManyKinds, expected) => {
    const r = evaluateCompliance(branch, Q1, [combined], { ...rules, oneMeetingManyKinds }, AFTER_Q1);
    // Theme days of January and February are missing either way; March's is the meeting's principal kind.
    expect(kindsOf(r).filter((k) => !k.startsWith('theme_day'))).toEqual(expected);
    expect(r.findings.filter((f) => f.meetingKind === 'theme_day').map((f) => f.period)).not.toContainEqual(
      march,
    );
  });
});

describe('the party lecture given by the secretary (yearly, [L])', () => {
  it.each<[boolean, string[]]>([
    [true, []],
    [false, ['party_lecture_by_secretary_yearly:missing']],
  ])('given by the head %s → %o', (givenByHead, expected) => {
    const m = meeting('2026-06-01', ['party_lecture'], { givenByHead });
    const r = evaluateCompliance(branch, { year: 2026 }, [m], only('party_lecture_by_secretary_yearly'), {
      today: '2027-01-05',
    });
    expect(kindsOf(r)).toEqual(expected);
  });

  it('is judged only over a year, not over a quarter', () => {
    const r = evaluateCompliance(
      branch,
      { year: 2026, quarter: 4 },
      [],
      only('party_lecture_by_secretary_yearly'),
      { today: '2027-01-05' },
    );
    expect(r.checks).toBe(0);
  });
});

describe('exemptions need a reason and an approver', () => {
  const base: ComplianceExemption = {
    requirementId: 'general_meeting_quarterly',
    period: '2026-Q1',
    groupId: null,
    reason: '疫情防控期间暂停集中活动',
    approvedBy: '街道党工委',
  };

  it.each<[Partial<ComplianceExemption>, string | null, string[]]>([
    [{}, null, []],
    [{ reason: ' ' }, 'exemption_needs_reason', ['general_meeting_quarterly:missing']],
    [{ approvedBy: '' }, 'exemption_needs_approver', ['general_meeting_quarterly:missing']],
    [{ period: '2026-Q2' }, null, ['general_meeting_quarterly:missing']],
    [{ requirementId: 'theme_day_monthly' }, null, ['general_meeting_quarterly:missing']],
  ])('%o → %s, findings %o', (change, reason, expected) => {
    const exemption = { ...base, ...change };
    const d = checkExemption(exemption);
    expect(d.ok ? null : d.reason).toBe(reason);
    const r = evaluateCompliance(branch, Q1, [], GENERAL, { ...AFTER_Q1, exemptions: [exemption] });
    expect(kindsOf(r)).toEqual(expected);
    expect(r.skipped.map((s) => s.cause)).toEqual(expected.length === 0 ? ['exemption'] : []);
  });
});

describe('rule versions and the compliance rate', () => {
  it('follows the rule set it is given: a version asking two general meetings a quarter', () => {
    const twice = {
      ...GENERAL,
      version: 'v2',
      requirements: GENERAL.requirements.map((r) => ({ ...r, minCount: 2 })),
    };
    const one = [meeting('2026-02-01', ['general_meeting'])];
    expect(kindsOf(evaluateCompliance(branch, Q1, one, GENERAL, AFTER_Q1))).toEqual([]);
    const r = evaluateCompliance(branch, Q1, one, twice, AFTER_Q1);
    expect(r.findings.map((f) => [f.required, f.closed])).toEqual([[2, 1]]);
  });

  it('applies to the org kinds of the rules only', () => {
    expect(
      evaluateCompliance({ ...branch, kind: 'committee' }, Q1, [], DEFAULT_COMPLIANCE_RULES, AFTER_Q1).checks,
    ).toBe(0);
  });

  it('rates met over judged requirements for the whole default set', () => {
    const meetings = [
      meeting('2026-01-15', ['theme_day', 'general_meeting']),
      meeting('2026-01-16', ['committee_meeting']),
      meeting('2026-02-15', ['theme_day']),
    ];
    const r = evaluateCompliance(branch, Q1, meetings, DEFAULT_COMPLIANCE_RULES, AFTER_Q1);
    // 3 committee + 3 theme day + 1 general + 1 lecture = 8 judged; met: committee Jan, theme Jan and Feb, general.
    expect([r.checks, r.met]).toEqual([8, 4]);
    expect(complianceRate(r)).toBe(0.5);
    expect(complianceRate({ checks: 0, met: 0 })).toBe(1);
  });
});
