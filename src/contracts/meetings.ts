import { MEMBER_STATUSES } from '../domain/membership/index.ts';
import { ORG_KINDS } from '../domain/org/index.ts';
import {
  ATTENDANCE_STATUSES,
  CHECK_IN_SOURCES,
  EXPECTED_EXCLUSION_REASONS,
  MEETING_KINDS,
  MEETING_STATUSES,
} from '../domain/org-life/index.ts';
import {
  IdSchema,
  IsoDateSchema,
  optionalText,
  PageQuery,
  pageOf,
  patchText,
  text,
  VersionSchema,
} from './common.ts';
import { z } from './zod-zh.ts';

/**
 * 三会一课 and the other meetings of organizational life (docs/organizational-life.md §1–§4): the record, its
 * lifecycle (planned → held → closed, reopened with a reason), 应到会 and attendance, check-in, attachments.
 * Votes are in meeting-votes.ts.
 */
export const MeetingKindSchema = z.enum(MEETING_KINDS);
export const MeetingStatusSchema = z.enum(MEETING_STATUSES);
export const AttendanceStatusSchema = z.enum(ATTENDANCE_STATUSES);
export const ExclusionReasonSchema = z.enum(EXPECTED_EXCLUSION_REASONS);

/** An instant with its offset: `2026-12-05T14:00:00+08:00` (the deployment's calendar is Asia/Shanghai). */
export const InstantSchema = z.iso
  .datetime({ offset: true, message: '时间格式应为 ISO 8601（如 2026-12-05T14:00:00+08:00）' })
  .meta({ description: '时间（ISO 8601，带时区）', example: '2026-12-05T14:00:00+08:00' });

const Kinds = z
  .array(MeetingKindSchema)
  .min(1, '请至少选择一种会议类型')
  .max(MEETING_KINDS.length)
  .refine((k) => new Set(k).size === k.length, { message: '会议类型不能重复' })
  .meta({ description: '会议类型（可多选，第一项为主要类型）' });

const NullableId = IdSchema.nullish().transform((v) => v ?? null);

export const MeetingListQuery = PageQuery.extend({
  /** Meetings of this org's subtree; the whole scope by default. */
  orgId: IdSchema.optional(),
  /** Meetings on or after / on or before this day (held day once held, planned day before). */
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  kind: MeetingKindSchema.optional(),
  status: MeetingStatusSchema.optional(),
});

export const CreateMeetingBody = z.object({
  orgId: IdSchema,
  kinds: Kinds,
  election: z.boolean().default(false).meta({ description: '选举会议（到会须超过应到会的五分之四）' }),
  topic: text(200),
  plannedStart: InstantSchema,
  plannedEnd: InstantSchema.nullish().transform((v) => v ?? null),
  place: optionalText(200),
  /** 主持人: a member of the org (id) or a name for someone from outside. */
  hostMemberId: NullableId,
  hostName: optionalText(50),
  /** 记录人: likewise. */
  recorderMemberId: NullableId,
  recorderName: optionalText(50),
  agenda: optionalText(5000),
});

/** A partial change (absent: unchanged; null or '': cleared), allowed while the meeting is not closed. */
export const UpdateMeetingBody = z.object({
  version: VersionSchema,
  kinds: Kinds.optional(),
  election: z.boolean().optional(),
  topic: text(200).optional(),
  plannedStart: InstantSchema.optional(),
  plannedEnd: InstantSchema.nullish(),
  /** Only once held: corrections of when it was held (a held meeting cannot be dated in the future). */
  heldStart: InstantSchema.optional(),
  heldEnd: InstantSchema.nullish(),
  place: patchText(200),
  hostMemberId: IdSchema.nullish(),
  hostName: patchText(50),
  recorderMemberId: IdSchema.nullish(),
  recorderName: patchText(50),
  agenda: patchText(5000),
  minutes: patchText(50000),
  resolutions: patchText(10000),
});

export const HoldMeetingBody = z.object({
  version: VersionSchema,
  heldStart: InstantSchema,
  heldEnd: InstantSchema.nullish().transform((v) => v ?? null),
});
export const CloseMeetingBody = z.object({ version: VersionSchema });
export const ReopenMeetingBody = z.object({ version: VersionSchema, reason: text(500) });
export const DeleteMeetingQuery = z.object({
  version: z.coerce.number().int().positive().max(2_147_483_647),
});

/** 应到会 / 实到会 / 请假 / 缺席, and the voting members (有表决权) entitled and present. */
export const AttendanceCounts = z.object({
  expected: z.number().int(),
  present: z.number().int(),
  leave: z.number().int(),
  absent: z.number().int(),
  /** Expected attendees whose attendance is not recorded yet. */
  unrecorded: z.number().int(),
  /** Taken out of 应到会 with a reason. */
  excluded: z.number().int(),
  votingEntitled: z.number().int(),
  votingPresent: z.number().int(),
});

/** The quorum of this meeting (docs/organizational-life.md §3): by its kinds and election flag, null when none applies. */
export const QuorumView = z
  .object({
    kind: z.enum(['general', 'committee', 'election']),
    reached: z.boolean(),
    message: z.string().nullable(),
  })
  .nullable();

const PersonRef = z.object({ memberId: z.number().int().nullable(), name: z.string().nullable() });

