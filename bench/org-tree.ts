import { randomBytes } from 'node:crypto';
/**
 * The org tree at city scale (about 40,000 orgs): the endpoints the tree page, the search box, the
 * findings list and the workbench call, timed over HTTP (Fastify inject) as the city, a district and a
 * street org_admin. Medians and p95 go to bench/results/org-tree-<database>.json.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import pino from 'pino';
import { buildApp } from '../src/server/app.ts';
import { manualClock } from '../src/server/clock.ts';
import type { Deps } from '../src/server/deps.ts';
import { createIdCipher } from '../src/server/security/crypto.ts';
import { createUser, TEST_PASSWORD } from '../src/server/testing/fixtures.ts';
import { clientFor } from '../src/server/testing/test-app.ts';
import { benchDatabase } from './bench-db.ts';
import { withoutOrgAdminSecondFactor } from './bench-settings.ts';
import { summarize, time } from './stats.ts';
import { CITY_SHAPE, generateTree } from './synthetic-tree.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const TODAY = new Date('2026-06-15T01:00:00Z');

async function main() {
  const database = await benchDatabase();
  const clock = manualClock(TODAY);
  const started = performance.now();
  const ids = await generateTree(database.db, CITY_SHAPE, clock.today());
  const seedSeconds = (performance.now() - started) / 1000;
  console.log(
    `${database.kind}: ${ids.orgCount} orgs, ${ids.postCount} posts in ${seedSeconds.toFixed(1)} s`,
  );

  const deps: Deps = {
    db: database.db,
    database,
    clock,
    log: pino({ level: 'silent' }),
    secureCookie: false,
    loginRateLimitPerMinute: 1_000_000,
    idCipher: createIdCipher(randomBytes(32)),
  };
  const app = await buildApp(deps, { serveWeb: false });
  await withoutOrgAdminSecondFactor(database.db);
  const login = async (username: string, orgId: number) => {
    await createUser(database.db, { username, orgId, roles: [{ role: 'org_admin' }] });
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: TEST_PASSWORD },
    });
    const cookie = res.cookies.find((c) => c.name === 'jiceng_session')?.value;
    return clientFor(app, { cookie: `jiceng_session=${cookie}` });
  };
  const city = await login('bench_city', ids.city);
  const district = await login('bench_district', ids.districts[0] as number);
  const street = await login('bench_street', ids.streets[0] as number);
  const community = ids.communities[Math.floor(ids.communities.length / 2)] as number;

  const cases: [string, typeof city, string][] = [
    ['tree roots (city)', city, '/api/orgs/roots'],
    ['children of the city root', city, `/api/orgs/${ids.city}/children`],
    ['children of a community', city, `/api/orgs/${community}/children`],
    ['org detail (community, with findings and leadership)', city, `/api/orgs/${community}`],
    ['search "第7区3街" (city scope)', city, `/api/orgs?q=${encodeURIComponent('第7区3街')}`],
    ['search "党小组" (many matches, city scope)', city, `/api/orgs?q=${encodeURIComponent('党小组')}`],
    ['search "第5党支部" (district scope)', district, `/api/orgs?q=${encodeURIComponent('第5党支部')}`],
    ['findings page 1 (city)', city, '/api/findings?pageSize=20'],
    ['findings page 1 (street)', street, '/api/findings?pageSize=20'],
    ['workbench (city)', city, '/api/workbench'],
    ['workbench (district)', district, '/api/workbench'],
    ['workbench (street)', street, '/api/workbench'],
  ];
  const results = [];
  for (const [name, client, url] of cases) {
    const check = await client.get(url);
    if (check.statusCode !== 200) throw new Error(`${name}: ${check.statusCode} ${check.body}`);
    const stats = summarize(await time(RUNS, 3, () => client.get(url)));
    results.push({ name, url, ...stats });
    console.log(
      `${name.padEnd(56)} median ${String(stats.median).padStart(8)} ms   p95 ${String(stats.p95).padStart(8)} ms`,
    );
  }
  const report = {
    benchmark: 'org-tree',
    database: database.kind,
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    data: {
      orgs: ids.orgCount,
      leadershipPosts: ids.postCount,
      seedSeconds: Math.round(seedSeconds * 10) / 10,
    },
    runs: RUNS,
    results,
  };
  await writeFile(
    new URL(`./results/org-tree-${database.kind}.json`, import.meta.url),
    `${JSON.stringify(report, null, 2)}\n`,
  );
  await app.close();
  await database.close();
}

await main();
