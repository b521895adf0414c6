import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../db/client.ts';
import { prepareDeployment } from '../startup.ts';
import { loginAs, startTestApp, type TestApp } from '../testing/test-app.ts';
import { DEFAULT_DEMO_PASSWORD } from './demo-city.ts';
import { lastClosedQuarter, planDemoMeetings } from './demo-meeting-plan.ts';
import { seededRandom } from './random.ts';

/** The demo city's meetings, seeded on 2026-06-15 (TEST_NOW): last year's and this year's, with their gaps. */
let t: TestApp;
let database: Database;
const TODAY = '2026-06-15';

type Row = Record<string, unknown>;
const rows = <T extends Row>(query: ReturnType<typeof sql>) => queryRows<T>(database.db, query);

beforeAll(async () => {
  t = await startTestApp();
  // Started before the city is seeded, so that its start-up work (findings, roll-ups) does not wait on the seed.
  await t.app.ready();
  database = t.database;
  await prepareDeployment(
    t.deps.db,
    t.clock,
    { seedDemo: true, demoPassword: undefined, adminPassword: undefined, rootOrgName: '某某市委' },
    t.deps.idCipher,
    t.deps.todos,
  );
});
afterAll(() => t.close());

describe('the demo city’s meetings', () => {
  it('gives every branch and every 党小组 meetings last year and this year, none held after today', async () => {
    const orgs = await rows<{ kind: string; n: number; last_year: number; this_year: number }>(sql`
      select o.kind, count(*)::int as n,
        min((select count(*) from meetings m where m.org_id = o.id and m.held_on < '2026-01-01'))::int as last_year,
        min((select count(*) from meetings m where m.org_id = o.id and m.held_on >= '2026-01-01'))::int as this_year
      from orgs o where o.kind in ('branch', 'group') group by o.kind order by o.kind`);
    expect(orgs.map((o) => o.kind)).toEqual(['branch', 'group']);
    for (const o of orgs) {
      expect(o.last_year, o.kind).toBeGreaterThan(0);
      expect(o.this_year, o.kind).toBeGreaterThan(0);
    }
    const [late] = await rows<{ n: number }>(
      sql`select count(*)::int as n from meetings where held_on > ${TODAY}`,
    );
    expect(late?.n).toBe(0);
    const [early] = await rows<{ n: number }>(
      sql`select count(*)::int as n from meetings where held_on < '2025-01-01'`,
    );
    expect(early?.n).toBe(0);
  });

  it('has meetings planned in the coming weeks, held but not closed, and closed', async () => {
    const byStatus = await rows<{ status: string; n: number; first: string; last: string }>(sql`
      select status, count(*)::int as n, min(planned_start)::date::text as first, max(planned_start)::date::text as last
      from meetings group by status order by status`);
    expect(byStatus.map((s) => s.status)).toEqual(['closed', 'held', 'planned']);
    const planned = byStatus.find((s) => s.status === 'planned');
    expect(planned?.first && planned.first >= TODAY).toBe(true);
    expect(planned?.last && planned.last <= '2026-07-13').toBe(true);
    const held = byStatus.find((s) => s.status === 'held')?.n ?? 0;
    const closed = byStatus.find((s) => s.status === 'closed')?.n ?? 0;
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThan(closed / 5);
  });

  it('leaves gaps: months without a 支委会, and the demo secretary’s branch without last quarter’s 党员大会', async () => {
    const [skipping] = await rows<{ n: number }>(sql`
      select count(*)::int as n from orgs o where o.kind = 'branch' and (
        select count(distinct date_trunc('month', m.held_on)) from meetings m
        where m.org_id = o.id and 'committee_meeting' = any(m.kinds) and m.held_on < '2026-01-01') < 12`);
    expect(skipping?.n).toBeGreaterThan(0);
    const { year, quarter } = lastClosedQuarter(TODAY);
    expect([year, quarter]).toEqual([2026, 1]);
    const general = (orgId: string) => sql`
      select count(*)::int as n from meetings m where m.org_id = ${orgId}
        and 'general_meeting' = any(m.kinds) and m.held_on between '2026-01-01' and '2026-03-31'`;
    const [branch] = await rows<{ id: string }>(sql`
      select u.org_id::text as id from users u where u.username = 'branch_sec'`);
    const [missing] = await rows<{ n: number }>(general(branch?.id ?? ''));
    expect(missing?.n).toBe(0);
    const [kept] = await rows<{ n: number }>(sql`
      select count(*)::int as n from orgs o where o.kind = 'branch' and exists (
        select 1 from meetings m where m.org_id = o.id and 'general_meeting' = any(m.kinds)
          and m.held_on between '2026-01-01' and '2026-03-31')`);
    const [branches] = await rows<{ n: number }>(
      sql`select count(*)::int as n from orgs where kind = 'branch'`,
    );
    expect(kept?.n).toBeGreaterThan((branches?.n ?? 0) * 0.8);
  });

  it('shows in compliance: the demo secretary sees last quarter’s 党员大会 missing in the branch', async () => {
    const secretary = await loginAs(t, 'branch_sec', DEFAULT_DEMO_PASSWORD);
    const [branch] = await rows<{ id: number }>(
      sql`select org_id as id from users where username = 'branch_sec'`,
    );
    const res = await secretary.get(`/api/orgs/${branch?.id}/compliance?period=2026-Q1`);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view.findings).toContainEqual(
      expect.objectContaining({ kind: 'missing', meetingKind: 'general_meeting', period: '2026-Q1' }),
    );
    const city = await loginAs(t, 'city_org', DEFAULT_DEMO_PASSWORD);
    const [root] = await rows<{ id: number }>(sql`select id from orgs where parent_id is null`);
    const heat = (await city.get(`/api/orgs/${root?.id}/compliance/heatmap?year=2026`)).json();
    const rates = heat.total.map((c: { rate: number | null }) => c.rate);
    // Judged months are mostly met but not all: the gaps show; months not over yet are not judged.
    expect(rates.slice(0, 5).every((r: number | null) => r !== null && r > 0.6 && r < 1)).toBe(true);
  });

  it('records 应到会 from the roster with most present, some on leave with a reason, some absent', async () => {
    const counts = await rows<{ attendance: string | null; n: number; reasons: number }>(sql`
      select a.attendance, count(*)::int as n, count(a.leave_reason)::int as reasons
      from meeting_attendees a join meetings m on m.id = a.meeting_id
      where m.status = 'closed' group by a.attendance order by a.attendance`);
    expect(counts.map((c) => c.attendance)).toEqual(['absent', 'leave', 'present']);
    const n = (a: string) => counts.find((c) => c.attendance === a) as { n: number; reasons: number };
    expect(n('present').n).toBeGreaterThan(8 * (n('leave').n + n('absent').n));
    expect(n('leave').reasons).toBe(n('leave').n);
    expect(n('absent').reasons).toBe(0);
    const [outside] = await rows<{ n: number }>(sql`
      select count(*)::int as n from meeting_attendees a
        join meetings m on m.id = a.meeting_id join orgs mo on mo.id = m.org_id
        join members mb on mb.id = a.member_id join orgs o on o.id = mb.org_id
      where not (o.path <@ mo.path)`);
    expect(outside?.n).toBe(0);
    const [unrecorded] = await rows<{ n: number }>(sql`
      select count(*)::int as n from meeting_attendees a join meetings m on m.id = a.meeting_id
      where (m.status = 'planned') <> (a.attendance is null)`);
    expect(unrecorded?.n).toBe(0);
  });
});