export const MeetingView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  orgKind: z.enum(ORG_KINDS),
  kinds: z.array(MeetingKindSchema),
  status: MeetingStatusSchema,
  election: z.boolean(),
  topic: z.string(),
  plannedStart: z.string(),
  plannedEnd: z.string().nullable(),
  heldStart: z.string().nullable(),
  heldEnd: z.string().nullable(),
  heldOn: IsoDateSchema.nullable(),
  place: z.string().nullable(),
  host: PersonRef,
  recorder: PersonRef,
  /** 书记讲党课: the host was the org's 书记 on the day it was held (computed at hold and close). */
  givenByHead: z.boolean(),
  agenda: z.string().nullable(),
  minutes: z.string().nullable(),
  resolutions: z.string().nullable(),
  closedAt: z.string().nullable(),
  counts: AttendanceCounts,
  quorum: QuorumView,
  attachmentCount: z.number().int(),
  voteCount: z.number().int(),
  version: z.number().int(),
  can: z.object({
    edit: z.boolean(),
    delete: z.boolean(),
    hold: z.boolean(),
    close: z.boolean(),
    reopen: z.boolean(),
    vote: z.boolean(),
  }),
});
export type MeetingView = z.infer<typeof MeetingView>;

export const MeetingListItem = MeetingView.pick({
  id: true,
  orgId: true,
  orgName: true,
  kinds: true,
  status: true,
  election: true,
  topic: true,
  plannedStart: true,
  heldOn: true,
  place: true,
  counts: true,
  version: true,
});
export type MeetingListItem = z.infer<typeof MeetingListItem>;
export const MeetingPage = pageOf(MeetingListItem);

export const AttendeeView = z.object({
  memberId: z.number().int(),
  name: z.string(),
  /** The branch or group the member belonged to on the meeting's date. */
  orgName: z.string(),
  /** Standing on the meeting's date (正式 / 预备…). */
  memberStatus: z.enum(MEMBER_STATUSES),
  hasVote: z.boolean(),
  excludedReason: ExclusionReasonSchema.nullable(),
  excludedNote: z.string().nullable(),
  attendance: AttendanceStatusSchema.nullable(),
  leaveReason: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  checkInSource: z.enum(CHECK_IN_SOURCES).nullable(),
  makeUpOn: IsoDateSchema.nullable(),
  makeUpNote: z.string().nullable(),
});
export type AttendeeView = z.infer<typeof AttendeeView>;

export const AttendanceView = z.object({
  meetingId: z.number().int(),
  /** The meeting's version: an attendance change moves it on (optimistic lock). */
  version: z.number().int(),
  /** The day 应到会 is taken on: the planned day while planned, the held day once held. */
  rosterDate: IsoDateSchema,
  counts: AttendanceCounts,
  quorum: QuorumView,
  attendees: z.array(AttendeeView),
});
export type AttendanceView = z.infer<typeof AttendanceView>;

export const AttendanceEntry = z
  .object({
    memberId: IdSchema,
    /** Taken out of 应到会 with a reason of the configured list; null puts them back. */
    excludedReason: ExclusionReasonSchema.nullish().transform((v) => v ?? null),
    excludedNote: optionalText(200),
    attendance: AttendanceStatusSchema.nullish().transform((v) => v ?? null),
    /** Required for 请假. */
    leaveReason: optionalText(200),
    /** 补课 of someone on leave or absent, within the configured days after the meeting. */
    makeUpOn: IsoDateSchema.nullish().transform((v) => v ?? null),
    makeUpNote: optionalText(500),
  })
  .refine((e) => e.attendance !== 'leave' || e.leaveReason !== null, {
    message: '请假须填写事由',
    path: ['leaveReason'],
  });

/** The secretary's entries (source `secretary`, audited): one per member changed; the others stay as they are. */
export const PutAttendanceBody = z.object({
  version: VersionSchema,
  attendees: z
    .array(AttendanceEntry)
    .max(5000)
    .refine((a) => new Set(a.map((e) => e.memberId)).size === a.length, { message: '同一党员不能重复登记' }),
});

export const CheckInCodeView = z.object({
  token: z.string(),
  /** The web page a member opens (the QR code's content), relative to the site. */
  url: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
});
export const CheckInBody = z.object({ token: z.string().trim().min(1, '签到码不能为空').max(200) });
export const CheckInResult = z.object({
  meetingId: z.number().int(),
  topic: z.string(),
  attendance: AttendanceStatusSchema,
  checkedInAt: z.string(),
});

export const AttachmentView = z.object({
  id: z.number().int(),
  meetingId: z.number().int(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export const AttachmentParams = z.object({ id: IdSchema, attachmentId: IdSchema });

/** A member's own meetings (member.self): upcoming and past, with their own attendance. */
export const MyMeetingView = z.object({
  id: z.number().int(),
  orgName: z.string(),
  kinds: z.array(MeetingKindSchema),
  status: MeetingStatusSchema,
  topic: z.string(),
  plannedStart: z.string(),
  plannedEnd: z.string().nullable(),
  heldOn: IsoDateSchema.nullable(),
  place: z.string().nullable(),
  excludedReason: ExclusionReasonSchema.nullable(),
  attendance: AttendanceStatusSchema.nullable(),
  leaveReason: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  makeUpOn: IsoDateSchema.nullable(),
  /** A leave may be asked for until the meeting starts. */
  canRequestLeave: z.boolean(),
});
export const MyMeetings = z.object({
  upcoming: z.array(MyMeetingView),
  past: z.array(MyMeetingView),
});
export const LeaveRequestBody = z.object({ reason: text(200) });

/** The parameters of meetings as configured (CFG), for the forms. */
export const MeetingPolicyView = z.object({
  exclusionReasons: z.array(ExclusionReasonSchema),
  makeUpDays: z.number().int(),
  checkInBeforeMinutes: z.number().int(),
  checkInAfterMinutes: z.number().int(),
  maxAttachmentMb: z.number().int(),
  attachmentTypes: z.array(z.string()),
});
