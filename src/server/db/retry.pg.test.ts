import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../testing/test-db.ts';
import type { Database } from './client.ts';
import { isRetryable, transactionWithRetry } from './retry.ts';

const url = process.env.DATABASE_URL;

/**
 * A deadlock made on purpose with two connections: each transaction locks one row, then waits for the other's.
 * PostgreSQL rolls one back with 40P01; transactionWithRetry runs it again and both finish.
 */
describe.skipIf(!url)('transactionWithRetry on PostgreSQL', () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase();
    await database.db.execute(sql`create table retry_probe (id int primary key, n int not null)`);
    await database.db.execute(sql`insert into retry_probe values (1, 0), (2, 0)`);
  });
  afterAll(() => database.close());

  it('runs the deadlock victim again instead of failing', async () => {
    let attempts = 0;
    const barrier = (() => {
      let arrived = 0;
      let release: () => void = () => {};
      const all = new Promise<void>((r) => {
        release = r;
      });
      return async () => {
        arrived += 1;
        if (arrived === 2) release();
        await Promise.race([all, new Promise((r) => setTimeout(r, 2_000))]);
      };
    })();
    const crossing = (first: number, second: number) =>
      transactionWithRetry(database.db, async (tx) => {
        attempts += 1;
        await tx.execute(sql`update retry_probe set n = n + 1 where id = ${first}`);
        await barrier();
        await tx.execute(sql`update retry_probe set n = n + 1 where id = ${second}`);
      });
    await Promise.all([crossing(1, 2), crossing(2, 1)]);
    expect(attempts).toBe(3);
    const rows = (await database.db.execute(sql`select n from retry_probe order by id`)) as unknown as {
      rows: { n: number }[];
    };
    expect(rows.rows.map((r) => r.n)).toEqual([2, 2]);
  });

  it('does not retry other errors', async () => {
    let attempts = 0;
    await expect(
      transactionWithRetry(database.db, async (tx) => {
        attempts += 1;
        await tx.execute(sql`select 1/0`);
      }),
    ).rejects.toThrow();
    expect(attempts).toBe(1);
  });

  it('recognises a deadlock through the error’s causes', () => {
    expect(isRetryable({ cause: { code: '40P01' } })).toBe(true);
    expect(isRetryable({ code: '40001' })).toBe(true);
    expect(isRetryable({ code: '23505' })).toBe(false);
  });
});
