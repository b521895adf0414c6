/** Organizational life (组织生活): compliance periods, the versioned rules, their evaluation per org and period, quorum and votes. The only way into this area from outside it. */

export * from './absence.ts';
export * from './appraisal.ts';
export * from './appraisal-cases.ts';
export * from './appraisal-talk-settings.ts';
export * from './attachments.ts';
export * from './attendance.ts';
export * from './ballots.ts';
export * from './check-in.ts';
export * from './compliance.ts';
export * from './compliance-exemptions.ts';
export * from './compliance-findings.ts';
export * from './compliance-rollup.ts';
export * from './compliance-rules.ts';
export * from './meeting-lifecycle.ts';
export * from './meeting-settings.ts';
export * from './meetings.ts';
export * from './periods.ts';
export * from './quorum.ts';
export * from './reasons.ts';
export * from './rule-set-edits.ts';
export * from './talks.ts';
