import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../testing/test-db.ts';
import { type Database, queryRows } from './client.ts';
import { QUEUE_TABLES, vacuumQueues } from './housekeeping.ts';

/**
 * The queues get their space back (docs/embedded-database.md §8): on PGlite, which has no autovacuum, a queue that
 * held many rows and was emptied is truncated by the vacuum; on PostgreSQL the call does nothing (autovacuum's job).
 */
let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

async function bytes(table: string): Promise<number> {
  const [row] = await queryRows<{ n: string }>(
    database.db,
    sql`select pg_relation_size(${table}::regclass) as n`,
  );
  return Number(row?.n);
}

describe('vacuumQueues', () => {
  it('names tables that exist', async () => {
    for (const table of QUEUE_TABLES) expect(await bytes(table)).toBeGreaterThanOrEqual(0);
  });

  it.skipIf(!!process.env.DATABASE_URL)('gives an emptied queue its space back on PGlite', async () => {
    for (let i = 0; i < 20; i++)
      await database.db.execute(
        sql`insert into findings_dirty (org_id, input) select g, 'org' from generate_series(1, 500) g`,
      );
    await database.db.execute(sql`delete from findings_dirty`);
    expect(await bytes('findings_dirty')).toBeGreaterThan(100_000);
    await vacuumQueues(database);
    expect(await bytes('findings_dirty')).toBe(0);
  });

  it.runIf(!!process.env.DATABASE_URL)('leaves PostgreSQL to its autovacuum', async () => {
    await expect(vacuumQueues(database)).resolves.toBeUndefined();
  });
});
