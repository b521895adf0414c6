import { sql } from 'drizzle-orm';
import { bigint, check, date, integer, pgTable, timestamp } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/**
 * The dues months whose charges are kept (docs/dues.md §8): the monthly pass adds the current month for every
 * member; `POST /api/dues/charges/generate` adds one on demand. Only these months have rows in `dues_charges`, and
 * a refresh recomputes only these.
 */
export const duesMonths = pgTable(
  'dues_months',
  {
    /** The month's first day. */
    month: date('month', { mode: 'string' }).primaryKey(),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Who asked for it (null: the monthly pass). */
    generatedBy: integer('generated_by').references(() => users.id),
  },
  (t) => [check('dues_months_month_check', sql`extract(day from ${t.month}) = 1`)],
);

/**
 * Members whose charges may have changed since the last refresh, from a month on: appended by triggers on members,
 * member_events, dues_bases, dues_reductions and dues_rule_sets (migration `dues-charges`) in the writer's
 * transaction, never updated, taken by the refresh before a read. `member_id` null: every member (a new version of
 * the rules); `from_month` null: every month kept.
 */
export const duesChargeMarks = pgTable('dues_charge_marks', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  memberId: integer('member_id'),
  fromMonth: date('from_month', { mode: 'string' }),
});
