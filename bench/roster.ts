/**
 * The member roster at city scale (issue: member roster, Benchmark): a synthetic city of BENCH_MEMBERS
 * members (default 1,000,000 on PostgreSQL, 300,000 on PGlite) in about 40,000 orgs; the rollup rebuilt;
 * then over HTTP (Fastify inject) the statistics at the city root, a district and a community, member search
 * by name prefix, pinyin initials and ID number, and the 100,000-row import; and, in SQL, the naive ways to
 * the root statistics (direct aggregation, recursive CTE) for the ratio. Results: bench/results/roster-*.json.
 */
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import pino from 'pino';
import { buildApp } from '../src/server/app.ts';
import { manualClock } from '../src/server/clock.ts';
import type { Deps } from '../src/server/deps.ts';
import { refreshSubtrees } from '../src/server/modules/stats/index.ts';
import { createIdCipher } from '../src/server/security/crypto.ts';
import { createUser, TEST_PASSWORD } from '../src/server/testing/fixtures.ts';
import { clientFor, type TestClient } from '../src/server/testing/test-app.ts';
import { withoutOrgAdminSecondFactor } from './bench-settings.ts';
import { concurrentWrites, touchOrgs } from './concurrent-writes.ts';
import { runImportBenchmark } from './import-100k.ts';
import { directAggregation, perOrgRollupByChild, recursiveCte, rollupSum } from './naive-stats.ts';
import { rosterCity } from './roster-city.ts';
import { summarize, time } from './stats.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const NAIVE_RUNS = Number(process.env.BENCH_NAIVE_RUNS ?? 7);
const TODAY = '2026-06-15';

/** 增减台账 of this year so far: the counts at three levels, and the first page of a district's entries. */
function ledgerCases(client: TestClient, root: number, district: number, community: number) {
  const period = `from=${TODAY.slice(0, 4)}-01-01&to=${TODAY}`;
  return [
    ['ledger: city root, year to date', client, `/api/orgs/${root}/ledger?${period}`],
    ['ledger: a district, year to date', client, `/api/orgs/${district}/ledger?${period}`],
    ['ledger: a community, year to date', client, `/api/orgs/${community}/ledger?${period}`],
    ['ledger entries page 1: a district', client, `/api/orgs/${district}/ledger/entries?${period}`],
  ] as [string, TestClient, string][];
}

type Result = { name: string; url?: string } & ReturnType<typeof summarize>;

function print(r: Result): void {
  console.log(
    `${r.name.padEnd(52)} median ${String(r.median).padStart(8)} ms   p95 ${String(r.p95).padStart(8)} ms`,
  );
}

