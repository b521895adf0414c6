import pg from 'pg';
import { BackupError } from './backup-error.ts';
import { type DatabaseFacts, readFacts, type SqlRunner } from './manifest.ts';
import { runPgTool } from './pg-tools.ts';

/**
 * Backup and restore of a PostgreSQL server database with pg_dump/pg_restore. The manifest is computed in the
 * very snapshot pg_dump copies: a REPEATABLE READ transaction exports its snapshot, pg_dump adopts it with
 * --snapshot, and the tables are hashed in that same transaction while pg_dump runs.
 */
async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`无法连接 PostgreSQL 数据库（${databaseName(url)}）：${(error as Error).message}`);
  }
  return client;
}

const runner =
  (client: pg.Client): SqlRunner =>
  async (text) =>
    (await client.query(text)).rows;

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1)) || '(默认数据库)';
}

/** pg_dump (custom format) of the database into `dumpFile`, and the facts of exactly that snapshot. */
export async function dumpPostgres(
  url: string,
  dumpFile: string,
  now: () => Date,
): Promise<{ facts: DatabaseFacts; createdAt: string }> {
  const client = await connect(url);
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const { rows } = await client.query<{ snapshot: string }>('select pg_export_snapshot() as snapshot');
    const createdAt = now().toISOString();
    const args = [
      '--format=custom',
      `--snapshot=${rows[0]?.snapshot}`,
      `--file=${dumpFile}`,
      '--no-password',
    ];
    // The exporting transaction must stay open until pg_dump has adopted the snapshot: it does, until COMMIT.
    const [facts] = await Promise.all([readFacts(runner(client)), runPgTool('pg_dump', args, url)]);
    await client.query('COMMIT');
    return { facts, createdAt };
  } finally {
    await client.end();
  }
}

/** Restoring merges into nothing: the target must hold no tables, views or sequences of its own. */
export async function assertEmptyDatabase(url: string): Promise<void> {
  const client = await connect(url);
  try {
    const { rows } = await client.query<{ n: number }>(`
      select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
        and n.nspname not in ('pg_catalog', 'information_schema')
        and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'`);
    const count = rows[0]?.n ?? 0;
    if (count > 0) {
      throw new BackupError(
        `目标数据库 ${databaseName(url)} 不是空的（已有 ${count} 个表、视图或序列）：恢复只能写入新建的空数据库。` +
          '请新建一个空数据库（CREATE DATABASE …），让 DATABASE_URL 指向它后再恢复。',
      );
    }
  } finally {
    await client.end();
  }
}

/**
 * pg_restore in one transaction, stopping at the first error: a failed restore leaves the database empty.
 * Objects become the restoring role's (--no-owner); grants to other roles are kept, so those roles must exist.
 */
export async function loadPostgres(url: string, dumpFile: string): Promise<void> {
  await runPgTool(
    'pg_restore',
    ['--no-owner', '--exit-on-error', '--single-transaction', '--no-password', dumpFile],
    url,
  );
}

/** The facts of a database as it is now, read in one snapshot. */
export async function postgresFacts(url: string): Promise<DatabaseFacts> {
  const client = await connect(url);
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const facts = await readFacts(runner(client));
    await client.query('COMMIT');
    return facts;
  } finally {
    await client.end();
  }
}
