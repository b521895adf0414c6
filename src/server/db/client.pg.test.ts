import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from './client.ts';

const url = process.env.DATABASE_URL;

/** The server may close an idle connection at any time (a restart, an administrator, a network device). */
describe.skipIf(!url)('the PostgreSQL pool', () => {
  it('survives a closed idle connection: reported, and the next query opens a new one', async () => {
    const reported: Error[] = [];
    const database = await openDatabase({
      kind: 'postgres',
      url: url as string,
      poolSize: 1,
      onIdleError: (error) => reported.push(error),
    });
    try {
      const [first] = await queryRows<{ pid: number }>(database.db, sql`select pg_backend_pid() as pid`);
      const other = await openDatabase({ kind: 'postgres', url: url as string, poolSize: 1 });
      await queryRows(other.db, sql`select pg_terminate_backend(${first?.pid})`);
      await other.close();
      await expect.poll(() => reported.length, { timeout: 5_000 }).toBe(1);
      expect((reported[0] as Error & { code?: string }).code).toBe('57P01');
      const [next] = await queryRows<{ pid: number }>(database.db, sql`select pg_backend_pid() as pid`);
      expect(next?.pid).not.toBe(first?.pid);
    } finally {
      await database.close();
    }
  });
});
