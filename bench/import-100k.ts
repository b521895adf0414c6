/**
 * The 100,000-row import over HTTP (issue: member roster, Benchmark): a synthetic template workbook written
 * with exceljs's streaming writer, then POST /api/members/import as a dry run and as a commit, timed, with
 * the process's peak RSS sampled every 20 ms. `npx tsx bench/import-100k.ts` runs it on its own database
 * (PGlite in memory, or `jiceng_bench_import` on the server of DATABASE_URL) and writes
 * bench/results/import-100k-<database>.json; bench/roster.ts calls runImportBenchmark with its own city.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { buildApp } from '../src/server/app.ts';
import { manualClock } from '../src/server/clock.ts';
import { type Database, openDatabase, queryRows } from '../src/server/db/client.ts';
import { migrate } from '../src/server/db/migrate.ts';
import type { Deps } from '../src/server/deps.ts';
import type { App } from '../src/server/http/app-types.ts';
import { createIdCipher } from '../src/server/security/crypto.ts';
import { memberRow, postImport, writeLargeWorkbook } from '../src/server/testing/fixtures/member-import.ts';
import { createUser, insertOrg, TEST_PASSWORD } from '../src/server/testing/fixtures.ts';
import { adminQuery, withDatabase } from '../src/server/testing/template.ts';
import { withoutOrgAdminSecondFactor } from './bench-settings.ts';

const TODAY = new Date('2026-06-15T01:00:00Z');

export type ImportBenchmarkOptions = {
  /** The app, its deps and a logged-in org_admin of a city already generated (bench/roster.ts). */
  readonly app?: App;
  readonly deps?: Deps;
  readonly client?: { readonly headers: Record<string, string> };
  /** The org to import under; its branches and groups receive the rows. */
  readonly orgId?: number;
  readonly rows?: number;
  readonly tree?: unknown;
};

export type Result = {
  readonly database: 'pglite' | 'postgres';
  readonly rows: number;
  readonly fileMB: number;
  readonly generateSeconds: number;
  readonly dryRun: { readonly seconds: number; readonly validCount: number; readonly errorCount: number };
  readonly commit: { readonly seconds: number; readonly importedCount: number };
  /** Resident set size of this process (PGlite, when used, runs inside it). */
  readonly rssMB: { readonly before: number; readonly peakDryRun: number; readonly peakCommit: number };
  readonly machine: {
    cpus: number;
    cpuModel: string | undefined;
    memoryGiB: number;
    node: string;
    /** The 1/5/15-minute load when the run ended: other work on the machine skews the timings. */
    loadAverage: number[];
  };
};

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const seconds = (from: number) => Math.round((performance.now() - from) / 10) / 100;

/** Peak RSS while `fn` runs, sampled every 20 ms. */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peak: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const value = await fn();
    return { value, peak: Math.max(peak, process.memoryUsage().rss) };
  } finally {
    clearInterval(timer);
  }
}

async function openBenchDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ kind: 'pglite' });
    await migrate(database);
    return database;
  }
  await adminQuery(url, 'DROP DATABASE IF EXISTS jiceng_bench_import WITH (FORCE)');
  await adminQuery(url, 'CREATE DATABASE jiceng_bench_import');
  const database = await openDatabase({ kind: 'postgres', url: withDatabase(url, 'jiceng_bench_import') });
  await migrate(database);
  return database;
}

/** A small city of its own: a committee with 20 branches, and an org_admin over it. */
async function ownWorld(): Promise<
  Required<Pick<ImportBenchmarkOptions, 'app' | 'deps' | 'client' | 'orgId'>>
> {
  const database = await openBenchDatabase();
  const deps: Deps = {
    db: database.db,
    database,
    clock: manualClock(TODAY),
    log: pino({ level: 'silent' }),
    secureCookie: false,
    loginRateLimitPerMinute: 1_000_000,
    idCipher: createIdCipher(randomBytes(32)),
  };
  const root = await insertOrg(deps.db, null, '导入基准市委', 'local_committee', 'government');
  const committee = await insertOrg(deps.db, root, '导入基准社区党委', 'committee');
  for (let i = 1; i <= 20; i++) await insertOrg(deps.db, committee, `导入基准第${i}党支部`, 'branch');
  await withoutOrgAdminSecondFactor(deps.db);
  await createUser(deps.db, { username: 'bench_import', orgId: root.id, roles: [{ role: 'org_admin' }] });
  const app = await buildApp(deps, { serveWeb: false });
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'bench_import', password: TEST_PASSWORD },
  });
  const cookie = login.cookies.find((c) => c.name === 'jiceng_session')?.value;
  return { app, deps, client: { headers: { cookie: `jiceng_session=${cookie}` } }, orgId: committee.id };
}

