/**
 * Organizational life at city scale (issue 10, Benchmark): a year (2026) of meetings for the synthetic city
 * (40,185 orgs; 32,400 branches) with their attendance rows — on PostgreSQL about 500,000 meetings over 1,000,000
 * members, on PGlite proportionally fewer over 300,000. Timed over HTTP (Fastify inject): the compliance view
 * (`GET /api/orgs/:id/compliance`) at the city root, a district and a community for a quarter and the year, from
 * the roll-up; the naive way (every org of the subtree evaluated from its meetings on request) beside it; and what a
 * meeting's close adds: its statement with the triggers and the settling of its branch's to-dos (as the kernel's
 * transaction ends), and the roll-up's refresh the next read then makes. The
 * first computation of the year (every org) is timed once, then the to-dos' daily pass: the planner statistics
 * refreshed as the app's upkeep does, the findings table filled whole, each producer alone, and the requirements'
 * to-dos judged from the meetings beside the daily pass's (read from the roll-up), checked equal. BENCH_REUSE=1 keeps
 * the city (`jiceng_bench_org_life_<members>`); BENCH_TODOS_ONLY=1 times only the daily pass on the roll-up it holds.
 * Results: bench/results/org-life-<database>-<members>[-<BENCH_LABEL>].json.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { parsePeriodKey } from '../src/domain/org-life/index.ts';
import type { IsoDate } from '../src/domain/shared/index.ts';
import { buildApp } from '../src/server/app.ts';
import { systemClock } from '../src/server/clock.ts';
import { readClock } from '../src/server/context.ts';
import { type Database, type Db, queryRows } from '../src/server/db/client.ts';
import { refreshStatistics } from '../src/server/db/statistics.ts';
import type { App } from '../src/server/http/app-types.ts';
import {
  judgedComplianceTodos,
  keepRollupCurrent,
  naiveSubtreeFigures,
} from '../src/server/modules/compliance/index.ts';
import { MODULES } from '../src/server/modules/index.ts';
import { todoRegistryOf } from '../src/server/modules/module.ts';
import { rebuildRollup } from '../src/server/modules/stats/index.ts';
import { createIdCipher } from '../src/server/security/crypto.ts';
import { createUser, TEST_PASSWORD } from '../src/server/testing/fixtures.ts';
import { clientFor, type TestClient } from '../src/server/testing/test-app.ts';
import {
  keepFindingsCurrent,
  type LocatedFinding,
  settleFindings,
  type TodoRegistry,
} from '../src/server/todos/index.ts';
import { reusableBenchDatabase } from './bench-db.ts';
import { withoutOrgAdminSecondFactor } from './bench-settings.ts';
import { summarize, time } from './stats.ts';
import { generateMembers } from './synthetic-members.ts';
import { CITY_SHAPE, generateTree } from './synthetic-tree.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const NAIVE_RUNS = Number(process.env.BENCH_NAIVE_RUNS ?? 5);
const SECRET_KEY = Buffer.alloc(32, 7);
const CITY_DATE: IsoDate = '2026-06-15';

/**
 * A year of meetings, set-based: each branch (and each 党小组) holds one meeting a month with the probability
 * `share` — a 主题党日, also a 支部党员大会 and a 党课 in the first month of a quarter and a 组织生活会 in December
 * (a 党小组会 for a group); nine in ten closed, the rest held but not closed. Everyone placed in the org is 应到会,
 * 85 % present. Then `analyze`.
 */
