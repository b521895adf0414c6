import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from './client.ts';

/**
 * The embedded database leaves the event loop a turn between queries. Before, a backlog of queries ran as one
 * uninterrupted task: a timer, a new connection, the next chunk of an upload waited until the backlog was gone.
 * The check is about order, not time: a timer set while 2,000 queries are queued must fire before the last one.
 */
let pglite: PGlite;
beforeAll(async () => {
  pglite = await openPglite();
  await pglite.exec('create table probe (i int); insert into probe select generate_series(1, 2000)');
});
afterAll(() => pglite.close());

describe('the embedded database under a backlog of queries', () => {
  it('lets a timer run before the backlog is done', async () => {
    const loops = 50;
    const perLoop = 40;
    let done = 0;
    const backlog = Array.from({ length: loops }, async () => {
      for (let i = 0; i < perLoop; i++) {
        await pglite.query('select count(*) from probe where i % 7 = $1', [i % 7]);
        done++;
      }
    });
    const doneWhenTimerRan = await new Promise<number>((resolve) => setTimeout(() => resolve(done), 0));
    await Promise.all(backlog);
    expect(done).toBe(loops * perLoop);
    expect(doneWhenTimerRan).toBeLessThan((loops * perLoop) / 10);
  });

  it('still runs a transaction’s statements in its own turn', async () => {
    const inside = await pglite.transaction(async (tx) => {
      await tx.query('insert into probe values (-1)');
      return (await tx.query<{ n: number }>('select count(*)::int as n from probe where i = -1')).rows[0]?.n;
    });
    expect(inside).toBe(1);
  });
});
