import { PassThrough, type Readable } from 'node:stream';
import type { MeetingRegisterEntry, MeetingRegisterView } from '../../../contracts/meeting-register.ts';
import { orgIn, requirePermission, scopeFor } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { writeMeetingRegister } from './meeting-register.excel.ts';
import {
  type RegisterAttendeeRow,
  type RegisterMeetingRow,
  registerAttendees,
  registerMeetings,
} from './meeting-register.repo.ts';

type RegisterInput = { id: number; year: number };

/**
 * One meeting of the register: 应到 counts the attendees not taken out of 应到会 (docs/organizational-life.md §2),
 * 实到 / 请假 / 缺席 their attendance, and the names of those on leave or absent, in the roster's order.
 */
function entryOf(m: RegisterMeetingRow, attendees: readonly RegisterAttendeeRow[]): MeetingRegisterEntry {
  const expected = attendees.filter((a) => !a.excluded);
  const count = (status: RegisterAttendeeRow['attendance']) =>
    expected.filter((a) => a.attendance === status).length;
  return {
    meetingId: m.id,
    orgId: m.org_id,
    orgName: m.org_name,
    heldOn: m.held_on,
    startTime: m.start_time,
    endTime: m.end_time,
    kinds: m.kinds,
    topic: m.topic,
    place: m.place,
    host: m.host,
    recorder: m.recorder,
    expected: expected.length,
    present: count('present'),
    leave: count('leave'),
    absent: count('absent'),
    absentees: expected.flatMap((a) =>
      a.attendance === 'leave' || a.attendance === 'absent'
        ? [{ name: a.name, attendance: a.attendance, leaveReason: a.leave_reason, makeUpOn: a.make_up_on }]
        : [],
    ),
    minutes: m.minutes,
    resolutions: m.resolutions,
  };
}

/**
 * 会议记录本 of an org for a year: its closed meetings and its 党小组's, oldest first (docs/organizational-life.md
 * §4). Needs `org_life.read` over the org (404 outside the scope).
 */
export async function getMeetingRegister(ctx: Ctx, input: RegisterInput): Promise<MeetingRegisterView> {
  const org = await orgIn(ctx, scopeFor(ctx, 'org_life.read'), input.id, '党组织');
  const meetings = await registerMeetings(ctx.db, org.id, input.year);
  const attendees = await registerAttendees(
    ctx.db,
    meetings.map((m) => m.id),
  );
  const byMeeting = new Map<number, RegisterAttendeeRow[]>();
  for (const a of attendees) {
    const list = byMeeting.get(a.meeting_id);
    if (list) list.push(a);
    else byMeeting.set(a.meeting_id, [a]);
  }
  return {
    orgId: org.id,
    orgName: org.name,
    year: input.year,
    meetings: meetings.map((m) => entryOf(m, byMeeting.get(m.id) ?? [])),
  };
}

/**
 * The register as a workbook (目录 and one sheet per meeting) for the paper record or the level above. It names
 * members and their absences, so it is audited like the other exports.
 */
export async function exportMeetingRegister(
  ctx: Ctx,
  input: RegisterInput,
): Promise<{ filename: string; stream: Readable }> {
  const role = requirePermission(ctx, 'org_life.read');
  const register = await getMeetingRegister(ctx, input);
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, {
      action: 'meeting.register_export',
      entityType: 'org',
      entityId: register.orgId,
      orgId: register.orgId,
      role,
      note: { year: input.year, meetingCount: register.meetings.length },
    }),
  );
  const stream = new PassThrough();
  writeMeetingRegister(stream, register).catch((error: unknown) => {
    ctx.log.error({ err: error }, 'meeting register export failed');
    stream.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return { filename: `会议记录本-${register.orgName}-${input.year}.xlsx`, stream };
}
