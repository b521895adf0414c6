import { MEETING_KINDS } from '../domain/org-life/index.ts';
import { IsoDateSchema } from './common.ts';
import { z } from './zod-zh.ts';

/** 会议记录本 of an org for one calendar year (docs/organizational-life.md §4). */
export const MeetingRegisterQuery = z.object({
  year: z.coerce
    .number()
    .int('年度应为整数')
    .min(2000, '年度不能早于2000年')
    .max(2100, '年度不能晚于2100年')
    .meta({ description: '年度', example: 2026 }),
});

const count = z.number().int();

/** A member of 应到会 who did not attend: on leave (with its reason) or absent. */
export const MeetingRegisterAbsentee = z.object({
  name: z.string(),
  attendance: z.enum(['leave', 'absent']),
  leaveReason: z.string().nullable(),
  /** 补课 done on this day. */
  makeUpOn: IsoDateSchema.nullable(),
});

/**
 * One closed meeting as the paper register records it (docs/organizational-life.md §4): when, which kinds, who
 * held and recorded it, 应到 / 实到 / 请假 / 缺席 with the names of those not there, the minutes and the resolutions.
 */
export const MeetingRegisterEntry = z.object({
  meetingId: z.number().int(),
  orgId: z.number().int(),
  /** The org that held it: the branch, or one of its 党小组. */
  orgName: z.string(),
  heldOn: IsoDateSchema,
  /** Start and end as HH:MM in the deployment's time zone (Asia/Shanghai), when recorded. */
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  kinds: z.array(z.enum(MEETING_KINDS)),
  topic: z.string(),
  place: z.string().nullable(),
  host: z.string().nullable(),
  recorder: z.string().nullable(),
  expected: count,
  present: count,
  leave: count,
  absent: count,
  absentees: z.array(MeetingRegisterAbsentee),
  minutes: z.string().nullable(),
  resolutions: z.string().nullable(),
});

export const MeetingRegisterView = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  year: z.number().int(),
  /** The closed meetings of the org and its 党小组 held in the year, oldest first. */
  meetings: z.array(MeetingRegisterEntry),
});

export type MeetingRegisterEntry = z.infer<typeof MeetingRegisterEntry>;
export type MeetingRegisterView = z.infer<typeof MeetingRegisterView>;
