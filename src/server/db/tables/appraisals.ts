import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { MEMBER_STATUSES } from '../../../domain/membership/index.ts';
import {
  APPRAISAL_CASE_STATUSES,
  APPRAISAL_GRADES,
  APPRAISAL_MEASURES,
  APPRAISAL_STATUSES,
  type CaseStep,
  type GradeCounts,
} from '../../../domain/org-life/index.ts';
import { oneOf } from './closed-vocabulary.ts';
import { orgs } from './orgs.ts';
import { members } from './people.ts';
import { users } from './users.ts';

/**
 * 民主评议党员 (docs/organizational-life.md §5.1): one round per 党支部 and year, dated on the day it is held; open →
 * closed (locked), reopened with a reason.
 */
export const appraisalRounds = pgTable(
  'appraisal_rounds',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    year: integer('year').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    /** A closed vocabulary (APPRAISAL_STATUSES), checked by the database. */
    status: text('status', { enum: APPRAISAL_STATUSES }).notNull().default('open'),
    note: text('note'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: integer('closed_by').references(() => users.id),
    /** The reason of the last reopening. */
    reopenReason: text('reopen_reason'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('appraisal_rounds_org_year_unique').on(t.orgId, t.year),
    check('appraisal_rounds_status_check', oneOf(t.status, APPRAISAL_STATUSES)),
    check('appraisal_rounds_closed_check', sql`(${t.status} = 'closed') = (${t.closedAt} is not null)`),
    check('appraisal_rounds_year_check', sql`extract(year from ${t.heldOn}) = ${t.year}`),
  ],
);

/**
 * A participant of a round: a member on the roster on its date, graded (正式党员) or not (预备党员 unless configured),
 * with the self-assessment, the peer votes entered from the paper tally and the grade the branch gives.
 */
export const appraisalParticipants = pgTable(
  'appraisal_participants',
  {
    roundId: integer('round_id')
      .notNull()
      .references(() => appraisalRounds.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    /** The member's status on the round's date (MEMBER_STATUSES). */
    memberStatus: text('member_status', { enum: MEMBER_STATUSES }).notNull(),
    graded: boolean('graded').notNull(),
    selfAssessment: text('self_assessment'),
    /** Counts per grade (党员互评 / 民主测评 tallied on paper). */
    peerVotes: jsonb('peer_votes').$type<GradeCounts>(),
    /** A closed vocabulary (APPRAISAL_GRADES); null until given, always null when not graded. */
    grade: text('grade', { enum: APPRAISAL_GRADES }),
    gradeNote: text('grade_note'),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.memberId] }),
    index('appraisal_participants_member_idx').on(t.memberId),
    check('appraisal_participants_status_check', oneOf(t.memberStatus, MEMBER_STATUSES)),
    check('appraisal_participants_grade_check', oneOf(t.grade, APPRAISAL_GRADES)),
    check('appraisal_participants_graded_check', sql`${t.graded} or ${t.grade} is null`),
  ],
);

/** A member's ballot about another participant: one per voter per person. */
export const appraisalBallots = pgTable(
  'appraisal_ballots',
  {
    roundId: integer('round_id')
      .notNull()
      .references(() => appraisalRounds.id, { onDelete: 'cascade' }),
    voterMemberId: integer('voter_member_id')
      .notNull()
      .references(() => members.id),
    subjectMemberId: integer('subject_member_id')
      .notNull()
      .references(() => members.id),
    grade: text('grade', { enum: APPRAISAL_GRADES }).notNull(),
    castAt: timestamp('cast_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.voterMemberId, t.subjectMemberId] }),
    check('appraisal_ballots_grade_check', oneOf(t.grade, APPRAISAL_GRADES)),
    check('appraisal_ballots_not_self_check', sql`${t.voterMemberId} <> ${t.subjectMemberId}`),
  ],
);

/**
 * A follow-up of a 基本合格 or 不合格 grade (docs/organizational-life.md §5.2): one measure, its steps recorded by the
 * secretary, open → done or withdrawn. Never changes the member's status.
 */
export const appraisalCases = pgTable(
  'appraisal_cases',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    roundId: integer('round_id')
      .notNull()
      .references(() => appraisalRounds.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    /** A closed vocabulary (APPRAISAL_MEASURES). */
    measure: text('measure', { enum: APPRAISAL_MEASURES }).notNull(),
    /** A closed vocabulary (APPRAISAL_CASE_STATUSES). */
    status: text('status', { enum: APPRAISAL_CASE_STATUSES }).notNull().default('open'),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    /** The deadline of a 限期改正. */
    deadlineOn: date('deadline_on', { mode: 'string' }),
    steps: jsonb('steps').$type<Record<string, CaseStep>>().notNull().default({}),
    note: text('note'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('appraisal_cases_round_idx').on(t.roundId, t.memberId),
    check('appraisal_cases_measure_check', oneOf(t.measure, APPRAISAL_MEASURES)),
    check('appraisal_cases_status_check', oneOf(t.status, APPRAISAL_CASE_STATUSES)),
  ],
);

/**
 * 谈心谈话 (docs/organizational-life.md §5.3; 支部工作条例第十九条): two members of a branch talked on a day, with the
 * topic and a summary.
 */
export const talks = pgTable(
  'talks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    talkedOn: date('talked_on', { mode: 'string' }).notNull(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => members.id),
    topic: text('topic').notNull(),
    summary: text('summary'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('talks_org_day_idx').on(t.orgId, t.talkedOn),
    check('talks_two_members_check', sql`${t.memberId} <> ${t.partnerId}`),
  ],
);
