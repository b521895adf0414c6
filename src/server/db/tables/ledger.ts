import { sql } from 'drizzle-orm';
import { check, date, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/**
 * 关账: a reported period of the 增减台账 (the half-year to 06-30, the year to 12-31) closed for the whole deployment
 * once its figures were reported (docs/membership.md §8). An event counted on or before the last closed end is
 * refused or booked as a correction in the current period (the `ledger` setting `closedPeriodPolicy`).
 */
export const ledgerClosings = pgTable(
  'ledger_closings',
  {
    periodEnd: date('period_end', { mode: 'string' }).primaryKey(),
    /** The deployment's day it was closed (as the refusals name it), and the moment. */
    closedOn: date('closed_on', { mode: 'string' }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }).notNull().defaultNow(),
    closedBy: integer('closed_by').references(() => users.id),
    note: text('note'),
  },
  (t) => [
    check('ledger_closings_period_end_check', sql`to_char(${t.periodEnd}, 'MM-DD') in ('06-30', '12-31')`),
  ],
);
