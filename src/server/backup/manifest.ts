import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { MIGRATIONS_FOLDER } from '../db/migrate.ts';

/**
 * What a backup says about itself (manifest.json): enough to refuse a wrong restore before touching anything,
 * and to prove after loading that every table came back whole. Never the key: only its public fingerprint.
 */
export const MANIFEST_FILE = 'manifest.json';

export const TableSum = z.object({
  /** `schema.table` */
  name: z.string(),
  rows: z.number().int().nonnegative(),
  /** Sum over the rows of the first 64 bits of md5(row as text): order-free, so it needs no sort or memory. */
  checksum: z.string().regex(/^-?\d+$/),
});
export type TableSum = z.infer<typeof TableSum>;

export const Manifest = z.object({
  format: z.literal('jiceng-backup'),
  formatVersion: z.literal(1),
  database: z.enum(['pglite', 'postgres']),
  /** server_version_num of the database the dump came from (a PGlite data folder needs the same major). */
  serverVersion: z.string(),
  appVersion: z.string(),
  migrations: z.object({ count: z.number().int().nonnegative(), last: z.string().nullable() }),
  createdAt: z.iso.datetime(),
  idKeyFingerprint: z.string().nullable(),
  dump: z.object({
    file: z.enum(['pglite.tar', 'database.dump']),
    bytes: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  tables: z.array(TableSum),
});
export type Manifest = z.infer<typeof Manifest>;

/** What the database says about itself, read in one transaction (one snapshot). */
export type DatabaseFacts = Pick<Manifest, 'serverVersion' | 'migrations' | 'idKeyFingerprint' | 'tables'>;

/** Runs one SQL statement and gives its rows: a PGlite transaction or a pg client, wrapped by the caller. */
export type SqlRunner = (text: string) => Promise<Record<string, unknown>[]>;

/** Row text depends on these settings (timestamps above all): fix them so that both ends hash the same text. */
const STABLE_OUTPUT = [
  "SET LOCAL TimeZone = 'UTC'",
  "SET LOCAL DateStyle = 'ISO, YMD'",
  "SET LOCAL IntervalStyle = 'postgres'",
  'SET LOCAL extra_float_digits = 1',
  "SET LOCAL bytea_output = 'hex'",
];

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function tableNames(run: SqlRunner): Promise<{ schema: string; table: string }[]> {
  const rows = await run(`
    select n.nspname as schema, c.relname as "table"
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p')
      and n.nspname not in ('pg_catalog', 'information_schema')
      and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'
    order by 1, 2`);
  return rows as { schema: string; table: string }[];
}

async function tableSum(run: SqlRunner, schema: string, table: string): Promise<TableSum> {
  const [row] = await run(`
    select count(*)::text as rows,
      coalesce(sum(('x' || left(md5(jiceng_row::text), 16))::bit(64)::bigint), 0)::text as checksum
    from ${quoteIdent(schema)}.${quoteIdent(table)} as jiceng_row`);
  return { name: `${schema}.${table}`, rows: Number(row?.rows), checksum: String(row?.checksum) };
}

/** Count and last tag of the applied migrations (Drizzle's table; its created_at is the journal's `when`). */
async function migrationLevel(run: SqlRunner): Promise<Manifest['migrations']> {
  const [exists] = await run(`select to_regclass('drizzle.__drizzle_migrations') is not null as ok`);
  if (!exists?.ok) return { count: 0, last: null };
  const [row] = await run(
    'select count(*)::int as count, max(created_at)::text as last from drizzle.__drizzle_migrations',
  );
  const last = row?.last == null ? null : String(row.last);
  const tag = migrationJournal().find((e) => String(e.when) === last)?.tag ?? last;
  return { count: Number(row?.count ?? 0), last: tag };
}

/** The migrations this version of the app knows, in order. */
export function migrationJournal(): { tag: string; when: number }[] {
  const file = path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { entries: { tag: string; when: number }[] }).entries;
}

/** Reads the facts of a database. Must run inside a transaction (it uses SET LOCAL), so that it sees one state. */
export async function readFacts(run: SqlRunner): Promise<DatabaseFacts> {
  for (const statement of STABLE_OUTPUT) await run(statement);
  const [version] = await run(`select current_setting('server_version_num') as v`);
  const [hasSettings] = await run(`select to_regclass('public.settings') is not null as ok`);
  const [key] = hasSettings?.ok
    ? await run(`select value->>'fingerprint' as fingerprint from settings where key = 'id_key'`)
    : [];
  const tables: TableSum[] = [];
  for (const { schema, table } of await tableNames(run)) tables.push(await tableSum(run, schema, table));
  return {
    serverVersion: String(version?.v),
    migrations: await migrationLevel(run),
    idKeyFingerprint: (key?.fingerprint as string | null | undefined) ?? null,
    tables,
  };
}

export function appVersion(): string {
  const file = new URL('../../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** Every way the loaded tables differ from the manifest, one Chinese line each; empty when they match. */
export function tableMismatches(expected: readonly TableSum[], actual: readonly TableSum[]): string[] {
  const found = new Map(actual.map((t) => [t.name, t]));
  const problems: string[] = [];
  for (const want of expected) {
    const got = found.get(want.name);
    found.delete(want.name);
    if (!got) problems.push(`表 ${want.name}：恢复后不存在`);
    else if (got.rows !== want.rows)
      problems.push(`表 ${want.name}：备份清单记录 ${want.rows} 行，恢复后为 ${got.rows} 行`);
    else if (got.checksum !== want.checksum) problems.push(`表 ${want.name}：内容校验值与备份清单不一致`);
  }
  for (const extra of found.keys()) problems.push(`表 ${extra}：备份清单中没有这张表`);
  return problems;
}

/** Row counts by table, for the audit note and the operator's summary. */
export function rowCounts(tables: readonly TableSum[]): Record<string, number> {
  return Object.fromEntries(tables.map((t) => [t.name, t.rows]));
}
