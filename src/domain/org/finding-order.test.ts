import { describe, expect, it } from 'vitest';
import { compareFindings } from './finding-order.ts';
import type { OrgFinding, Severity } from './org-findings.ts';

function finding(severity: Severity, date: string | null): OrgFinding {
  return { kind: 'head_vacant', severity, message: '', article: '', date, days: null };
}

describe('compareFindings', () => {
  it.each<[string, OrgFinding, OrgFinding, number]>([
    ['critical before warning', finding('critical', '2026-01-01'), finding('warning', '2020-01-01'), -1],
    ['warning after critical', finding('warning', '2020-01-01'), finding('critical', '2026-01-01'), 1],
    [
      'same severity: older date first',
      finding('warning', '2025-01-01'),
      finding('warning', '2026-01-01'),
      -1,
    ],
    ['undated last', finding('warning', null), finding('warning', '2026-01-01'), 1],
    ['dated before undated', finding('warning', '2026-01-01'), finding('warning', null), -1],
    ['equal', finding('critical', '2026-01-01'), finding('critical', '2026-01-01'), 0],
  ])('%s', (_, a, b, expected) => {
    expect(Math.sign(compareFindings(a, b))).toBe(expected);
  });

  it('sorts a list critical first, then by date', () => {
    const list = [
      finding('warning', '2026-03-01'),
      finding('critical', '2026-05-01'),
      finding('critical', '2025-01-01'),
    ];
    expect(list.sort(compareFindings).map((f) => `${f.severity} ${f.date}`)).toEqual([
      'critical 2025-01-01',
      'critical 2026-05-01',
      'warning 2026-03-01',
    ]);
  });
});
