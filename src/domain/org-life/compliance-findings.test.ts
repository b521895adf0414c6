import { describe, expect, it } from 'vitest';
import type { ComplianceFinding } from './compliance.ts';
import { complianceTodos, todoPeriods } from './compliance-findings.ts';
import { type CompliancePeriod, periodKey } from './periods.ts';

const finding = (
  kind: ComplianceFinding['kind'],
  period: CompliancePeriod,
  message: string,
): ComplianceFinding => ({
  kind,
  orgId: 'b',
  requirementId: 'r',
  meetingKind: 'theme_day',
  period,
  groupId: null,
  required: 1,
  closed: 0,
  unclosedMeetingIds: [],
  article: '第十六条',
  message,
});

describe('todoPeriods: the periods begun whose shortfalls are still kept (92 days)', () => {
  it.each<[string, string[]]>([
    ['2026-03-15', ['2025-12', '2025-Q4', '2025', '2026-01', '2026-02', '2026-03', '2026-Q1', '2026']],
    [
      '2026-04-02',
      [
        '2025-12',
        '2025-Q4',
        '2025',
        '2026-01',
        '2026-02',
        '2026-03',
        '2026-04',
        '2026-Q1',
        '2026-Q2',
        '2026',
      ],
    ],
    ['2026-04-03', ['2026-01', '2026-02', '2026-03', '2026-04', '2026-Q1', '2026-Q2', '2026']],
  ])('%s → %o', (today, expected) => {
    expect(todoPeriods(today).map(periodKey)).toEqual(expected);
  });
});

describe('complianceTodos: one to-do per kind (docs/organizational-life.md §6)', () => {
  it('names the earliest shortfall and counts the others; drops shortfalls older than 92 days', () => {
    const todos = complianceTodos(
      [
        finding('missing', { year: 2026, month: 4 }, '4月'),
        finding('missing', { year: 2026, month: 2 }, '2月'),
        finding('missing', { year: 2026, month: 1 }, '1月'),
        finding('due', { year: 2026, quarter: 2 }, '二季度'),
        finding('not_closed', { year: 2026, month: 6 }, '6月'),
      ],
      '2026-05-10',
    );
    expect(todos.map((t) => [t.kind, t.severity, t.message])).toEqual([
      ['org_life_missing', 'critical', '2月等2项'],
      ['org_life_not_closed', 'warning', '6月'],
      ['org_life_due', 'warning', '二季度'],
    ]);
    expect(todos[0]).toMatchObject({ date: '2026-02-28', days: 71 });
  });

  it('gives nothing without findings', () => {
    expect(complianceTodos([], '2026-05-10')).toEqual([]);
  });

  it('takes the counts it is given when the findings hold only the first of each kind (the daily pass)', () => {
    const todos = complianceTodos(
      [
        finding('missing', { year: 2026, month: 2 }, '2月'),
        finding('not_closed', { year: 2026, month: 6 }, '6月'),
      ],
      '2026-05-10',
      { missing: 4, not_closed: 1 },
    );
    expect(todos.map((t) => t.message)).toEqual(['2月等4项', '6月']);
  });
});
