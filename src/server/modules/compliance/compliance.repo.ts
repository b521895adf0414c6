import { sql } from 'drizzle-orm';
import type { OrgKind } from '../../../domain/org/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { type Db, queryRows } from '../../db/client.ts';

/** The reads of the compliance pages beside the roll-up: an org's children, its meetings' issues. SQL only. */

export type ChildRow = { id: number; name: string; kind: OrgKind; dissolved: boolean };

/** The direct children of an org, in id order. */
export async function childrenOf(db: Db, orgId: number): Promise<ChildRow[]> {
  const rows = await queryRows<{ id: number; name: string; kind: OrgKind; dissolved: boolean }>(
    db,
    sql`select id, name, kind::text as kind, dissolved_on is not null as dissolved
        from orgs where parent_id = ${orgId} order by id`,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export type MeetingIssueRow = {
  meetingId: number;
  heldOn: IsoDate;
  topic: string;
  groupId: number | null;
  groupName: string | null;
  /** Closed without minutes. */
  noMinutes: boolean;
  election: boolean;
  /** Its votes as recorded: voting members entitled and present. */
  votes: { entitled: number; present: number }[];
};

/**
 * The closed meetings of an org (and of its 党小组) held in the days given, with what their record lacks: the
 * minutes, and the count of each vote.
 */
export async function closedMeetingsOf(
  db: Db,
  orgId: number,
  from: IsoDate,
  to: IsoDate,
): Promise<MeetingIssueRow[]> {
  const rows = await queryRows<{
    id: number;
    held_on: string;
    topic: string;
    group_id: number | null;
    group_name: string | null;
    no_minutes: boolean;
    election: boolean;
    votes: { entitled: number; present: number }[] | null;
  }>(
    db,
    sql`select m.id, m.held_on::text as held_on, m.topic,
               case when h.kind = 'group' then h.id end as group_id,
               case when h.kind = 'group' then h.name end as group_name,
               coalesce(trim(m.minutes), '') = '' as no_minutes, m.election,
               (select json_agg(json_build_object('entitled', v.entitled, 'present', v.present) order by v.id)
                  from meeting_votes v where v.meeting_id = m.id) as votes
        from meetings m join orgs h on h.id = m.org_id
        where (h.id = ${orgId} or (h.parent_id = ${orgId} and h.kind = 'group'))
          and m.status = 'closed' and m.held_on between ${from}::date and ${to}::date
        order by m.held_on, m.id`,
  );
  return rows.map((r) => ({
    meetingId: Number(r.id),
    heldOn: r.held_on as IsoDate,
    topic: r.topic,
    groupId: r.group_id === null ? null : Number(r.group_id),
    groupName: r.group_name,
    noMinutes: r.no_minutes,
    election: r.election,
    votes: r.votes ?? [],
  }));
}
