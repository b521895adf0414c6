/**
 * Dues collection at city scale (issue 11, Benchmark): a year (2026) of charges and payments for the synthetic city
 * (40,185 orgs; 32,400 branches) — every full or probationary member charged every month at their branch, 85 % paid
 * by the 10th-25th of the month, 8 % later, the rest not; one 特殊党费 in a hundred members. The charges are the
 * dues module's (`generateMonth` over bases set for every member); payments are inserted set-based straight into
 * dues_ledger (the ledger's payment path is not what is timed here); the roll-up's triggers mark as for any writer. Timed
 * over HTTP (Fastify inject): `GET /api/orgs/:id/dues-summary` at the city root, a district and a community for a
 * month and the year, from the roll-up; the naive way (every charge and ledger entry of the subtree summed on
 * request) beside it; a branch's monthly sheet; the yearly statistics at the city root (computed on request); and a
 * payment with the refresh the next read makes. The first fill (every branch-month) is timed once. The monthly pass
 * is timed on the built city (a month not yet held generated and removed, BENCH_MONTH_RUNS times, default 3;
 * BENCH_MONTH_ONLY=1 times only that). BENCH_REUSE=1 keeps the city (`jiceng_bench_dues_<members>`). Results: bench/results/dues-<database>-<members>.json.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { monthRange } from '../src/domain/dues/index.ts';
import type { IsoDate } from '../src/domain/shared/index.ts';
import { buildApp } from '../src/server/app.ts';
import { systemClock } from '../src/server/clock.ts';
import { type Database, type Db, queryRows } from '../src/server/db/client.ts';
import type { App } from '../src/server/http/app-types.ts';
import { generateMonth, refreshCharges } from '../src/server/modules/dues/index.ts';
import { keepDuesRollupCurrent, naiveDuesFigures } from '../src/server/modules/dues-summary/index.ts';
import { MODULES } from '../src/server/modules/index.ts';
import { todoRegistryOf } from '../src/server/modules/module.ts';
import { createIdCipher } from '../src/server/security/crypto.ts';
import { createUser, TEST_PASSWORD } from '../src/server/testing/fixtures.ts';
import { clientFor, type TestClient } from '../src/server/testing/test-app.ts';
import { reusableBenchDatabase } from './bench-db.ts';
import { withoutOrgAdminSecondFactor } from './bench-settings.ts';
import { summarize, time } from './stats.ts';
import { generateMembers } from './synthetic-members.ts';
import { CITY_SHAPE, generateTree } from './synthetic-tree.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const NAIVE_RUNS = Number(process.env.BENCH_NAIVE_RUNS ?? 5);
const SECRET_KEY = Buffer.alloc(32, 7);
const CITY_DATE: IsoDate = '2026-01-01';
const YEAR = monthRange('2026-01', '2026-12');

/**
 * A year of charges and payments: every member given a base from January (set-based; retirees a pension), the
 * twelve months charged by the dues module's own pass (`generateMonth`, the rules in force, flat amounts for the
 * flat categories), then payments and 特殊党费 set-based, then `analyze`.
 */