/** Branches and groups under the org whose names are unique there (rows name their branch by full name). */
async function branchNames(deps: Deps, orgId: number): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    deps.db,
    sql`select o.name from orgs o, orgs top
        where top.id = ${orgId} and o.path <@ top.path and o.kind in ('branch', 'group') and o.dissolved_on is null
        group by o.name having count(*) = 1 order by o.name limit 50`,
  );
  if (rows.length === 0) throw new Error(`no branch under org ${orgId}`);
  return rows.map((r) => r.name);
}

async function importOnce(
  world: Required<Pick<ImportBenchmarkOptions, 'app' | 'client' | 'orgId'>>,
  file: Buffer,
  dryRun: boolean,
) {
  const started = performance.now();
  const { value, peak } = await withPeakRss(() =>
    postImport(world.app, world.client.headers, file, { dryRun: String(dryRun), orgId: String(world.orgId) }),
  );
  if (value.statusCode !== 200)
    throw new Error(`import answered ${value.statusCode}: ${value.body.slice(0, 300)}`);
  return { report: value.json(), seconds: seconds(started), peak };
}

/**
 * The workbook is written by a child process, so that the writer's garbage does not count in the RSS of the
 * import measured here. A province code of its own (65 新疆) keeps the rows clear of a generated city's IDs.
 */
async function generateInChild(file: string, rows: number, names: readonly string[]): Promise<void> {
  const script = fileURLToPath(import.meta.url);
  await promisify(execFile)(process.execPath, ['--import', 'tsx', script, '--generate', file, String(rows)], {
    env: { ...process.env, BENCH_IMPORT_BRANCHES: JSON.stringify(names) },
    maxBuffer: 1 << 20,
  });
}

async function generateMain(file: string, rows: number): Promise<void> {
  const names = JSON.parse(process.env.BENCH_IMPORT_BRANCHES ?? '[]') as string[];
  await writeLargeWorkbook(file, rows, (i) => memberRow(i, names[i % names.length] as string, {}, '650102'));
}

export async function runImportBenchmark(options: ImportBenchmarkOptions = {}): Promise<Result> {
  const rows = options.rows ?? Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
  const world =
    options.app && options.deps && options.client && options.orgId
      ? (options as Required<ImportBenchmarkOptions>)
      : await ownWorld();
  const names = await branchNames(world.deps, world.orgId);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'jiceng-import-bench-'));
  try {
    const file = path.join(dir, 'roster-100k.xlsx');
    const generated = performance.now();
    await generateInChild(file, rows, names);
    const generateSeconds = seconds(generated);
    const bytes = await readFile(file);
    const before = process.memoryUsage().rss;
    const dry = await importOnce(world, bytes, true);
    const commit = await importOnce(world, bytes, false);
    return {
      database: world.deps.database.kind,
      rows,
      fileMB: Math.round(((await stat(file)).size / 2 ** 20) * 10) / 10,
      generateSeconds,
      dryRun: { seconds: dry.seconds, validCount: dry.report.validCount, errorCount: dry.report.errorCount },
      commit: { seconds: commit.seconds, importedCount: commit.report.importedCount },
      rssMB: { before: mb(before), peakDryRun: mb(dry.peak), peakCommit: mb(commit.peak) },
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
      },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
    if (!options.app) {
      await world.app.close();
      await world.deps.database.close();
      const url = process.env.DATABASE_URL;
      if (url) await adminQuery(url, 'DROP DATABASE IF EXISTS jiceng_bench_import WITH (FORCE)');
    }
  }
}

const direct = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (direct && process.argv[2] === '--generate') {
  await generateMain(process.argv[3] as string, Number(process.argv[4]));
} else if (direct) {
  const result = await runImportBenchmark();
  console.log(JSON.stringify(result, null, 2));
  await writeFile(
    new URL(`./results/import-100k-${result.database}.json`, import.meta.url),
    `${JSON.stringify({ benchmark: 'import-100k', date: new Date().toISOString(), ...result }, null, 2)}\n`,
  );
}
