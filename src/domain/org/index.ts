/** Organizations: kinds and nesting, lifecycle, leadership posts and terms, and the findings derived from them. The only way into this area from outside it. */

export * from './branch-roster.ts';
export * from './finding-order.ts';
export * from './leadership.ts';
export * from './leadership-edits.ts';
export * from './org-counts.ts';
export * from './org-findings.ts';
export * from './org-kinds.ts';
export * from './org-lifecycle.ts';
export * from './reasons.ts';
export * from './terms.ts';