async function main() {
  const members = Number(process.env.BENCH_MEMBERS ?? (process.env.DATABASE_URL ? 1_000_000 : 300_000));
  const clock = manualClock(new Date(`${TODAY}T01:00:00Z`));
  const idCipher = createIdCipher(Buffer.alloc(32, 7));
  const { database, fresh, tree, samples, timings } = await rosterCity(members, TODAY, idCipher);
  if (fresh && database.kind === 'postgres' && !process.env.BENCH_CHILD) {
    // Generating a million members leaves this process with a large heap that slows the timed requests
    // (pinyin initials: 53 ms here, 35 ms from a new process on the same city). A server does not generate
    // its data, so a server database is timed from a new process, as BENCH_REUSE=1 would.
    await database.close();
    const child = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
      stdio: 'inherit',
      env: { ...process.env, BENCH_ONLY: 'roster', BENCH_REUSE: '1', BENCH_CHILD: '1' },
    });
    process.exitCode = child.status ?? 1;
    return;
  }
  let started = performance.now();
  // Start from a refreshed subtree rollup (a reused city may hold a previous run's logged changes).
  await refreshSubtrees(database.db);

  const deps: Deps = {
    db: database.db,
    database,
    clock,
    log: pino({ level: 'silent' }),
    secureCookie: false,
    loginRateLimitPerMinute: 1_000_000,
    idCipher,
  };
  const app = await buildApp(deps, { serveWeb: false });
  await withoutOrgAdminSecondFactor(database.db);
  const login = async (username: string, orgId: number, role: 'org_admin' | 'secretary') => {
    // The users are made where the city is first timed: here, or in the new process of a server database.
    if (fresh || process.env.BENCH_CHILD)
      await createUser(database.db, { username, orgId, roles: [{ role }] });
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: TEST_PASSWORD },
    });
    const cookie = res.cookies.find((c) => c.name === 'jiceng_session')?.value;
    return clientFor(app, { cookie: `jiceng_session=${cookie}` });
  };
  const city = await login('bench_city', tree.city, 'org_admin');
  const district = tree.districts[0] as number;
  const community = tree.communities[Math.floor(tree.communities.length / 2)] as number;
  const street = await login('bench_street', tree.streets[0] as number, 'org_admin');
  const q = (s: string) => `/api/members?q=${encodeURIComponent(s)}`;
  const cases: [string, TestClient, string][] = [
    ['stats: city root', city, `/api/orgs/${tree.city}/stats`],
    ['stats: a district', city, `/api/orgs/${district}/stats`],
    ['stats: a community', city, `/api/orgs/${community}/stats`],
    [`search: name prefix "${samples.namePrefix}" (city)`, city, q(samples.namePrefix)],
    [`search: full name "${samples.fullName}" (city)`, city, q(samples.fullName)],
    [`search: pinyin initials "${samples.initials}" (city)`, city, q(samples.initials)],
    ['search: ID number (city)', city, q(samples.idNumber)],
    ['search: ID number (a street, not found)', street, q(samples.idNumber)],
    ['list page 1: city, no filter', city, '/api/members?pageSize=20'],
    ['list page 1: city, on the roll', city, '/api/members?pageSize=20&status=probationary,full,unreachable'],
    ['list page 1: a community, no filter', city, `/api/members?pageSize=20&orgId=${community}`],
    ['findings page 1 (city, with roster counts)', city, '/api/findings?pageSize=20'],
    ['workbench (city, with roster counts)', city, '/api/workbench'],
    ...ledgerCases(city, tree.city, district, community),
  ];
  const results: Result[] = [];
  for (const [name, client, url] of cases) {
    const check = await client.get(url);
    if (check.statusCode !== 200) {
      console.log(`${name}: ${check.statusCode} ${check.body.slice(0, 200)} (skipped)`);
      continue;
    }
    const r = { name, url, ...summarize(await time(RUNS, 3, () => client.get(url))) };
    results.push(r);
    print(r);
  }

  // Between refreshes, readers add the logged changes themselves: the usual state after member writes.
  await touchOrgs(database.db, TODAY, 60);
  for (const [name, url] of [
    ['stats: city root, 60 changes logged', `/api/orgs/${tree.city}/stats`],
    ['stats: a community, 60 changes logged', `/api/orgs/${community}/stats`],
  ] as const) {
    const r = { name, url, ...summarize(await time(RUNS, 3, () => city.get(url))) };
    results.push(r);
    print(r);
  }

  const root = { id: tree.city, path: String(tree.city) };
  const naive: Result[] = [];
  for (const [name, fn] of [
    ['SQL: per-org rollup, root totals (org_stats, no join)', () => rollupSum(database.db)],
    [
      'SQL: per-org rollup, by child of the root (join orgs)',
      () => perOrgRollupByChild(database.db, root.path),
    ],
    [
      'SQL: direct aggregation over member rows (root)',
      () => directAggregation(database.db, root.path, TODAY),
    ],
    ['SQL: recursive CTE over parent_id (root)', () => recursiveCte(database.db, root.id, TODAY)],
  ] as const) {
    const runs = name.includes('per-org') ? RUNS : NAIVE_RUNS;
    const r = { name, ...summarize(await time(runs, 1, fn)) };
    naive.push(r);
    print(r);
  }
  const rootHttp = results.find((r) => r.name === 'stats: city root');
  const ratio = (n: Result | undefined) =>
    rootHttp && n ? Math.round((n.median / rootHttp.median) * 10) / 10 : null;
  const ratios = { directAggregation: ratio(naive[2]), recursiveCte: ratio(naive[3]) };
  console.log(
    `root stats over HTTP vs direct aggregation ${ratios.directAggregation}×, vs recursive CTE ${ratios.recursiveCte}×`,
  );

  const writes = database.kind === 'postgres' ? await concurrentWrites(database.db, TODAY) : null;
  if (writes) console.log(`concurrent writes in different orgs: ${JSON.stringify(writes)}`);

  let importResult: unknown = null;
  if (process.env.BENCH_IMPORT !== '0') {
    try {
      started = performance.now();
      importResult = await runImportBenchmark({ app, deps, client: city, orgId: community, tree });
      console.log(
        `import of 100,000 rows: ${JSON.stringify(importResult)} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
      );
      // Undo the batch, so that the city keeps its size for BENCH_REUSE (and the rollup is seen to follow).
      const before = (await city.get(`/api/orgs/${tree.city}/stats`)).json().memberCount;
      const [batch] = (await city.get('/api/import-batches?pageSize=1')).json().items;
      started = performance.now();
      const undo = await city.post(`/api/import-batches/${batch.id}/undo`, {});
      const undoSeconds = Math.round((performance.now() - started) / 100) / 10;
      const after = (await city.get(`/api/orgs/${tree.city}/stats`)).json().memberCount;
      importResult = {
        ...(importResult as object),
        undo: { status: undo.statusCode, seconds: undoSeconds, membersBefore: before, membersAfter: after },
      };
      console.log(`undo of the batch: ${undo.statusCode} in ${undoSeconds} s; members ${before} → ${after}`);
    } catch (error) {
      console.log(`import benchmark not run: ${(error as Error).message.split('\n')[0]}`);
    }
  }

  const report = {
    benchmark: 'roster',
    database: database.kind,
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
    },
    data: { orgs: tree.orgCount, members, reused: !fresh && !process.env.BENCH_CHILD, seconds: timings },
    runs: RUNS,
    naiveRuns: NAIVE_RUNS,
    results,
    naive,
    ratios,
    concurrentWrites: writes,
    import: importResult,
  };
  await writeFile(
    new URL(`./results/roster-${database.kind}-${members}.json`, import.meta.url),
    `${JSON.stringify(report, null, 2)}\n`,
  );
  await app.close();
  await database.close();
}

await main();
