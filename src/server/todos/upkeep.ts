import type { FastifyInstance } from 'fastify';
import { readClock } from '../context.ts';
import { refreshStatistics } from '../db/statistics.ts';
import type { Deps } from '../deps.ts';
import { keepFindingsCurrent } from './keep.ts';

/** How often the app looks whether the day has turned (one cheap query when it has not). */
const CHECK_EVERY_MS = 5 * 60_000;

/**
 * The daily pass of the findings table, ahead of the reads: when the app is ready (started, or its first request in
 * a test) and then every few minutes, the table is brought to today (keep.ts). The reads check again themselves,
 * so that none shows a stale day; this spares the first read of a day the recomputation.
 *
 * The pass runs beside the app, never in front of it: re-judging every branch of a city after the day turned takes
 * tens of seconds (organizational life's producers at 1M members: ~32 s on PostgreSQL), longer than Fastify waits
 * for `onReady`, and a read arriving meanwhile waits for the same refresh (keep.ts) instead of showing a stale day.
 * Closing the app waits for a pass under way, so that it never outlives the database.
 *
 * On PGlite each pass first analyzes the tables whose planner statistics are stale (db/statistics.ts: PGlite has no
 * autovacuum), so that the daily pass, and the reads after it, are not planned from what a table held before a bulk
 * fill (two small queries when none is stale). On PostgreSQL autovacuum does it.
 */
export function registerFindingsUpkeep(app: FastifyInstance, deps: Deps): void {
  const registry = deps.todos;
  if (!registry) return;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const pass = () => {
    if (running) return;
    running = refreshStatistics(deps.database)
      .then(() => keepFindingsCurrent({ db: deps.db, today: readClock(deps.clock).today }, registry))
      .catch((err) => deps.log.error({ err }, '待办：按日更新失败'))
      .finally(() => {
        running = undefined;
      });
  };
  app.addHook('onReady', async () => {
    pass();
    timer = setInterval(pass, CHECK_EVERY_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
}
