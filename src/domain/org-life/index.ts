/** Organizational life (组织生活): compliance periods, the versioned rules, their evaluation per org and period, quorum and votes. The only way into this area from outside it. */
export * from './compliance.ts';
export * from './compliance-rules.ts';
export * from './meetings.ts';
export * from './periods.ts';
export * from './quorum.ts';
export * from './reasons.ts';
