import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { IsoDate } from '../../domain/shared/index.ts';
import type { WorkCtx } from '../context.ts';
import { queryRows } from '../db/client.ts';
import { type PlannedMeeting, planDemoMeetings } from './demo-meeting-plan.ts';
import type { DemoOrg } from './demo-members.ts';
import type { Random } from './random.ts';

/** Reasons for leave the demo records (请假). */
const LEAVE_REASONS = ['出差', '生病住院', '家中有事', '外出务工', '照顾老人', '工作时间冲突'];

/** The members a branch's meetings count on: placed in the branch or one of its groups, with their names. */
type RosterRow = { id: number; org_id: number; branch_id: number; name: string };

async function rosterOf(ctx: WorkCtx): Promise<RosterRow[]> {
  return queryRows<RosterRow>(
    ctx.db,
    sql`select mb.id, mb.org_id, case when o.kind = 'group' then o.parent_id else o.id end as branch_id, p.name
      from members mb join orgs o on o.id = mb.org_id join persons p on p.id = mb.person_id
      where mb.status in ('full', 'probationary', 'unreachable')
      order by mb.id`,
  );
}

/** 主持人 and 记录人: the org's first two members on the roster (the anchor of each branch is a full member). */
function hostsOf(roster: readonly RosterRow[]): Map<number, RosterRow[]> {
  const byOrg = new Map<number, RosterRow[]>();
  const push = (key: number, row: RosterRow) => {
    const list = byOrg.get(key) ?? [];
    if (list.length < 2) byOrg.set(key, [...list, row]);
  };
  for (const row of roster) {
    push(row.org_id, row);
    if (row.org_id !== row.branch_id) push(-row.branch_id, row);
  }
  return byOrg;
}

const at = (on: IsoDate, hour: number) => new Date(`${on}T${String(hour).padStart(2, '0')}:00:00+08:00`);

function rowOf(m: PlannedMeeting, hosts: Map<number, RosterRow[]>, today: IsoDate) {
  const [host, recorder] = hosts.get(m.orgId) ?? hosts.get(-m.branchId) ?? [];
  const start = at(m.on, m.hour);
  const end = new Date(start.getTime() + 2 * 3600_000);
  const held = m.status !== 'planned';
  return {
    org_id: m.orgId,
    kinds: m.kinds,
    status: m.status,
    topic: m.topic,
    planned_start: start,
    planned_end: end,
    held_start: held ? start : null,
    held_end: held ? end : null,
    held_on: held ? m.on : null,
    place: m.audience === 'group' ? '党员活动室' : '社区党群服务中心',
    host_member_id: host?.id ?? null,
    recorder_member_id: recorder?.id ?? null,
    given_by_head: m.givenByHead && held,
    agenda: m.topic,
    minutes: m.minutes,
    resolutions: m.resolutions,
    check_in_secret: randomBytes(16).toString('hex'),
    closed_at: m.status === 'closed' ? at(m.on <= today ? m.on : today, 20) : null,
  };
}

/**
 * 应到会 and attendance of every demo meeting, in one statement: the members placed in the branch and its groups (a
 * group meeting: the group's; a 支委会: the branch's first five full members) admitted by the meeting's day. A vote
 * for a full member confirmed by then; about one in twenty on leave with a reason, one in twenty-five absent, a 失联
 * member always absent; half of those on leave made up a week later. Spread by a hash of the meeting and member
 * ids, so that it is the same every time. Run on the fresh database the demo city is seeded into.
 */
