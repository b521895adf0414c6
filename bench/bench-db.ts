import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../src/server/db/client.ts';
import { migrate } from '../src/server/db/migrate.ts';

/**
 * A fresh database for a benchmark: PGlite in memory, or a new `jiceng_bench` database on the server of
 * DATABASE_URL (dropped and re-created, so that every run starts the same).
 */
export async function benchDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ kind: 'pglite' });
    await migrate(database);
    return database;
  }
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS jiceng_bench WITH (FORCE)');
  await admin.query('CREATE DATABASE jiceng_bench');
  await admin.end();
  const u = new URL(url);
  u.pathname = '/jiceng_bench';
  const database = await openDatabase({ kind: 'postgres', url: u.toString() });
  await migrate(database);
  return database;
}

/**
 * A benchmark database that BENCH_REUSE=1 keeps between runs (generating a million members takes minutes;
 * timing them again should not): `<name>` on the server of DATABASE_URL, or a PGlite folder under the OS
 * temp directory. `fresh` tells whether it was just created (and needs its data).
 */
export async function reusableBenchDatabase(name: string): Promise<{ database: Database; fresh: boolean }> {
  const reuse = process.env.BENCH_REUSE === '1';
  const url = process.env.DATABASE_URL;
  if (!url) {
    if (!reuse) return { database: await benchDatabase(), fresh: true };
    const dataDir = path.join(os.tmpdir(), name);
    const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
    const database = await openDatabase({ kind: 'pglite', dataDir });
    await migrate(database);
    return { database, fresh };
  }
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  const fresh = !(reuse && exists);
  if (fresh) {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  }
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: u.toString() });
  await migrate(database);
  return { database, fresh };
}