async function generateMeetings(db: Db, share: number): Promise<{ meetings: number; attendees: number }> {
  await db.execute(sql`select setseed(0.42)`);
  await db.execute(
    sql`insert into meetings (org_id, kinds, status, topic, planned_start, held_start, held_on, check_in_secret, closed_at, minutes)
        select o.id,
               case when o.kind = 'group' then array['group_meeting']
                    when mo % 3 = 1 then array['theme_day', 'general_meeting', 'party_lecture']
                    when mo = 12 then array['theme_day', 'life_meeting']
                    else array['theme_day'] end,
               s.status, '主题党日', s.day::timestamptz, s.day::timestamptz, s.day::date, 'bench',
               case when s.status = 'closed' then s.day::timestamptz end, '会议记录'
        from (select o.id, o.kind, mo, make_date(2026, mo, 5 + (o.id % 20)) + time '09:00' as day,
                     case when random() < 0.9 then 'closed' else 'held' end as status
              from orgs o cross join generate_series(1, 12) mo
              where o.kind in ('branch', 'group') and random() < ${share}) s
        join orgs o on o.id = s.id`,
  );
  await db.execute(
    sql`insert into meeting_attendees (meeting_id, member_id, has_vote, attendance, check_in_source)
        select m.id, mb.id, mb.status = 'full',
               case when random() < 0.85 then 'present' when random() < 0.5 then 'leave' else 'absent' end, 'secretary'
        from meetings m join members mb on mb.org_id = m.org_id
        where mb.status in ('full', 'probationary')`,
  );
  await db.execute(sql`analyze meetings`);
  await db.execute(sql`analyze meeting_attendees`);
  const [row] = await queryRows<{ m: number; a: number }>(
    db,
    sql`select (select count(*)::int from meetings) as m, (select count(*)::int from meeting_attendees) as a`,
  );
  return { meetings: row?.m ?? 0, attendees: row?.a ?? 0 };
}

