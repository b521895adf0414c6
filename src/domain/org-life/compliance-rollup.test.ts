import { describe, expect, it } from 'vitest';
import { addDays, type IsoDate } from '../shared/index.ts';
import type { ComplianceExemption, ComplianceMeeting, ComplianceOrg } from './compliance.ts';
import {
  addFigures,
  complianceUnits,
  evaluateOrgPeriod,
  figuresOf,
  figuresOfUnits,
  figuresRate,
  NO_FIGURES,
  subPeriodsOf,
} from './compliance-rollup.ts';
import {
  type ComplianceRuleSet,
  DEFAULT_COMPLIANCE_RULES,
  MEETING_KINDS,
  type MeetingKind,
} from './compliance-rules.ts';
import { type CompliancePeriod, parsePeriodKey, periodKey } from './periods.ts';

const branch: ComplianceOrg = {
  id: 'b',
  kind: 'branch',
  foundedOn: '2020-01-01',
  dissolvedOn: null,
  hasCommittee: false,
  groups: [],
};
const meeting = (heldOn: IsoDate, kinds: MeetingKind[], status: ComplianceMeeting['status'] = 'closed') => ({
  id: `${heldOn}-${kinds.join('+')}`,
  kinds,
  status,
  heldOn,
  groupId: null,
  givenByHead: false,
});

describe('subPeriodsOf: the periods of every cadence inside a period', () => {
  it.each<[string, string[]]>([
    ['2026-09', ['2026-09']],
    ['2026-Q3', ['2026-07', '2026-08', '2026-09', '2026-Q3']],
    [
      '2026',
      [
        ...Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
        '2026-Q1',
        '2026-Q2',
        '2026-Q3',
        '2026-Q4',
        '2026',
      ],
    ],
  ])('%s → %o', (key, expected) => {
    expect(subPeriodsOf(parsePeriodKey(key) as CompliancePeriod).map(periodKey)).toEqual(expected);
  });
});

describe('rule versions across a year (docs/organizational-life.md §7.2: the version of each period’s first day)', () => {
  /** From 2026-07-01: two 党员大会 a quarter, reminders 30 days ahead. */
  const stricter: ComplianceRuleSet = {
    ...DEFAULT_COMPLIANCE_RULES,
    version: '2026-严格',
    validFrom: '2026-07-01',
    reminderDays: 30,
    requirements: DEFAULT_COMPLIANCE_RULES.requirements.map((r) =>
      r.id === 'general_meeting_quarterly' ? { ...r, minCount: 2 } : r,
    ),
  };
  const sets = [DEFAULT_COMPLIANCE_RULES, stricter];
  const general = (r: ReturnType<typeof evaluateOrgPeriod>) =>
    r.findings
      .filter((f) => f.requirementId === 'general_meeting_quarterly')
      .map((f) => `${periodKey(f.period)} ${f.kind} ${f.required}`);

  it.each<[string, IsoDate, string[]]>([
    [
      'one meeting a quarter meets Q2 under the old version, not Q3 under the new',
      '2027-01-10',
      ['2026-Q3 missing 2', '2026-Q4 missing 2'],
    ],
    ['the new version reminds 30 days ahead', '2026-09-05', ['2026-Q3 due 2']],
    ['the old one 15: nothing due on 2026-06-10', '2026-06-10', []],
  ])('%s', (_, today, expected) => {
    const meetings = [meeting('2026-05-10', ['general_meeting']), meeting('2026-08-10', ['general_meeting'])];
    const r = evaluateOrgPeriod(branch, { year: 2026 }, meetings, sets, { today });
    expect(
      general(r).filter((g) => g.startsWith('2026-Q2') || g.startsWith('2026-Q3') || g.startsWith('2026-Q4')),
    ).toEqual(expected);
  });

  it('judges nothing before the first version', () => {
    const r = evaluateOrgPeriod(branch, { year: 2017 }, [], [DEFAULT_COMPLIANCE_RULES], {
      today: '2026-01-01',
    });
    expect(r).toMatchObject({ checks: 0, met: 0, findings: [] });
  });
});

