import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';

/**
 * One migrated template per test run; every test file then gets its own copy in well under a second,
 * instead of running the migrations again: a PGlite data-dir dump, or a PostgreSQL `CREATE DATABASE …
 * TEMPLATE`.
 */
export type TemplateRef =
  | { kind: 'pglite'; dumpFile: string }
  | { kind: 'postgres'; serverUrl: string; template: string };

export async function createTemplate(databaseUrl: string | undefined): Promise<TemplateRef> {
  if (!databaseUrl) {
    const database = await openDatabase({ kind: 'pglite' });
    await migrate(database);
    const dump = await (database.pglite as NonNullable<typeof database.pglite>).dumpDataDir('none');
    await database.close();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'jiceng-test-'));
    const dumpFile = path.join(dir, 'template.tar');
    await writeFile(dumpFile, Buffer.from(await dump.arrayBuffer()));
    return { kind: 'pglite', dumpFile };
  }
  const template = `jiceng_tpl_${process.pid}`;
  await adminQuery(databaseUrl, `DROP DATABASE IF EXISTS ${template}`);
  await adminQuery(databaseUrl, `CREATE DATABASE ${template}`);
  const database = await openDatabase({
    kind: 'postgres',
    url: withDatabase(databaseUrl, template),
    poolSize: 1,
  });
  await migrate(database);
  await database.close();
  return { kind: 'postgres', serverUrl: databaseUrl, template };
}

export async function dropTemplate(ref: TemplateRef): Promise<void> {
  if (ref.kind === 'postgres') {
    await adminQuery(ref.serverUrl, `DROP DATABASE IF EXISTS ${ref.template} WITH (FORCE)`);
  } else {
    await rm(path.dirname(ref.dumpFile), { recursive: true, force: true });
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
