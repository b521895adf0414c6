import type { z } from 'zod';
import type { LeaveRequestBody } from '../../../contracts/meetings.ts';
import { checkExpectedAttendee, checkLeaveRequest } from '../../../domain/org-life/index.ts';
import { found } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { enforce } from '../../errors.ts';
import {
  type AttendeeRow,
  findAttendeeRow,
  listMeetingsOfMember,
  updateAttendee,
} from './attendance.repo.ts';
import { ownMember } from './check-in.service.ts';
import { WHAT } from './meeting-load.ts';
import { findMeeting, findMeetingsByIds, type MeetingRecord } from './meetings.repo.ts';

function myView(m: MeetingRecord, row: AttendeeRow, now: Date) {
  return {
    id: m.id,
    orgName: m.orgName,
    kinds: m.kinds,
    status: m.status,
    topic: m.topic,
    plannedStart: m.plannedStart.toISOString(),
    plannedEnd: m.plannedEnd?.toISOString() ?? null,
    heldOn: m.heldOn,
    place: m.place,
    excludedReason: row.excludedReason,
    attendance: row.attendance,
    leaveReason: row.leaveReason,
    checkedInAt: row.checkedInAt?.toISOString() ?? null,
    makeUpOn: row.makeUpOn,
    canRequestLeave: row.excludedReason === null && row.attendance === null && checkLeaveRequest(m, now).ok,
  };
}

/** The member's own meetings (member.self): those still planned, soonest first, and the others, latest first. */
export async function listMyMeetings(ctx: Ctx) {
  const { memberId } = await ownMember(ctx);
  const rows = await listMeetingsOfMember(ctx.db, memberId);
  const meetings = await findMeetingsByIds(
    ctx.db,
    rows.map((r) => r.meetingId),
  );
  const views = rows.flatMap((r) => {
    const m = meetings.get(r.meetingId);
    return m ? [{ m, view: myView(m, r, ctx.at) }] : [];
  });
  const upcoming = views
    .filter((v) => v.m.status === 'planned')
    .sort((a, b) => a.m.plannedStart.getTime() - b.m.plannedStart.getTime());
  const past = views
    .filter((v) => v.m.status !== 'planned')
    .sort((a, b) => (b.m.heldOn ?? '').localeCompare(a.m.heldOn ?? '') || b.m.id - a.m.id);
  return { upcoming: upcoming.map((v) => v.view), past: past.map((v) => v.view) };
}

/** The member asks for leave before the meeting starts (docs/organizational-life.md §2), with a reason. Audited. */
export async function requestLeave(ctx: Ctx, input: z.output<typeof LeaveRequestBody> & { id: number }) {
  return inTransaction(ctx, async (tx) => {
    const { memberId, role } = await ownMember(tx);
    const row = found(await findAttendeeRow(tx.db, input.id, memberId), WHAT);
    const m = found(await findMeeting(tx.db, input.id, true), WHAT);
    enforce(checkExpectedAttendee(row.excludedReason === null));
    enforce(checkLeaveRequest(m, tx.at));
    await updateAttendee(tx.db, m.id, memberId, {
      attendance: 'leave',
      leaveReason: input.reason,
      checkInSource: null,
      checkedInAt: null,
    });
    await recordAudit(tx, {
      action: 'meeting.leave_request',
      entityType: 'meeting',
      entityId: m.id,
      orgId: m.orgId,
      role,
      after: { memberId, attendance: 'leave', leaveReason: input.reason },
    });
    const saved = (await findAttendeeRow(tx.db, m.id, memberId)) as AttendeeRow;
    return myView(m, saved, tx.at);
  });
}
