import { type AttendeeRecord, deriveExpected, expectsCommitteeOnly } from '../../../domain/org-life/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { isoDateIn } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { type RosterMember, rosterOn } from '../members/index.ts';
import { deleteAttendees, insertAttendees, listAttendeeRows, updateAttendee } from './attendance.repo.ts';
import { committeeNamesOn, MEETING_TIME_ZONE, type MeetingRecord, subtreeOrgIds } from './meetings.repo.ts';

/** The day 应到会 is taken on (docs/organizational-life.md §2): the held day once held, the planned day before. */
export function rosterDay(m: Pick<MeetingRecord, 'heldOn' | 'plannedStart'>): IsoDate {
  return m.heldOn ?? isoDateIn(m.plannedStart, MEETING_TIME_ZONE);
}

/** The day of an instant in the deployment's calendar. */
export function dayOf(instant: Date): IsoDate {
  return isoDateIn(instant, MEETING_TIME_ZONE);
}

/**
 * Who a meeting expects on its day: the members of its org and the orgs below it (its 党小组) on the roster that
 * day; for a 支委会, those of them holding a committee post that day (matched by name: posts record the holder's name).
 */
export async function expectedRoster(db: Db, m: MeetingRecord): Promise<RosterMember[]> {
  const day = rosterDay(m);
  const roster = await rosterOn(db, await subtreeOrgIds(db, m.orgPath), day);
  if (!expectsCommitteeOnly(m.kinds)) return roster;
  const names = await committeeNamesOn(db, m.orgId, day);
  return roster.filter((r) => names.has(r.name.trim()));
}

/**
 * Brings the stored 应到会 in line with the roster of the meeting's day (on create, when the day or the kinds change,
 * on hold, before attendance is entered and on close): new members added, those no longer on it dropped, the
 * attendance recorded of those still expected kept. Answers the roster.
 */
export async function syncExpected(db: Db, m: MeetingRecord): Promise<RosterMember[]> {
  const roster = await expectedRoster(db, m);
  const existing = await listAttendeeRows(db, m.id);
  const { keep, add, drop } = deriveExpected(
    roster.map((r) => ({ memberId: r.memberId, status: r.status, onProbationDiscipline: false })),
    existing,
  );
  await deleteAttendees(db, m.id, drop);
  await insertAttendees(
    db,
    add.map((a) => ({ meetingId: m.id, ...a })),
  );
  const before = new Map<number, AttendeeRecord>(existing.map((e) => [e.memberId, e]));
  for (const k of keep) {
    const was = before.get(k.memberId);
    if (was && (was.hasVote !== k.hasVote || was.excludedReason !== k.excludedReason)) {
      await updateAttendee(db, m.id, k.memberId, { hasVote: k.hasVote, excludedReason: k.excludedReason });
    }
  }
  return roster;
}
