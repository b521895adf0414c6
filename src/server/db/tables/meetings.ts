import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import {
  ATTENDANCE_STATUSES,
  CHECK_IN_SOURCES,
  EXPECTED_EXCLUSION_REASONS,
  MEETING_KINDS,
  MEETING_STATUSES,
  VOTE_CHOICES,
  VOTE_SUBJECTS,
} from '../../../domain/org-life/index.ts';
import { oneOf } from './closed-vocabulary.ts';
import { orgs } from './orgs.ts';
import { members } from './people.ts';
import { users } from './users.ts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** `kinds <@ array['a', …]`: every kind of a meeting is one of the closed list, and it has at least one. */
function kindsCheck(column: unknown) {
  const list = MEETING_KINDS.map((k) => `'${k}'`).join(', ');
  return sql`cardinality(${column}) > 0 and ${column} <@ array[${sql.raw(list)}]::text[]`;
}

/**
 * A meeting of organizational life (docs/organizational-life.md §1–§3): held by an org (a 党支部, or one of its
 * 党小组 for a 党小组会), recorded as one or more kinds (a 主题党日 held as a 支部党员大会 with a 党课). Planned →
 * held (minutes and attendance entered) → closed (locked; only a closed meeting counts); reopened with a reason.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** The org that holds it: a branch, or a 党小组 (org kind `group`) for a group meeting. */
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    /** A closed vocabulary (MEETING_KINDS), checked by the database; the first is the principal kind. */
    kinds: text('kinds').array().notNull(),
    /** A closed vocabulary (MEETING_STATUSES), checked by the database. */
    status: text('status', { enum: MEETING_STATUSES }).notNull().default('planned'),
    /** An election meeting (选举): its quorum is more than four fifths (选举工作条例). */
    election: boolean('election').notNull().default(false),
    topic: text('topic').notNull(),
    plannedStart: timestamp('planned_start', { withTimezone: true }).notNull(),
    plannedEnd: timestamp('planned_end', { withTimezone: true }),
    /** When it was actually held; set from `held` on. */
    heldStart: timestamp('held_start', { withTimezone: true }),
    heldEnd: timestamp('held_end', { withTimezone: true }),
    /** The day it was held in the deployment's calendar (Asia/Shanghai): what compliance and 应到会 count by. */
    heldOn: date('held_on', { mode: 'string' }),
    place: text('place'),
    /** 主持人 and 记录人: members, or a name for someone from outside (a lecturer from the level above). */
    hostMemberId: integer('host_member_id').references(() => members.id),
    hostName: text('host_name'),
    recorderMemberId: integer('recorder_member_id').references(() => members.id),
    recorderName: text('recorder_name'),
    /** A 党课 given by the org's secretary (书记讲党课), as of the day it was held. */
    givenByHead: boolean('given_by_head').notNull().default(false),
    agenda: text('agenda'),
    minutes: text('minutes'),
    resolutions: text('resolutions'),
    /** The secret of the check-in QR code; a new one makes earlier codes useless. */
    checkInSecret: text('check_in_secret').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: integer('closed_by').references(() => users.id),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('meetings_org_held_idx').on(t.orgId, t.heldOn),
    index('meetings_org_planned_idx').on(t.orgId, t.plannedStart),
    check('meetings_kinds_check', kindsCheck(t.kinds)),
    check('meetings_status_check', oneOf(t.status, MEETING_STATUSES)),
    check('meetings_held_check', sql`(${t.status} = 'planned') = (${t.heldOn} is null)`),
    check('meetings_closed_check', sql`(${t.status} = 'closed') = (${t.closedAt} is not null)`),
  ],
);

/**
 * One row per member expected at a meeting (应到会, derived from the roster on its date) or recorded there: the
 * exclusion (if taken out of 应到会, with its reason), the vote they carry, and their attendance.
 */
export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    /** Taken out of 应到会: a closed vocabulary (EXPECTED_EXCLUSION_REASONS), with a note. */
    excludedReason: text('excluded_reason', { enum: EXPECTED_EXCLUSION_REASONS }),
    excludedNote: text('excluded_note'),
    /** Full member, not under 留党察看, on the meeting's date (党章第七条): counted for quorum and votes. */
    hasVote: boolean('has_vote').notNull(),
    /** A closed vocabulary (ATTENDANCE_STATUSES); null until recorded. */
    attendance: text('attendance', { enum: ATTENDANCE_STATUSES }),
    leaveReason: text('leave_reason'),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    /** How the attendance was recorded: a closed vocabulary (CHECK_IN_SOURCES). */
    checkInSource: text('check_in_source', { enum: CHECK_IN_SOURCES }),
    /** 补课: the make-up study of someone on leave or absent, within the configured days. */
    makeUpOn: date('make_up_on', { mode: 'string' }),
    makeUpNote: text('make_up_note'),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.memberId] }),
    index('meeting_attendees_member_idx').on(t.memberId),
    check('meeting_attendees_excluded_check', oneOf(t.excludedReason, EXPECTED_EXCLUSION_REASONS)),
    check('meeting_attendees_attendance_check', oneOf(t.attendance, ATTENDANCE_STATUSES)),
    check('meeting_attendees_source_check', oneOf(t.checkInSource, CHECK_IN_SOURCES)),
  ],
);

/** Photos and files of a meeting (sign-in sheets, minutes scans), stored in the database, type- and size-checked. */
export const meetingAttachments = pgTable(
  'meeting_attachments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meeting_attachments_meeting_idx').on(t.meetingId)],
);

/**
 * A vote of a closed 支部党员大会 (docs/organizational-life.md §6): on an admission, a confirmation, an extension,
 * a disposal or an election. Totals for a secret ballot; otherwise one ballot per member (meeting_ballots).
 * `entitled` and `present` are the voting members 应到会 and present when it was recorded.
 */
export const meetingVotes = pgTable(
  'meeting_votes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    /** A closed vocabulary (VOTE_SUBJECTS). */
    subject: text('subject', { enum: VOTE_SUBJECTS }).notNull(),
    subjectMemberId: integer('subject_member_id').references(() => members.id),
    title: text('title').notNull(),
    secretBallot: boolean('secret_ballot').notNull(),
    inFavour: integer('in_favour').notNull(),
    against: integer('against').notNull(),
    abstain: integer('abstain').notNull(),
    /** 书面表达的赞成意见 of voting members absent, counted as configured. */
    writtenInFavour: integer('written_in_favour').notNull().default(0),
    entitled: integer('entitled').notNull(),
    present: integer('present').notNull(),
    passed: boolean('passed').notNull(),
    recordedBy: integer('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('meeting_votes_meeting_idx').on(t.meetingId),
    index('meeting_votes_subject_member_idx').on(t.subjectMemberId),
    check('meeting_votes_subject_check', oneOf(t.subject, VOTE_SUBJECTS)),
    check(
      'meeting_votes_counts_check',
      sql`${t.inFavour} >= 0 and ${t.against} >= 0 and ${t.abstain} >= 0 and ${t.writtenInFavour} >= 0`,
    ),
  ],
);

/** One member's ballot in an open vote: one person, one vote. */
export const meetingBallots = pgTable(
  'meeting_ballots',
  {
    voteId: integer('vote_id')
      .notNull()
      .references(() => meetingVotes.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    /** A closed vocabulary (VOTE_CHOICES). */
    choice: text('choice', { enum: VOTE_CHOICES }).notNull(),
    /** Given in writing by a voting member who could not attend. */
    written: boolean('written').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.voteId, t.memberId] }),
    check('meeting_ballots_choice_check', oneOf(t.choice, VOTE_CHOICES)),
  ],
);
