import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../db/client.ts';
import { prepareDeployment } from '../startup.ts';
import { loginAs, startTestApp, type TestApp } from '../testing/test-app.ts';
import { DEFAULT_DEMO_PASSWORD } from './demo-city.ts';

/** The demo city's dues, seeded on 2026-06-15 (TEST_NOW): the last twelve months and the current one. */
let t: TestApp;
let database: Database;
const TODAY = '2026-06-15';

type Row = Record<string, unknown>;
const rows = <T extends Row>(query: ReturnType<typeof sql>) => queryRows<T>(database.db, query);

beforeAll(async () => {
  t = await startTestApp();
  await t.app.ready();
  database = t.database;
  await prepareDeployment(
    t.deps.db,
    t.clock,
    { seedDemo: true, demoPassword: undefined, adminPassword: undefined, rootOrgName: '某某市委' },
    t.deps.idCipher,
    t.deps.todos,
  );
}, 300_000); // seeds the demo city (roster, meetings, dues): minutes on a busy 2-core machine
afterAll(() => t.close());

describe('the demo city’s dues', () => {
  it('charges every branch for thirteen months, from 2025-06 to the current month', async () => {
    const [span] = await rows<{ first: string; last: string; branches: number; months: number }>(sql`
      select min(month)::text as first, max(month)::text as last, count(distinct org_id)::int as branches,
             count(distinct month)::int as months from dues_charges`);
    expect(span).toMatchObject({ first: '2025-06-01', last: '2026-06-01', months: 13 });
    const [branches] = await rows<{ n: number }>(sql`
      select count(*)::int as n from orgs o where o.kind = 'branch' and o.dissolved_on is null
        and exists (select 1 from members m join orgs h on h.id = m.org_id
                     where (h.id = o.id or h.parent_id = o.id) and m.status in ('full', 'probationary'))`);
    expect(span?.branches).toBe(branches?.n);
  });

  it('gives every member of a percentage category a base but one of the demo branch, and rates them by the brackets', async () => {
    const missing = await rows<{ org: string; name: string }>(sql`
      select o.name as org, p.name from members m join orgs o on o.id = m.org_id join persons p on p.id = m.person_id
       where m.status in ('full', 'probationary') and m.category in ('employed', 'retired', 'self_employed', 'other')
         and not exists (select 1 from dues_bases b where b.member_id = m.id)`);
    expect(missing).toHaveLength(1);
    // The demo branch's secretary is asked for it (未核定基数, docs/dues.md §8), and no other branch is.
    const sec = await loginAs(t, 'branch_sec', DEFAULT_DEMO_PASSWORD);
    const own = (await sec.get('/api/findings?kind=dues_base_missing')).json();
    expect(own.total).toBe(1);
    expect(own.items[0].org.name).toBe(missing[0]?.org);
    expect(own.items[0].finding.message).toContain(`1名党员未核定党费计算基数（${missing[0]?.name}）`);
    const city = await loginAs(t, 'city_org', DEFAULT_DEMO_PASSWORD);
    // The city also sees members who left the roll or were suspended after the month's first day: they owe it, and
    // the demo gave bases to the members charged today only.
    const others = (await city.get('/api/findings?kind=dues_base_missing&pageSize=100')).json().items as {
      org: { name: string };
      finding: { message: string };
    }[];
    expect(others.map((i) => i.finding.message)).toContain(own.items[0].finding.message);
    const named = others
      .filter((i) => i.finding.message !== own.items[0].finding.message)
      .flatMap((i) => (/（(.+?)）/.exec(i.finding.message)?.[1] ?? '').split('、'));
    const standings = await rows<{ status: string }>(sql`
      select m.status from members m join persons p on p.id = m.person_id
       where p.name = any(${`{${named.join(',')}}`}::text[])
         and not exists (select 1 from dues_bases b where b.member_id = m.id)`);
    expect(standings.length).toBeGreaterThanOrEqual(named.length);
    for (const s of standings) expect(['full', 'probationary', 'unreachable']).not.toContain(s.status);
    const rates = await rows<{ rate_bp: number }>(
      sql`select distinct rate_bp from dues_charges where rate_bp is not null order by rate_bp`,
    );
    expect(rates.map((r) => r.rate_bp)).toEqual([50, 100, 150, 200]);
  });

  it('has payments up to today only, arrears of 3–5 and of 6 or more months, a 免交 and 特殊党费', async () => {
    const [late] = await rows<{ n: number }>(
      sql`select count(*)::int as n from dues_ledger where paid_on > ${TODAY}`,
    );
    expect(late?.n).toBe(0);
    // The 待办 of the city's org_admin: members 3–5 months behind, and some 6 or more (党章第九条).
    const city = await loginAs(t, 'city_org', DEFAULT_DEMO_PASSWORD);
    for (const kind of ['dues_arrears', 'dues_lapse']) {
      const res = await city.get(`/api/findings?kind=${kind}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().total, kind).toBeGreaterThan(0);
    }
    const [exempt] = await rows<{ n: number }>(
      sql`select count(*)::int as n from dues_charges where reduction_id is not null and amount = 0`,
    );
    expect(exempt?.n).toBeGreaterThan(0);
    const special = await rows<{ to_centre: boolean }>(
      sql`select to_centre from dues_ledger where kind = 'special_dues' order by amount desc`,
    );
    expect(special[0]?.to_centre).toBe(true);
    expect(special.length).toBeGreaterThan(1);
  });
});
