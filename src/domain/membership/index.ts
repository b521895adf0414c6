/** Membership: member status and its events, probation, admission periods, transfers, the membership ledger, roster statistics and filters. The only way into this area from outside it. */

export * from './admission-periods.ts';
export * from './confirmation.ts';
export * from './decision-approval.ts';
export * from './group-moves.ts';
export * from './lapse-cases.ts';
export * from './ledger-periods.ts';
export * from './lost-contact.ts';
export * from './member-deadlines.ts';
export * from './member-events.ts';
export * from './member-filters.ts';
export * from './member-registration.ts';
export * from './member-rules.ts';
export * from './member-stats.ts';
export * from './member-status.ts';
export * from './membership-ledger.ts';
export * from './probation.ts';
export * from './reasons.ts';
export * from './required-fields.ts';
export * from './roster-row.ts';
export * from './stat-dimensions.ts';
export * from './transfer-letter.ts';
export * from './transfer-rules.ts';
