import { sql } from 'drizzle-orm';
import type { MemberMonth } from '../../../domain/org-life/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { type Db, queryRows } from '../../db/client.ts';
import type { OrgSelection } from '../../todos/index.ts';

/**
 * The members on the roll of the selected 党支部 (in the branch or one of its 党小组), with their organizational
 * life month by month since `from` (docs/organizational-life.md §6): the meetings held they were 应到会 at, and those
 * they took part in (present, or with a 补课). SQL only.
 */
export async function memberMonths(
  db: Db,
  orgs: OrgSelection,
  from: IsoDate,
  lastMonth: IsoDate,
  before: IsoDate,
): Promise<{ memberId: number; name: string; branchId: number; months: MemberMonth[] }[]> {
  const ids = orgs === 'all' ? '' : `{${orgs.join(',')}}`;
  // By the placements' org ids, so that the members' org index finds a few branches' members.
  const selected =
    orgs === 'all'
      ? sql`true`
      : sql`b.id = any(${ids}::int[]) and mb.org_id = any(array(
              select g.id from orgs g where g.id = any(${ids}::int[])
                 or (g.parent_id = any(${ids}::int[]) and g.kind = 'group')))`;
  // For every branch (the daily pass), only a member who took part nowhere in the last full month can have a run:
  // found first, in one pass over that month's attendance, so that six months are read for those few only. For a few
  // branches (a write), their members are read directly.
  const idle =
    orgs === 'all'
      ? sql`mb.id in (
          select a.member_id from meeting_attendees a join meetings m on m.id = a.meeting_id
          where m.status in ('held', 'closed') and m.held_on >= ${lastMonth}::date and m.held_on < ${before}::date
          group by a.member_id
          having count(*) filter (where a.excluded_reason is null) > 0
             and count(*) filter (where a.excluded_reason is null
                                    and (a.attendance = 'present' or a.make_up_on is not null)) = 0)`
      : sql`true`;
  const rows = await queryRows<{
    member_id: number;
    name: string;
    branch_id: number;
    months: { month: string; expected: number; took_part: number }[];
  }>(
    db,
    sql`select mb.id as member_id, p.name, b.id as branch_id,
               json_agg(json_build_object('month', x.month, 'expected', x.expected, 'took_part', x.took_part)) as months
        from members mb
        join persons p on p.id = mb.person_id
        join orgs h on h.id = mb.org_id
        join orgs b on b.id = case when h.kind = 'group' then h.parent_id else h.id end
        join lateral (
          select to_char(m.held_on, 'YYYY-MM') as month,
                 count(*) filter (where a.excluded_reason is null)::int as expected,
                 count(*) filter (where a.excluded_reason is null
                                    and (a.attendance = 'present' or a.make_up_on is not null))::int as took_part
          from meeting_attendees a join meetings m on m.id = a.meeting_id
          where a.member_id = mb.id and m.status in ('held', 'closed')
            and m.held_on >= ${from}::date and m.held_on < ${before}::date
          group by 1) x on true
        where ${idle} and mb.status in ('full', 'probationary') and b.dissolved_on is null and ${selected}
        group by mb.id, p.name, b.id`,
  );
  return rows.map((r) => ({
    memberId: Number(r.member_id),
    name: r.name,
    branchId: Number(r.branch_id),
    months: r.months.map((m) => ({ month: m.month, expected: m.expected, tookPart: m.took_part })),
  }));
}

/** The first day a meeting of each selected branch (or of its 党小组) was held or planned for. */
export async function firstMeetingDays(db: Db, orgs: OrgSelection): Promise<Map<number, IsoDate>> {
  const ids = orgs === 'all' ? '' : `{${orgs.join(',')}}`;
  const selected =
    orgs === 'all'
      ? sql`true`
      : sql`b.id = any(${ids}::int[]) and m.org_id = any(array(
              select g.id from orgs g where g.id = any(${ids}::int[])
                 or (g.parent_id = any(${ids}::int[]) and g.kind = 'group')))`;
  const rows = await queryRows<{ branch_id: number; first: string }>(
    db,
    sql`select b.id as branch_id,
               min(coalesce(m.held_on, (m.planned_start at time zone 'Asia/Shanghai')::date))::text as first
        from meetings m join orgs h on h.id = m.org_id
        join orgs b on b.id = case when h.kind = 'group' then h.parent_id else h.id end
        where ${selected} group by b.id`,
  );
  return new Map(rows.map((r) => [Number(r.branch_id), r.first as IsoDate]));
}