async function generateDues(db: Db): Promise<{
  charges: number;
  entries: number;
  monthSeconds: { median: number; max: number; each: Record<string, number> };
}> {
  await db.execute(sql`select setseed(0.11)`);
  await db.execute(
    sql`insert into dues_bases (member_id, from_month, kind, amount)
        select m.id, '2026-01-01', case when m.category = 'retired' then 'pension' else 'salary' end,
               200000 + (m.id % 60) * 20000
        from members m`,
  );
  await refreshCharges(db, CITY_DATE);
  // Each month timed: the issue's target is a month's charges for the whole city (≤ 60 s on PostgreSQL at 1M).
  const seconds: number[] = [];
  for (const month of YEAR) {
    const started = performance.now();
    await generateMonth(db, month);
    seconds.push((performance.now() - started) / 1000);
  }
  const sorted = [...seconds].sort((a, b) => a - b);
  const monthSeconds = {
    median: Math.round(((sorted[5] ?? 0) + (sorted[6] ?? 0)) * 5) / 10,
    max: Math.round((sorted.at(-1) ?? 0) * 10) / 10,
    each: Object.fromEntries(YEAR.map((m, i) => [m, Math.round((seconds[i] ?? 0) * 10) / 10])),
  };
  await db.execute(
    sql`insert into dues_ledger (member_id, kind, month, amount, paid_on, method, org_id, receipt)
        select c.member_id, 'payment', c.month, c.amount,
               case when r < 0.85 then c.month + (9 + (c.member_id % 15)) else c.month + 40 end,
               'cash', c.org_id, 'B' || c.member_id || '-' || extract(month from c.month)
        from (select c.*, random() as r from dues_charges c) c
        where r < 0.93`,
  );
  await db.execute(
    sql`insert into dues_ledger (member_id, kind, month, amount, paid_on, method, org_id, receipt, to_centre)
        select m.id, 'special_dues', null, case when m.id % 5 = 0 then 100000 else 20000 end,
               make_date(2026, 1 + m.id % 12, 1), 'cash', m.org_id, 'S' || m.id, m.id % 5 = 0
        from members m where m.id % 100 = 0 and m.status in ('full', 'probationary')`,
  );
  await db.execute(sql`analyze dues_charges`);
  await db.execute(sql`analyze dues_ledger`);
  const [row] = await queryRows<{ c: number; e: number }>(
    db,
    sql`select (select count(*)::int from dues_charges) as c, (select count(*)::int from dues_ledger) as e`,
  );
  return { charges: row?.c ?? 0, entries: row?.e ?? 0, monthSeconds };
}

async function openCity(members: number): Promise<{ database: Database; generation: unknown }> {
  const { database, fresh } = await reusableBenchDatabase(`jiceng_bench_dues_${members}`);
  const db = database.db;
  if (fresh) {
    console.log(
      `${database.kind}: generating the city, ${members.toLocaleString()} members and a year of dues…`,
    );
    const started = performance.now();
    await generateTree(db, CITY_SHAPE, CITY_DATE);
    await generateMembers(db, members, CITY_DATE, createIdCipher(SECRET_KEY));
    const made = await generateDues(db);
    await db.execute(sql`vacuum analyze`);
    const generation = { ...made, seconds: Math.round((performance.now() - started) / 1000) };
    await db.execute(sql`create table bench_meta (key text primary key, value jsonb not null)`);
    await db.execute(sql`insert into bench_meta values ('generation', ${JSON.stringify(generation)}::jsonb)`);
    console.log(`generated: ${JSON.stringify(generation)}`);
  }
  const [meta] = await queryRows<{ value: unknown }>(
    db,
    sql`select value from bench_meta where key = 'generation'`,
  );
  return { database, generation: meta?.value };
}

/** The root, its first district, that district's first community (depth 4), and a branch of that community. */
async function levels(db: Db) {
  const rows = await queryRows<{ level: string; id: number; path: string }>(
    db,
    sql`(select 'city' as level, id, path::text as path from orgs where parent_id is null order by id limit 1)
        union all
        (select 'district', id, path::text from orgs where nlevel(path) = 2 order by id limit 1)
        union all
        (select 'community', id, path::text from orgs where nlevel(path) = 4 and path <@
           (select path from orgs where nlevel(path) = 2 order by id limit 1) order by id limit 1)
        union all
        (select 'branch', c.org_id, o.path::text from dues_charges c join orgs o on o.id = c.org_id
          where c.month = '2026-06-01' group by c.org_id, o.path order by count(*) desc limit 1)`,
  );
  return Object.fromEntries(rows.map((r) => [r.level, { id: Number(r.id), path: r.path }])) as Record<
    'city' | 'district' | 'community' | 'branch',
    { id: number; path: string }
  >;
}

async function login(app: App, db: Db, username: string, orgId: number): Promise<TestClient> {
  const [exists] = await queryRows(db, sql`select 1 from users where username = ${username}`);
  if (!exists) await createUser(db, { username, orgId, roles: [{ role: 'org_admin' }] });
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: TEST_PASSWORD },
  });
  const cookie = res.cookies.find((c) => c.name === 'jiceng_session')?.value;
  return clientFor(app, { cookie: `jiceng_session=${cookie}` });
}