describe('planDemoMeetings', () => {
  const orgs = [
    { id: 1, parentId: null, name: '市委', kind: 'local_committee' as const },
    { id: 2, parentId: 1, name: '第一党支部', kind: 'branch' as const },
    { id: 3, parentId: 2, name: '第一党小组', kind: 'group' as const },
  ];
  it('is the same for the same seed and day', () => {
    const a = planDemoMeetings(seededRandom(7), orgs, '2026-12-05', 2);
    const b = planDemoMeetings(seededRandom(7), orgs, '2026-12-05', 2);
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThan(40);
  });

  it('plans the 组织生活会 of December ahead and leaves out the gap branch’s 党员大会 of the last quarter over', () => {
    const plan = planDemoMeetings(seededRandom(7), orgs, '2026-12-05', 2);
    expect(plan.find((m) => m.kinds.includes('life_meeting') && m.on === '2026-12-20')?.status).toBe(
      'planned',
    );
    const q3 = plan.filter((m) => m.on >= '2026-07-01' && m.on <= '2026-09-30');
    expect(q3.some((m) => m.kinds.includes('general_meeting'))).toBe(false);
    expect(q3.length).toBeGreaterThan(0);
    expect(plan.filter((m) => m.on > '2027-01-02')).toEqual([]);
  });
});
