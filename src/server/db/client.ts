import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { fairTurns } from './fair-turns.ts';

/** The database as every repo sees it: the same Drizzle API over PGlite or a PostgreSQL server. */
export type Db = PgDatabase<PgQueryResultHKT>;

export type DatabaseKind = 'pglite' | 'postgres';

export type Database = {
  readonly db: Db;
  readonly kind: DatabaseKind;
  /** The embedded instance, when there is one (tests dump it to make a template). */
  readonly pglite?: PGlite;
  close(): Promise<void>;
};

export type DatabaseTarget =
  | { readonly kind: 'pglite'; readonly dataDir?: string; readonly loadDataDir?: Blob }
  | {
      readonly kind: 'postgres';
      readonly url: string;
      readonly poolSize?: number;
      /** Told when the server drops an idle connection (restart, admin kill); the pool opens a new one. */
      readonly onIdleError?: (error: Error) => void;
    };

export const PGLITE_EXTENSIONS = { ltree, pg_trgm };

/**
 * Gives every top-level query and transaction of the embedded database its turn through the event loop
 * (fair-turns.ts): without it a backlog of queries starves the server's I/O — connections, uploads — until the
 * backlog is gone. Statements inside a transaction run in its turn.
 */
function takeTurns(client: PGlite): PGlite {
  const turns = fairTurns();
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  client.query = ((...args: Parameters<PGlite['query']>) =>
    turns.run(() => query(...args))) as PGlite['query'];
  client.exec = ((...args: Parameters<PGlite['exec']>) => turns.run(() => exec(...args))) as PGlite['exec'];
  client.transaction = ((...args: Parameters<PGlite['transaction']>) =>
    turns.run(() => transaction(...args))) as PGlite['transaction'];
  return client;
}

export async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<PGlite> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    extensions: PGLITE_EXTENSIONS,
  });
  // Without this PGlite's planner seq-scans members for a street-level subtree (docs/embedded-database.md §3).
  await client.exec('SET random_page_cost = 1.1');
  return takeTurns(client);
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'pglite') {
    const client = await openPglite(target.dataDir, target.loadDataDir);
    return {
      db: drizzlePglite({ client }) as unknown as Db,
      kind: 'pglite',
      pglite: client,
      close: () => client.close(),
    };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
  // Without a listener, an idle connection the server closes (a restart, pg_terminate_backend, a dropped
  // database) would be an uncaught 'error' and stop the process. The pool has already discarded the client.
  pool.on('error', (error) => target.onIdleError?.(error));
  return {
    db: drizzleNodePg({ client: pool }) as unknown as Db,
    kind: 'postgres',
    close: () => pool.end(),
  };
}

/** Rows of a raw SQL query, the same on both drivers. */
export async function queryRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Allocates an org id before the insert, because the org's own id ends its ltree path. */
export async function nextOrgId(db: Db): Promise<number> {
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`select nextval(pg_get_serial_sequence('orgs', 'id'))::int as id`,
  );
  return (row as { id: number }).id;
}
