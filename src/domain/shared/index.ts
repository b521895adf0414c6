/** Shared by every area: ISO dates and periods, the Decision a rule answers with, and the bounds of an uploaded file. The only way into this area from outside it. */
export * from './dates.ts';
export * from './decision.ts';
export * from './reasons.ts';
export * from './upload-limits.ts';