async function insertAttendance(ctx: WorkCtx): Promise<void> {
  const reasons = sql.raw(`array[${LEAVE_REASONS.map((r) => `'${r}'`).join(', ')}]`);
  await ctx.db.execute(sql`
    with roster as (
      select mb.id, mb.org_id, mb.status, mb.confirmed_on, mb.admitted_on, b.branch_id,
        row_number() over (partition by b.branch_id, mb.status = 'full' order by mb.id) as rank
      from members mb join orgs o on o.id = mb.org_id,
        lateral (select case when o.kind = 'group' then o.parent_id else o.id end as branch_id) b
      where mb.status in ('full', 'probationary', 'unreachable')
    ),
    held as (
      select m.id, m.org_id, m.status, m.held_start, m.held_on, o.kind = 'group' as by_group,
        m.kinds = array['committee_meeting'] as by_committee,
        coalesce(m.held_on, (m.planned_start at time zone 'Asia/Shanghai')::date) as day
      from meetings m join orgs o on o.id = m.org_id
    ),
    pairs as (
      select h.*, r.id as member_id, r.status as member_status, r.confirmed_on, r.admitted_on
        from held h join roster r on r.org_id = h.org_id where h.by_group
      union all
      select h.*, r.id, r.status, r.confirmed_on, r.admitted_on
        from held h join roster r on r.branch_id = h.org_id
        where not h.by_group and h.by_committee and r.status = 'full' and r.rank <= 5
      union all
      select h.*, r.id, r.status, r.confirmed_on, r.admitted_on
        from held h join roster r on r.branch_id = h.org_id where not h.by_group and not h.by_committee
    ),
    rolled as (
      select p.*, ('x' || substr(md5(p.id || ':' || p.member_id), 1, 4))::bit(16)::int % 100 as roll
      from pairs p where p.admitted_on <= p.day
    ),
    decided as (
      select r.*, case when r.status = 'planned' then null
          when r.member_status = 'unreachable' or r.roll < 4 then 'absent'
          when r.roll < 9 then 'leave' else 'present' end as attendance
      from rolled r
    )
    insert into meeting_attendees
      (meeting_id, member_id, has_vote, attendance, leave_reason, checked_in_at, check_in_source, make_up_on)
    select id, member_id, member_status = 'full' and coalesce(confirmed_on <= day, false), attendance,
      case when attendance = 'leave' then (${reasons})[roll - 3] end,
      case when attendance = 'present' and roll % 3 = 0 then held_start end,
      case when attendance = 'present' then case when roll % 3 = 0 then 'qr' else 'secretary' end end,
      case when attendance = 'leave' and roll % 2 = 0 and held_on + 7 <= ${ctx.today}::date then held_on + 7 end
    from decided`);
}

/**
 * The demo city's meetings of this year and the last, with their attendance: planned by demo-meeting-plan.ts,
 * written in two statements straight into the meeting tables as the rest of the demo city is (no audit: nobody did
 * it). Compliance follows: the triggers of the compliance roll-up mark the branches, refreshed before a read.
 */
export async function seedDemoMeetings(
  ctx: WorkCtx,
  input: { orgs: readonly DemoOrg[]; rnd: Random; gapBranchId: number },
): Promise<{ meetingCount: number }> {
  const planned = planDemoMeetings(input.rnd, input.orgs, ctx.today, input.gapBranchId);
  const hosts = hostsOf(await rosterOf(ctx));
  const rows = planned.map((m) => rowOf(m, hosts, ctx.today));
  // One statement for all of them (a JSON parameter): on the embedded database a round trip costs more than rows.
  await ctx.db.execute(sql`
    insert into meetings (org_id, kinds, status, topic, planned_start, planned_end, held_start, held_end, held_on,
      place, host_member_id, recorder_member_id, given_by_head, agenda, minutes, resolutions, check_in_secret,
      closed_at)
    select org_id, kinds, status, topic, planned_start, planned_end, held_start, held_end, held_on,
      place, host_member_id, recorder_member_id, given_by_head, agenda, minutes, resolutions, check_in_secret,
      closed_at
    from json_to_recordset(${JSON.stringify(rows)}::json) as r(org_id integer, kinds text[], status text,
      topic text, planned_start timestamptz, planned_end timestamptz, held_start timestamptz,
      held_end timestamptz, held_on date, place text, host_member_id integer, recorder_member_id integer,
      given_by_head boolean, agenda text, minutes text, resolutions text, check_in_secret text,
      closed_at timestamptz)`);
  await insertAttendance(ctx);
  // Fresh statistics for the planner: the queries that follow in this transaction (the to-dos of every branch, the
  // compliance roll-up) would otherwise plan for empty tables (the embedded database runs no autovacuum).
  await ctx.db.execute(sql`analyze meetings`);
  await ctx.db.execute(sql`analyze meeting_attendees`);
  return { meetingCount: rows.length };
}
