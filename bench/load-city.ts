import { existsSync } from 'node:fs';
import { chmod, mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type IsoDate, minDate } from '../src/domain/shared/index.ts';
import { type Database, openDatabase, queryRows } from '../src/server/db/client.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { bringAgesToToday, rebuildRollup, refreshSubtrees } from '../src/server/modules/stats/index.ts';
import { createIdCipher } from '../src/server/security/crypto.ts';
import { reusableBenchDatabase } from './bench-db.ts';
import { withoutOrgAdminSecondFactor } from './bench-settings.ts';
import { ensureLoadAccounts, findImportTarget, type ImportTarget } from './load-accounts.ts';
import { type CityOrgs, planSessions, type SessionPlan } from './load-plan.ts';
import { generateMembers } from './synthetic-members.ts';
import { CITY_SHAPE, generateTree } from './synthetic-tree.ts';

/** The roster benchmark's day: the city is generated as of it (or of today, should the clock be earlier). */
const CITY_DATE: IsoDate = '2026-06-15';
/** The key the city's ID numbers are encrypted with (as bench/roster.ts); the server is given the same. */
export const SECRET_KEY = Buffer.alloc(32, 7);

/** The day as the server counts it (JICENG_TIMEZONE's default). */
export function serverToday(): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()) as IsoDate;
}

export type LoadCity = {
  readonly kind: 'pglite' | 'postgres';
  readonly members: number;
  readonly fresh: boolean;
  /** What the server needs to open this city: its data folder, and the database URL on PostgreSQL. */
  readonly serverEnv: Record<string, string>;
  readonly orgCount: number;
  readonly sessions: readonly SessionPlan[];
  readonly importTarget: ImportTarget;
  readonly timings: unknown;
};

/**
 * The load run's own city (it writes: status changes, imports, sessions, audit rows), never the roster
 * benchmark's: `jiceng_bench_load_<members>` on the server of DATABASE_URL, or the data folder
 * `<tmp>/jiceng_bench_load_<members>` whose `pglite/` the server opens (private, as main.ts requires).
 * BENCH_REUSE=1 keeps it between runs.
 */
async function openCityDatabase(
  members: number,
): Promise<{ database: Database; fresh: boolean; serverEnv: Record<string, string> }> {
  const name = `jiceng_bench_load_${members}`;
  const dataDir = path.join(os.tmpdir(), name);
  const url = process.env.DATABASE_URL;
  if (url) {
    const { database, fresh } = await reusableBenchDatabase(name);
    const u = new URL(url);
    u.pathname = `/${name}`;
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    await chmod(dataDir, 0o700);
    return { database, fresh, serverEnv: { DATABASE_URL: u.toString(), JICENG_DATA_DIR: dataDir } };
  }
  const pgliteDir = path.join(dataDir, 'pglite');
  if (process.env.BENCH_REUSE !== '1') await rm(dataDir, { recursive: true, force: true });
  const fresh = !existsSync(path.join(pgliteDir, 'PG_VERSION'));
  await mkdir(pgliteDir, { recursive: true, mode: 0o700 });
  await chmod(dataDir, 0o700);
  await chmod(pgliteDir, 0o700);
  const database = await openDatabase({ kind: 'pglite', dataDir: pgliteDir });
  await migrate(database);
  return { database, fresh, serverEnv: { JICENG_DATA_DIR: dataDir } };
}

/** The synthetic city of bench/roster-city.ts (same tree, roster and rollup), its timings kept with it. */
async function generateCity(database: Database, members: number, cityDate: IsoDate) {
  const db = database.db;
  await generateTree(db, CITY_SHAPE, cityDate);
  console.log(`${database.kind}: generating a city of ${members.toLocaleString()} members for the load run…`);
  const roster = await generateMembers(db, members, cityDate, createIdCipher(SECRET_KEY));
  const started = performance.now();
  await db.transaction((tx) => rebuildRollup(tx, cityDate));
  await db.execute(sql`vacuum analyze`);
  const rebuild = Math.round((performance.now() - started) / 100) / 10;
  const timings = { generate: roster.seconds, cipher: roster.cipherSeconds, rebuild, cityDate };
  await db.execute(sql`create table bench_meta (key text primary key, value jsonb not null)`);
  await db.execute(sql`insert into bench_meta values ('timings', ${JSON.stringify(timings)}::jsonb)`);
  console.log(`members in ${roster.seconds} s; rollup rebuilt in ${rebuild} s`);
}

/** Ids by level (depth 1–4 of the tree), children, and branches that hold full members (sampled). */
async function readOrgs(database: Database, members: number): Promise<CityOrgs & { orgCount: number }> {
  const rows = await queryRows<{ id: number; parent_id: number | null; depth: number }>(
    database.db,
    sql`select id, parent_id, nlevel(path) as depth from orgs
        where nlevel(path) <= 4 and dissolved_on is null order by id`,
  );
  const at = (depth: number) => rows.filter((o) => o.depth === depth).map((o) => o.id);
  const childrenOf = new Map<number, number[]>();
  for (const o of rows)
    if (o.parent_id !== null) childrenOf.set(o.parent_id, [...(childrenOf.get(o.parent_id) ?? []), o.id]);
  const step = Math.max(1, Math.floor(members / 3000));
  const branches = await queryRows<{ branch: number }>(
    database.db,
    sql`select distinct case when o.kind = 'group' then o.parent_id else o.id end as branch
        from members m join orgs o on o.id = m.org_id
        where m.status = 'full' and m.id % ${step} = 0 and o.name not like '%负载导入%' order by 1`,
  );
  const [count] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from orgs`);
  return {
    city: at(1)[0] as number,
    districts: at(2),
    streets: at(3),
    communities: at(4),
    childrenOf,
    branchesWithMembers: branches.map((b) => b.branch),
    orgCount: count?.n ?? 0,
  };
}

async function storedTimings(database: Database): Promise<unknown> {
  const rows = await queryRows<{ value: unknown }>(
    database.db,
    sql`select value from bench_meta where key = 'timings'`,
  );
  const value = rows[0]?.value;
  return typeof value === 'string' ? JSON.parse(value) : (value ?? null);
}

/**
 * The city, generated when new; its accounts, the second-factor setting and the empty import branches made
 * sure of; the rollup brought to the server's today and refreshed (as on a server that has run all day). The
 * database is closed again: the server, a child process, opens it.
 */
export async function prepareLoadCity(members: number): Promise<LoadCity> {
  const today = serverToday();
  const { database, fresh, serverEnv } = await openCityDatabase(members);
  try {
    if (fresh) await generateCity(database, members, minDate(CITY_DATE, today));
    else console.log(`${database.kind}: reusing the load city of ${members.toLocaleString()} members`);
    const orgs = await readOrgs(database, members);
    const sessions = planSessions(orgs);
    await ensureLoadAccounts(database.db, sessions);
    await withoutOrgAdminSecondFactor(database.db);
    const importTarget = await findImportTarget(database.db, sessions, orgs);
    await bringAgesToToday(database.db, today);
    await refreshSubtrees(database.db);
    return {
      kind: database.kind,
      members,
      fresh,
      serverEnv,
      orgCount: orgs.orgCount,
      sessions,
      importTarget,
      timings: await storedTimings(database),
    };
  } finally {
    await database.close();
  }
}
