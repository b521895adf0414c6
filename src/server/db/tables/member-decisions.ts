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
import { DECISION_KINDS, DECISION_STATUSES } from '../../../domain/membership/index.ts';
import { oneOf } from './closed-vocabulary.ts';
import { orgs } from './orgs.ts';
import { members } from './people.ts';
import { users } from './users.ts';

/**
 * A 支部大会 decision on a member that needs the approval of the level above (docs/membership.md §12): 转正,
 * 延长预备期, or a 出党 the level above approves. Pending, it changes nothing on the member; approved, it was
 * applied as a history row dated on the meeting and counted on the approval; or withdrawn. One pending decision
 * per member at a time.
 */
export const memberDecisions = pgTable(
  'member_decisions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    /** The member's org when the decision was recorded (its 党支部 or 党小组). */
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    /** A closed vocabulary (DECISION_KINDS), checked by the database. */
    kind: text('kind', { enum: DECISION_KINDS }).notNull(),
    /** The date of the 支部大会 that decided it: the history row's `effective_on` once approved. */
    meetingOn: date('meeting_on', { mode: 'string' }).notNull(),
    /** What the status change needs besides its date: reason, 出党 category and flag, the new end of the 预备期. */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    /** A closed vocabulary (DECISION_STATUSES), checked by the database. */
    status: text('status', { enum: DECISION_STATUSES }).notNull().default('pending'),
    /** The approval of the level above (批准机关, 批准日期, 批复文号): set together, when approved. */
    approvingOrgName: text('approving_org_name'),
    approvedOn: date('approved_on', { mode: 'string' }),
    documentNo: text('document_no'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Who approved or withdrew it, and when. */
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('member_decisions_member_idx').on(t.memberId),
    index('member_decisions_org_idx').on(t.orgId, t.status),
    uniqueIndex('member_decisions_one_pending').on(t.memberId).where(sql`status = 'pending'`),
    check('member_decisions_kind_check', oneOf(t.kind, DECISION_KINDS)),
    check('member_decisions_status_check', oneOf(t.status, DECISION_STATUSES)),
    check(
      'member_decisions_approval_check',
      sql`(${t.status} = 'approved') = (${t.approvedOn} is not null and ${t.approvingOrgName} is not null and ${t.documentNo} is not null)`,
    ),
  ],
);