describe('figuresRate: the one rate every page shows', () => {
  it.each<[number, number, number | null]>([
    [0, 0, null],
    [4, 0, 0],
    [4, 3, 0.75],
    [2, 2, 1],
  ])('%i judged, %i met → %s', (checks, met, rate) => {
    expect(figuresRate({ checks, met })).toBe(rate);
  });
});

/** A small deterministic generator (mulberry32), so that a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the roll-up’s units, judged on a day, equal the evaluation on that day (property)', () => {
  const sets: ComplianceRuleSet[] = [
    DEFAULT_COMPLIANCE_RULES,
    {
      ...DEFAULT_COMPLIANCE_RULES,
      version: 'v2',
      validFrom: '2026-05-01',
      reminderDays: 7,
      oneMeetingManyKinds: false,
    },
  ];
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))('seed %i', (seed) => {
    const rnd = random(seed);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
    const day = (from: IsoDate, span: number) => addDays(from, Math.floor(rnd() * span));
    const groups = Array.from({ length: Math.floor(rnd() * 3) }, (_, i) => ({
      id: `g${i}`,
      name: `第${i + 1}党小组`,
      foundedOn: rnd() < 0.3 ? day('2026-01-01', 365) : null,
      dissolvedOn: rnd() < 0.2 ? day('2026-03-01', 300) : null,
    }));
    const org: ComplianceOrg = {
      id: 'o',
      kind: pick(['branch', 'joint_branch', 'committee'] as const),
      foundedOn: rnd() < 0.3 ? day('2025-12-01', 300) : '2019-01-01',
      dissolvedOn: rnd() < 0.2 ? day('2026-04-01', 300) : null,
      hasCommittee: rnd() < 0.5,
      groups,
    };
    const meetings: ComplianceMeeting[] = Array.from({ length: Math.floor(rnd() * 40) }, (_, i) => ({
      id: `m${i}`,
      kinds: [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(MEETING_KINDS)))],
      status: pick(['held', 'closed', 'closed'] as const),
      heldOn: day('2026-01-01', 365),
      groupId: groups.length > 0 && rnd() < 0.3 ? pick(groups).id : null,
      givenByHead: rnd() < 0.3,
    }));
    const exemptions: ComplianceExemption[] = Array.from({ length: Math.floor(rnd() * 4) }, () => {
      const req = pick(DEFAULT_COMPLIANCE_RULES.requirements);
      const sub = pick(
        subPeriodsOf({ year: 2026 }).filter(
          (p) => ('month' in p ? 'month' : 'quarter' in p ? 'quarter' : 'year') === req.cadence,
        ),
      );
      return {
        requirementId: req.id,
        period: periodKey(sub),
        groupId: req.perGroup && groups.length > 0 ? pick(groups).id : null,
        reason: '理由',
        approvedBy: 'u1',
      };
    });
    const units = complianceUnits(org, { year: 2026 }, meetings, sets, exemptions);
    for (let k = 0; k < 6; k++) {
      const today = day('2026-01-01', 420);
      const period = pick([
        { year: 2026 },
        { year: 2026, quarter: 1 + Math.floor(rnd() * 4) },
        { year: 2026, month: 1 + Math.floor(rnd() * 12) },
      ]);
      const keys = new Set(subPeriodsOf(period).map(periodKey));
      let fromUnits = NO_FIGURES;
      for (const u of units.filter((x) => keys.has(x.periodKey)))
        fromUnits = addFigures(
          fromUnits,
          figuresOfUnits(u, parsePeriodKey(u.periodKey) as CompliancePeriod, sets, today),
        );
      const naive = figuresOf(evaluateOrgPeriod(org, period, meetings, sets, { today, exemptions }));
      expect(fromUnits, `${periodKey(period)} on ${today}`).toEqual(naive);
    }
  });
});
