import type { OrgFinding, Severity } from './org-findings.ts';

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/**
 * The order of a to-do list (docs/design.md §4.2, 工作台 first shows what needs action): critical first, then
 * the oldest date first (the longest overdue term or vacancy, the nearest expiry), undated last.
 */
export function compareFindings(a: OrgFinding, b: OrgFinding): number {
  const bySeverity = SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  if (bySeverity !== 0) return bySeverity;
  if (a.date === b.date) return 0;
  if (a.date === null) return 1;
  if (b.date === null) return -1;
  return a.date < b.date ? -1 : 1;
}
