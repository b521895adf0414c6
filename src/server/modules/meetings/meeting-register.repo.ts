import { sql } from 'drizzle-orm';
import type { MeetingKind } from '../../../domain/org-life/index.ts';
import { type Db, queryRows } from '../../db/client.ts';

/** The calendar the times of a meeting are shown in (the deployment's, as `meetings.held_on` is counted in). */
const TIME_ZONE = 'Asia/Shanghai';

export type RegisterMeetingRow = {
  id: number;
  org_id: number;
  org_name: string;
  held_on: string;
  start_time: string | null;
  end_time: string | null;
  kinds: MeetingKind[];
  topic: string;
  place: string | null;
  host: string | null;
  recorder: string | null;
  minutes: string | null;
  resolutions: string | null;
};

export type RegisterAttendeeRow = {
  meeting_id: number;
  name: string;
  /** Closed by the CHECK constraints on meeting_attendees. */
  attendance: 'present' | 'leave' | 'absent' | null;
  excluded: boolean;
  leave_reason: string | null;
  make_up_on: string | null;
};

/**
 * The closed meetings held in `year` by the org or one of its 党小组 (orgs of kind `group` right under it), oldest
 * first; host and recorder by the member's name, or the name written for someone from outside.
 */
export async function registerMeetings(db: Db, orgId: number, year: number): Promise<RegisterMeetingRow[]> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  return queryRows<RegisterMeetingRow>(
    db,
    sql`select m.id, m.org_id, o.name as org_name, m.held_on::text as held_on,
        to_char(m.held_start at time zone ${TIME_ZONE}, 'HH24:MI') as start_time,
        to_char(m.held_end at time zone ${TIME_ZONE}, 'HH24:MI') as end_time,
        m.kinds, m.topic, m.place,
        coalesce(hp.name, m.host_name) as host, coalesce(rp.name, m.recorder_name) as recorder,
        m.minutes, m.resolutions
      from orgs o
        join meetings m on m.org_id = o.id
        left join members hm on hm.id = m.host_member_id left join persons hp on hp.id = hm.person_id
        left join members rm on rm.id = m.recorder_member_id left join persons rp on rp.id = rm.person_id
      where (o.id = ${orgId} or (o.parent_id = ${orgId} and o.kind = 'group'))
        and m.status = 'closed' and m.held_on between ${from}::date and ${to}::date
      order by m.held_on, m.held_start, m.id`,
  );
}

/** The attendees of these meetings, by name (the roster's order of names within a meeting). */
export async function registerAttendees(
  db: Db,
  meetingIds: readonly number[],
): Promise<RegisterAttendeeRow[]> {
  if (meetingIds.length === 0) return [];
  const ids = sql.join(
    meetingIds.map((id) => sql`${id}`),
    sql`, `,
  );
  return queryRows<RegisterAttendeeRow>(
    db,
    sql`select a.meeting_id, p.name, a.attendance, a.excluded_reason is not null as excluded,
        a.leave_reason, a.make_up_on::text as make_up_on
      from meeting_attendees a
        join members mb on mb.id = a.member_id join persons p on p.id = mb.person_id
      where a.meeting_id in (${ids})
      order by a.meeting_id, p.name_initials, p.name, a.member_id`,
  );
}
