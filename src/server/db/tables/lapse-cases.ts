import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  LAPSE_CASE_STATUSES,
  LAPSE_CAUSES,
  LAPSE_OUTCOMES,
  type LapseSteps,
} from '../../../domain/membership/index.ts';
import { oneOf } from './closed-vocabulary.ts';
import { orgs } from './orgs.ts';
import { members } from './people.ts';
import { users } from './users.ts';

/**
 * A 党章第九条 case (自行脱党情形, docs/membership.md §6): opened by the branch from a member's 6-month to-do (6
 * consecutive months without organizational life, or without paying dues), its procedure's steps dated, closed with
 * the branch's outcome. It never changes the member: a removal is carried out through the 出党 decision flow. One
 * open case per member and cause.
 */
export const lapseCases = pgTable(
  'lapse_cases',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    /** The member's 党支部 when the case was opened (the branch of a 党小组). */
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    /** A closed vocabulary (LAPSE_CAUSES), checked by the database. */
    cause: text('cause', { enum: LAPSE_CAUSES }).notNull(),
    /** The run the case is about: its first and last month (`YYYY-MM`). */
    runFrom: text('run_from').notNull(),
    runTo: text('run_to').notNull(),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    openedBy: integer('opened_by').references(() => users.id),
    /** A closed vocabulary (LAPSE_CASE_STATUSES), checked by the database. */
    status: text('status', { enum: LAPSE_CASE_STATUSES }).notNull().default('open'),
    /** Set when closed: a closed vocabulary (LAPSE_OUTCOMES), with its note (the valid reason) and deadline (限期改正). */
    outcome: text('outcome', { enum: LAPSE_OUTCOMES }),
    outcomeNote: text('outcome_note'),
    deadline: date('deadline', { mode: 'string' }),
    /** The procedure's steps recorded: step key → { on, note }. */
    steps: jsonb('steps').$type<LapseSteps>().notNull().default(sql`'{}'::jsonb`),
    closedOn: date('closed_on', { mode: 'string' }),
    closedBy: integer('closed_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('lapse_cases_member_idx').on(t.memberId),
    index('lapse_cases_org_idx').on(t.orgId, t.status),
    uniqueIndex('lapse_cases_one_open').on(t.memberId, t.cause).where(sql`status = 'open'`),
    check('lapse_cases_cause_check', oneOf(t.cause, LAPSE_CAUSES)),
    check('lapse_cases_status_check', oneOf(t.status, LAPSE_CASE_STATUSES)),
    check('lapse_cases_outcome_check', oneOf(t.outcome, LAPSE_OUTCOMES)),
    check(
      'lapse_cases_run_check',
      sql`${t.runFrom} ~ '^\\d{4}-\\d{2}$' and ${t.runTo} ~ '^\\d{4}-\\d{2}$' and ${t.runFrom} <= ${t.runTo}`,
    ),
    check(
      'lapse_cases_closed_check',
      sql`(${t.status} = 'closed') = (${t.outcome} is not null and ${t.closedOn} is not null)`,
    ),
  ],
);
