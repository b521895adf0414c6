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
