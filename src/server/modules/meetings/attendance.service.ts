import type { z } from 'zod';
import type { AttendanceView, AttendeeView, PutAttendanceBody } from '../../../contracts/meetings.ts';
import {
  checkAttendanceEntry,
  checkEditable,
  checkExpectedAttendee,
  countAttendance,
} from '../../../domain/org-life/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import { enforce } from '../../errors.ts';
import { memberNames, type RosterMember } from '../members/index.ts';
import { getOrgLifeSettings } from '../settings/index.ts';
import { type AttendeeRow, listAttendeeRows, updateAttendee } from './attendance.repo.ts';
import { expectedRoster, rosterDay, syncExpected } from './expected.ts';
import { meetingForChange, readableMeeting, reread } from './meeting-load.ts';
import { quorumView } from './meeting-views.ts';
import { type MeetingRecord, updateMeetingAtVersion } from './meetings.repo.ts';

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** 应到会 with each attendee's standing on the day and what was recorded, the counts and the quorum. */
async function attendanceView(ctx: Ctx, m: MeetingRecord, roster: RosterMember[]): Promise<AttendanceView> {
  const rows = await listAttendeeRows(ctx.db, m.id);
  const onRoster = new Map(roster.map((r) => [r.memberId, r]));
  const missing = rows.filter((r) => !onRoster.has(r.memberId)).map((r) => r.memberId);
  const names = await memberNames(ctx.db, missing);
  const attendees: AttendeeView[] = rows
    .map((r) => {
      const on = onRoster.get(r.memberId);
      return {
        memberId: r.memberId,
        name: on?.name ?? names.get(r.memberId) ?? '',
        orgName: on?.orgName ?? '',
        memberStatus: on?.status ?? (r.hasVote ? 'full' : 'probationary'),
        hasVote: r.hasVote,
        excludedReason: r.excludedReason,
        excludedNote: r.excludedNote,
        attendance: r.attendance,
        leaveReason: r.leaveReason,
        checkedInAt: iso(r.checkedInAt),
        checkInSource: r.checkInSource,
        makeUpOn: r.makeUpOn,
        makeUpNote: r.makeUpNote,
      };
    })
    .sort((a, b) => a.orgName.localeCompare(b.orgName, 'zh') || a.name.localeCompare(b.name, 'zh'));
  const counts = countAttendance(rows);
  return {
    meetingId: m.id,
    version: m.version,
    rosterDate: rosterDay(m),
    counts,
    quorum: quorumView(m, counts),
    attendees,
  };
}

export async function getAttendance(ctx: Ctx, input: { id: number }): Promise<AttendanceView> {
  const m = await readableMeeting(ctx, input.id);
  return attendanceView(ctx, m, await expectedRoster(ctx.db, m));
}

type Entry = z.output<typeof PutAttendanceBody>['attendees'][number];

/** The row as the entry leaves it; a change of attendance is the secretary's (source `secretary`). */
function rowOf(before: AttendeeRow, e: Entry) {
  const changed = e.attendance !== before.attendance;
  return {
    excludedReason: e.excludedReason,
    excludedNote: e.excludedReason === null ? null : e.excludedNote,
    attendance: e.attendance,
    leaveReason: e.attendance === 'leave' ? e.leaveReason : null,
    makeUpOn: e.makeUpOn,
    makeUpNote: e.makeUpOn === null ? null : e.makeUpNote,
    checkInSource: changed ? (e.attendance === null ? null : ('secretary' as const)) : before.checkInSource,
    checkedInAt: changed ? null : before.checkedInAt,
  };
}

/**
 * The secretary records attendance (docs/organizational-life.md §2, §4): only of members 应到会 on the meeting's day
 * (422 otherwise), exclusions for a configured reason, 请假 with its reason, 补课 within the configured days. The
 * meeting's version moves on. One audit row with what changed.
 */
export async function putAttendance(
  ctx: Ctx,
  input: z.output<typeof PutAttendanceBody> & { id: number },
): Promise<AttendanceView> {
  return inTransaction(ctx, async (tx) => {
    const { m, role, scope } = await meetingForChange(tx, input.id, input.version);
    enforce(checkEditable(m.status));
    const roster = await syncExpected(tx.db, m);
    const rows = new Map((await listAttendeeRows(tx.db, m.id)).map((r) => [r.memberId, r]));
    const policy = await getOrgLifeSettings(tx.db);
    const day = rosterDay(m);
    const changes: Record<string, unknown>[] = [];
    for (const e of input.attendees) {
      const before = rows.get(e.memberId);
      enforce(checkExpectedAttendee(before !== undefined));
      const row = before as AttendeeRow;
      enforce(checkAttendanceEntry({ ...e, previousExclusion: row.excludedReason }, day, policy, tx.today));
      const after = rowOf(row, e);
      await updateAttendee(tx.db, m.id, e.memberId, after);
      changes.push({
        memberId: e.memberId,
        attendance: after.attendance,
        excludedReason: after.excludedReason,
      });
    }
    await updateMeetingAtVersion(tx.db, m.id, m.version, {}, tx.at);
    await recordAudit(tx, {
      action: 'meeting.attendance',
      entityType: 'meeting',
      entityId: m.id,
      orgId: m.orgId,
      role,
      note: { source: 'secretary', entries: changes },
    });
    return attendanceView(tx, await reread(tx, scope, m.id), roster);
  });
}
