import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AttendeeRecord } from '../../../domain/org-life/index.ts';
import type { Db } from '../../db/client.ts';
import { meetingAttendees } from '../../db/tables/meetings.ts';

export type AttendeeRow = typeof meetingAttendees.$inferSelect;

export async function listAttendeeRows(db: Db, meetingId: number): Promise<AttendeeRow[]> {
  return db.select().from(meetingAttendees).where(eq(meetingAttendees.meetingId, meetingId));
}

/** The rows of many meetings at once (a list's counts). */
export async function listAttendeeRecords(
  db: Db,
  meetingIds: readonly number[],
): Promise<Map<number, AttendeeRecord[]>> {
  const result = new Map<number, AttendeeRecord[]>(meetingIds.map((id) => [id, []]));
  if (meetingIds.length === 0) return result;
  const rows = await db
    .select({
      meetingId: meetingAttendees.meetingId,
      memberId: meetingAttendees.memberId,
      hasVote: meetingAttendees.hasVote,
      excludedReason: meetingAttendees.excludedReason,
      attendance: meetingAttendees.attendance,
    })
    .from(meetingAttendees)
    .where(inArray(meetingAttendees.meetingId, [...meetingIds]));
  for (const r of rows) result.get(r.meetingId)?.push(r);
  return result;
}

export async function findAttendeeRow(
  db: Db,
  meetingId: number,
  memberId: number,
): Promise<AttendeeRow | undefined> {
  const [row] = await db
    .select()
    .from(meetingAttendees)
    .where(and(eq(meetingAttendees.meetingId, meetingId), eq(meetingAttendees.memberId, memberId)));
  return row;
}

export async function insertAttendees(db: Db, rows: (typeof meetingAttendees.$inferInsert)[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(meetingAttendees).values(rows);
}

export async function updateAttendee(
  db: Db,
  meetingId: number,
  memberId: number,
  values: Partial<typeof meetingAttendees.$inferInsert>,
): Promise<void> {
  await db
    .update(meetingAttendees)
    .set(values)
    .where(and(eq(meetingAttendees.meetingId, meetingId), eq(meetingAttendees.memberId, memberId)));
}

export async function deleteAttendees(
  db: Db,
  meetingId: number,
  memberIds: readonly number[],
): Promise<void> {
  if (memberIds.length === 0) return;
  await db
    .delete(meetingAttendees)
    .where(
      and(eq(meetingAttendees.meetingId, meetingId), inArray(meetingAttendees.memberId, [...memberIds])),
    );
}

/** The meetings a member is (or was) expected at, newest first, with their own row. */
export async function listMeetingsOfMember(db: Db, memberId: number) {
  return db
    .select()
    .from(meetingAttendees)
    .where(eq(meetingAttendees.memberId, memberId))
    .orderBy(sql`${meetingAttendees.meetingId} desc`)
    .limit(500);
}