async function openCity(members: number): Promise<{ database: Database; generation: unknown }> {
  const { database, fresh } = await reusableBenchDatabase(`jiceng_bench_org_life_${members}`);
  const db = database.db;
  if (fresh) {
    console.log(
      `${database.kind}: generating the city, ${members.toLocaleString()} members and a year of meetings…`,
    );
    const started = performance.now();
    await generateTree(db, CITY_SHAPE, CITY_DATE);
    await generateMembers(db, members, CITY_DATE, createIdCipher(SECRET_KEY));
    await db.transaction((tx) => rebuildRollup(tx, CITY_DATE));
    const made = await generateMeetings(db, Math.min(0.95, 0.95 * (members / 1_000_000) ** 0.5));
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

/** The root, its first district, that district's first community (depth 4) and the path of each. */
async function levels(db: Db) {
  const rows = await queryRows<{ level: string; id: number; path: string }>(
    db,
    sql`(select 'city' as level, id, path::text as path from orgs where parent_id is null order by id limit 1)
        union all
        (select 'district', id, path::text from orgs where nlevel(path) = 2 order by id limit 1)
        union all
        (select 'community', id, path::text from orgs where nlevel(path) = 4 and path <@
           (select path from orgs where nlevel(path) = 2 order by id limit 1) order by id limit 1)`,
  );
  return Object.fromEntries(rows.map((r) => [r.level, { id: Number(r.id), path: r.path }])) as Record<
    'city' | 'district' | 'community',
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

/**
 * Closes held meetings one by one, each in its own transaction ending as the kernel's do (inTransaction: the
 * findings its write changed settled, here the branch's to-dos of organizational life), then the read that
 * refreshes the roll-up.
 */
async function closes(db: Db, runs: number, year: number, registry: TodoRegistry) {
  const held = await queryRows<{ id: number }>(
    db,
    sql`select id from meetings where status = 'held' order by id limit ${runs}`,
  );
  const close: number[] = [];
  const refresh: number[] = [];
  for (const { id } of held) {
    let started = performance.now();
    await db.transaction(async (tx) => {
      await tx.execute(sql`update meetings set status = 'closed', closed_at = now() where id = ${id}`);
      await settleFindings({ db: tx }, registry);
    });
    close.push(performance.now() - started);
    started = performance.now();
    await keepRollupCurrent({ db }, year);
    refresh.push(performance.now() - started);
    // Reopened, so that the city keeps its state for BENCH_REUSE.
    await db.execute(sql`update meetings set status = 'held', closed_at = null where id = ${id}`);
    await keepRollupCurrent({ db }, year);
  }
  return { close, refresh };
}

async function main() {
  const members = Number(process.env.BENCH_MEMBERS ?? (process.env.DATABASE_URL ? 1_000_000 : 300_000));
  const { database, generation } = await openCity(members);
  const db = database.db;
  await withoutOrgAdminSecondFactor(db);
  const clock = systemClock('Asia/Shanghai');
  const today = readClock(clock).today;
  const org = await levels(db);
  // The first computation of the year for every org (what the first read of a year does once); BENCH_TODOS_ONLY=1
  // keeps the roll-up a reused city holds and times only the to-dos' daily pass.
  const todosOnly = process.env.BENCH_TODOS_ONLY === '1';
  if (!todosOnly) {
    await db.execute(sql`delete from org_life_compliance_years`);
    await db.execute(sql`delete from org_life_compliance`);
  }
  const fillStarted = performance.now();
  await keepRollupCurrent({ db }, 2026);
  const firstFillMs = Math.round(performance.now() - fillStarted);
  const [rows] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from org_life_compliance`);
  console.log(`roll-up of 2026: ${rows?.n} rows in ${firstFillMs} ms`);
  if (!todosOnly) await db.execute(sql`analyze org_life_compliance`);

  const registry = todoRegistryOf(MODULES);
  // What the app's upkeep does before its pass (todos/upkeep.ts): on PGlite the tables with stale planner
  // statistics analyzed (db/statistics.ts); nothing on PostgreSQL.
  const statisticsStarted = performance.now();
  const analyzed = await refreshStatistics(database);
  const statistics = {
    ms: Math.round(performance.now() - statisticsStarted),
    analyzed: analyzed.map((t) => `${t.name} (${t.why})`),
  };
  console.log(`planner statistics: ${statistics.analyzed.join(', ') || 'none stale'} in ${statistics.ms} ms`);
  // The to-do table filled for today, whole (as the start-up pass does after a migration, and the first pass of a
  // day for the date-driven producers, these among them), so that a close then settles only its branch.
  await db.execute(sql`delete from findings_meta`);
  const findingsStarted = performance.now();
  await keepFindingsCurrent({ db, today }, registry);
  const findingsFillMs = Math.round(performance.now() - findingsStarted);
  console.log(`findings table filled (every producer, every org) in ${findingsFillMs} ms`);
  const producers = await producersAlone(db, registry, today);
  if (todosOnly) {
    await writeReport(database, {
      members,
      generation,
      statistics,
      findingsFillMs,
      producers,
      results: [],
    });
    await database.close();
    return;
  }
  const app = await buildApp(
    {
      db,
      database,
      clock,
      log: pino({ level: 'silent' }),
      secureCookie: false,
      loginRateLimitPerMinute: 1_000_000,
      idCipher: createIdCipher(SECRET_KEY),
      todos: registry,
    },
    { serveWeb: false },
  );
  const results: Result[] = [];
  for (const level of ['city', 'district', 'community'] as const) {
    const client = await login(app, db, `bench_org_life_${level}`, org[level].id);
    for (const period of ['2026-Q2', '2026']) {
      const url = `/api/orgs/${org[level].id}/compliance?period=${period}`;
      const check = await client.get(url);
      if (check.statusCode !== 200)
        throw new Error(`${url}: ${check.statusCode} ${check.body.slice(0, 300)}`);
      const figures = check.json().figures;
      const r = {
        name: `roll-up ${period}: ${level}`,
        url,
        figures,
        ...summarize(await time(RUNS, 3, () => client.get(url))),
      };
      results.push(r);
      print(r);
      const p = parsePeriodKey(period) ?? { year: 2026 };
      const naive = await naiveSubtreeFigures(db, org[level].path, p, today);
      if (naive.checks !== figures.checks || naive.met !== figures.met)
        throw new Error(
          `${level} ${period}: the roll-up ${JSON.stringify(figures)} differs from ${JSON.stringify(naive)}`,
        );
      const n = {
        name: `naive ${period}: ${level}`,
        ...summarize(
          await time(level === 'community' ? RUNS : NAIVE_RUNS, 1, () =>
            naiveSubtreeFigures(db, org[level].path, p, today),
          ),
        ),
      };
      results.push(n);
      print(n);
    }
  }
  const heat = await login(app, db, 'bench_org_life_city', org.city.id);
  const heatUrl = `/api/orgs/${org.city.id}/compliance/heatmap?year=2026`;
  const h = {
    name: 'heat map 2026: city',
    url: heatUrl,
    ...summarize(await time(RUNS, 3, () => heat.get(heatUrl))),
  };
  results.push(h);
  print(h);
  const { close, refresh } = await closes(db, RUNS, 2026, registry);
  for (const r of [
    { name: 'a meeting closed (its statement, the to-dos settled)', ...summarize(close) },
    { name: 'the next read refreshing one org', ...summarize(refresh) },
  ]) {
    results.push(r);
    print(r);
  }
  await writeReport(database, {
    members,
    orgs: org,
    generation,
    rollupRows: rows?.n,
    firstFillMs,
    statistics,
    findingsFillMs,
    producers,
    results,
  });
  await app.close();
  await database.close();
}

/**
 * Each to-do producer alone for every org on `today`, in a transaction of its own as in the daily pass; then the
 * requirements' to-dos judged from the meetings of every branch (what the daily pass did before it counted them
 * in the roll-up), checked equal to the daily pass's.
 */
async function producersAlone(db: Db, registry: TodoRegistry, today: IsoDate) {
  const out: { name: string; ms: number; findings: number }[] = [];
  let daily: LocatedFinding[] = [];
  for (const producer of registry.producers) {
    const started = performance.now();
    const found = await db.transaction((tx) => producer.produce({ db: tx }, { orgs: 'all', date: today }));
    out.push({ name: producer.name, ms: Math.round(performance.now() - started), findings: found.length });
    if (producer.name === 'compliance.requirements') daily = found;
  }
  if (registry.producers.some((p) => p.name === 'compliance.requirements')) {
    const started = performance.now();
    const judged = await judgedComplianceTodos(db, today);
    out.push({
      name: 'compliance.requirements judged from the meetings (the daily pass before)',
      ms: Math.round(performance.now() - started),
      findings: judged.length,
    });
    const key = (f: LocatedFinding) => `${f.orgId}|${f.finding.kind}|${f.finding.message}|${f.finding.date}`;
    const a = daily.map(key).sort();
    const b = judged.map(key).sort();
    if (a.length !== b.length || a.some((k, i) => k !== b[i]))
      throw new Error(
        `the daily pass's requirements to-dos (${a.length}) differ from the judged ones (${b.length})`,
      );
  }
  for (const p of out)
    console.log(`${p.name.padEnd(64)} ${String(p.ms).padStart(8)} ms  ${p.findings} findings`);
  return out;
}

async function writeReport(database: Database, data: Record<string, unknown> & { results: Result[] }) {
  const { results, ...rest } = data;
  const report = {
    benchmark: 'org-life',
    database: database.kind,
    date: new Date().toISOString(),
    today: readClock(systemClock('Asia/Shanghai')).today,
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      node: process.version,
      loadAverage: os.loadavg(),
    },
    data: rest,
    runs: RUNS,
    naiveRuns: NAIVE_RUNS,
    results,
  };
  const label = process.env.BENCH_LABEL ? `-${process.env.BENCH_LABEL}` : '';
  await writeFile(
    new URL(`./results/org-life-${database.kind}-${rest.members}${label}.json`, import.meta.url),
    `${JSON.stringify(report, null, 2)}\n`,
  );
}

await main();