type Result = { name: string; median: number; p95: number } & Record<string, unknown>;
const print = (r: Result) =>
  console.log(
    `${r.name.padEnd(48)} median ${String(r.median).padStart(9)} ms   p95 ${String(r.p95).padStart(9)} ms`,
  );

/** Payments one by one (each its statement with the trigger's mark), then the read's refresh of its branch-month. */
async function payments(db: Db, runs: number) {
  const open = await queryRows<{ member_id: number; month: string; amount: number; org_id: number }>(
    db,
    sql`select c.member_id, c.month::text as month, c.amount, c.org_id from dues_charges c
        where not exists (select 1 from dues_ledger e where e.member_id = c.member_id and e.month = c.month)
        order by c.member_id, c.month limit ${runs}`,
  );
  const pay: number[] = [];
  const refresh: number[] = [];
  for (const c of open) {
    let started = performance.now();
    await db.execute(
      sql`insert into dues_ledger (member_id, kind, month, amount, paid_on, method, org_id, receipt)
          values (${c.member_id}, 'payment', ${c.month}, ${c.amount}, '2026-12-20', 'cash', ${c.org_id},
                  ${`P${c.member_id}-${c.month}`})`,
    );
    pay.push(performance.now() - started);
    started = performance.now();
    await keepDuesRollupCurrent({ db });
    refresh.push(performance.now() - started);
  }
  return { pay, refresh };
}

/**
 * The monthly pass alone, on the generated city: a month not yet held (2027-01) generated for every member by
 * `generateMonth`, then removed (its charges deleted, the table vacuumed), `runs` times. The generation's own
 * twelve months are timed too, but while the city is being built; this is the figure of a running system.
 */
async function monthPass(db: Db, runs: number): Promise<number[]> {
  const seconds: number[] = [];
  const remove = async () => {
    await db.execute(sql`delete from dues_charges where month = '2027-01-01'`);
    await db.execute(sql`delete from dues_months where month = '2027-01-01'`);
    // The pass's marks of the month go with it (the roll-up is filled and timed below, from marks of 2026).
    await db.execute(sql`delete from dues_rollup_marks where month = '2027-01-01'`);
    await db.execute(sql`vacuum analyze dues_charges`);
  };
  await remove();
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await generateMonth(db, '2027-01');
    seconds.push((performance.now() - started) / 1000);
    console.log(`a month's charges (2027-01), run ${i + 1}: ${seconds.at(-1)?.toFixed(1)} s`);
    await remove();
  }
  return seconds;
}

