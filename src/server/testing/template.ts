import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../db/client.ts';
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
    return { kind: 'pglite', dumpFile: await dumpAndClose(database) };
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

/**
 * A second template: a copy of `base` that `fill` writes into (the browser tests' demo city, e2e/demo-city-setup.ts),
 * kept the same way, so that a test file gets its own copy of the filled database as fast as of the migrated one.
 */
export async function deriveTemplate<T>(
  base: TemplateRef,
  name: string,
  fill: (database: Database) => Promise<T>,
): Promise<{ template: TemplateRef; filled: T }> {
  if (base.kind === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', loadDataDir: await readDump(base) });
    const filled = await fill(database);
    return { template: { kind: 'pglite', dumpFile: await dumpAndClose(database) }, filled };
  }
  const template = `jiceng_${name}_tpl_${process.pid}`;
  await adminQuery(base.serverUrl, `DROP DATABASE IF EXISTS ${template}`);
  await cloneDatabase(base, template);
  const database = await openDatabase({
    kind: 'postgres',
    url: withDatabase(base.serverUrl, template),
    poolSize: 4,
  });
  try {
    const filled = await fill(database);
    return { template: { kind: 'postgres', serverUrl: base.serverUrl, template }, filled };
  } finally {
    await database.close();
  }
}

export async function readDump(ref: Extract<TemplateRef, { kind: 'pglite' }>): Promise<Blob> {
  return new Blob([await readFile(ref.dumpFile)]);
}

/** Every dump in a folder of its own, which dropTemplate removes. */
async function dumpAndClose(database: Database): Promise<string> {
  const dump = await (database.pglite as NonNullable<typeof database.pglite>).dumpDataDir('none');
  await database.close();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'jiceng-test-'));
  const dumpFile = path.join(dir, 'template.tar');
  await writeFile(dumpFile, Buffer.from(await dump.arrayBuffer()));
  return dumpFile;
}

/** Two workers cloning the same template at once can collide ("being accessed by other users"): retry. */
export async function cloneDatabase(
  ref: Extract<TemplateRef, { kind: 'postgres' }>,
  name: string,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(ref.serverUrl, `CREATE DATABASE ${name} TEMPLATE ${ref.template}`);
      return;
    } catch (error) {
      if (attempt >= 20 || !String(error).includes('being accessed by other users')) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
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
