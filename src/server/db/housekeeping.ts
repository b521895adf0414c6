import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from './client.ts';

/**
 * The queues of the database: tables that every write appends to and a later statement empties — the findings'
 * marks (findings_dirty) and the rollup's change log (org_stats_changes). PostgreSQL's autovacuum reclaims their
 * dead rows; PGlite has no autovacuum, so without this they only grow, and every statement that reads or empties
 * one scans all the rows it ever held (19 MB of dead marks made a member write's refresh several times slower at
 * 300,000 members: PERFORMANCE.md, "The to-do list at city scale"; docs/embedded-database.md §8).
 */
export const QUEUE_TABLES = [
  'findings_dirty',
  'org_stats_changes',
  'org_life_dirty',
  'dues_charge_marks',
  'dues_rollup_marks',
] as const;

const EVERY_MS = 5 * 60_000;

/** Reclaims the queues' dead rows (PGlite only; a no-op on PostgreSQL, whose autovacuum does it). */
export async function vacuumQueues(database: Pick<Database, 'db' | 'kind'>): Promise<void> {
  if (database.kind !== 'pglite') return;
  await database.db.execute(sql.raw(`vacuum ${QUEUE_TABLES.join(', ')}`));
}

/** When the app is ready and every five minutes after, on PGlite: the queues vacuumed. */
export function registerHousekeeping(
  app: FastifyInstance,
  deps: {
    readonly database: Pick<Database, 'db' | 'kind'>;
    readonly log: { error(o: object, m: string): void };
  },
): void {
  if (deps.database.kind !== 'pglite') return;
  let timer: NodeJS.Timeout | undefined;
  const pass = () => vacuumQueues(deps.database);
  app.addHook('onReady', async () => {
    await pass();
    timer = setInterval(() => {
      pass().catch((err) => deps.log.error({ err }, '数据库维护：清理队列表失败'));
    }, EVERY_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