async function main() {
  const members = Number(process.env.BENCH_MEMBERS ?? (process.env.DATABASE_URL ? 1_000_000 : 300_000));
  const { database, generation } = await openCity(members);
  const db = database.db;
  await withoutOrgAdminSecondFactor(db);
  const passRuns = Number(process.env.BENCH_MONTH_RUNS ?? 3);
  const pass = passRuns > 0 ? await monthPass(db, passRuns) : [];
  if (process.env.BENCH_MONTH_ONLY === '1') {
    await writeFile(
      new URL(`./results/dues-month-${database.kind}-${members}.json`, import.meta.url),
      `${JSON.stringify({ date: new Date().toISOString(), loadAverage: os.loadavg(), seconds: pass }, null, 2)}\n`,
    );
    await database.close();
    return;
  }
  // The first fill: every branch-month marked (as the generation's inserts left them), refreshed at once.
  // BENCH_REFILL=0 on a reused city keeps the roll-up filled by an earlier run.
  const refill = process.env.BENCH_REFILL !== '0';
  let firstFillMs: number | null = null;
  if (refill) {
    await db.execute(sql`delete from dues_rollup_subtree`);
    await db.execute(sql`delete from dues_rollup`);
    await db.execute(sql`delete from dues_rollup_marks`);
    await db.execute(
      sql`insert into dues_rollup_marks (org_id, month) select distinct org_id, month from dues_charges`,
    );
    // The deletions above leave dead rows that every read's "any marks?" would scan until autovacuum came (PGlite
    // has none; the app vacuums its queues there, db/housekeeping.ts): vacuumed now, as a running system would be.
    await db.execute(sql`vacuum analyze dues_rollup_marks`);
    await db.execute(sql`vacuum analyze findings_dirty`);
    const fillStarted = performance.now();
    await keepDuesRollupCurrent({ db });
    firstFillMs = Math.round(performance.now() - fillStarted);
  }
  // The fill took every mark: its dead rows vacuumed, as autovacuum does with the queues' thresholds (0045).
  await db.execute(sql`vacuum analyze dues_rollup_marks`);
  const [rows] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from dues_rollup`);
  console.log(
    `roll-up of 2026: ${rows?.n} branch-months${firstFillMs === null ? '' : ` in ${firstFillMs} ms`}`,
  );
  await db.execute(sql`analyze dues_rollup`);
  await db.execute(sql`analyze dues_rollup_subtree`);
  const org = await levels(db);
  const app = await buildApp(
    {
      db,
      database,
      clock: systemClock('Asia/Shanghai'),
      log: pino({ level: 'silent' }),
      secureCookie: false,
      loginRateLimitPerMinute: 1_000_000,
      idCipher: createIdCipher(SECRET_KEY),
      todos: todoRegistryOf(MODULES),
    },
    { serveWeb: false },
  );
  const results: Result[] = [];
  if (pass.length > 0) {
    const r = { name: "a month's charges, every member (s)", ...summarize(pass) };
    results.push(r);
    print(r);
  }
  for (const level of ['city', 'district', 'community'] as const) {
    const client = await login(app, db, `bench_dues_${level}`, org[level].id);
    for (const period of ['2026-06', '2026']) {
      const url = `/api/orgs/${org[level].id}/dues-summary?period=${period}`;
      const check = await client.get(url);
      if (check.statusCode !== 200)
        throw new Error(`${url}: ${check.statusCode} ${check.body.slice(0, 300)}`);
      const { rateBp, ...figures } = check.json().figures;
      const r = {
        name: `roll-up ${period}: ${level}`,
        url,
        figures: { ...figures, rateBp },
        ...summarize(await time(RUNS, 3, () => client.get(url))),
      };
      results.push(r);
      print(r);
      const months = period === '2026' ? YEAR : [period];
      const naive = await naiveDuesFigures({ db }, org[level].path, months);
      if (JSON.stringify(naive) !== JSON.stringify(figures))
        throw new Error(
          `${level} ${period}: the roll-up ${JSON.stringify(figures)} differs from ${JSON.stringify(naive)}`,
        );
      const n = {
        name: `naive ${period}: ${level}`,
        ...summarize(
          await time(level === 'community' ? RUNS : NAIVE_RUNS, 1, () =>
            naiveDuesFigures({ db }, org[level].path, months),
          ),
        ),
      };
      results.push(n);
      print(n);
    }
  }
  const city = await login(app, db, 'bench_dues_city', org.city.id);
  for (const [name, url, runs] of [
    ["a branch's monthly sheet", `/api/orgs/${org.branch.id}/dues-sheet?month=2026-06`, RUNS],
    ['yearly publication: city', `/api/orgs/${org.city.id}/dues-publication?year=2026`, RUNS],
    [
      'yearly statistics: city (on request)',
      `/api/orgs/${org.city.id}/dues-statistics?year=2026`,
      NAIVE_RUNS,
    ],
  ] as const) {
    const check = await city.get(url);
    if (check.statusCode !== 200) throw new Error(`${url}: ${check.statusCode} ${check.body.slice(0, 300)}`);
    const r = { name, url, ...summarize(await time(runs, 1, () => city.get(url))) };
    results.push(r);
    print(r);
  }
  const { pay, refresh } = await payments(db, RUNS);
  for (const r of [
    { name: 'a payment (its statement with the mark)', ...summarize(pay) },
    { name: 'the next read refreshing its branch-month', ...summarize(refresh) },
  ]) {
    results.push(r);
    print(r);
  }
  const report = {
    benchmark: 'dues',
    database: database.kind,
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      node: process.version,
      loadAverage: os.loadavg(),
    },
    data: { members, orgs: org, generation, rollupRows: rows?.n, firstFillMs },
    runs: RUNS,
    naiveRuns: NAIVE_RUNS,
    results,
  };
  await writeFile(
    new URL(`./results/dues-${database.kind}-${members}.json`, import.meta.url),
    `${JSON.stringify(report, null, 2)}\n`,
  );
  await app.close();
  await database.close();
}

await main();
