import type { FastifyInstance } from 'fastify';
import { readClock } from '../context.ts';
import type { Deps } from '../deps.ts';
import { keepFindingsCurrent } from './keep.ts';

/** How often the app looks whether the day has turned (one cheap query when it has not). */
const CHECK_EVERY_MS = 5 * 60_000;

/**
 * The daily pass of the findings table, ahead of the reads: when the app is ready (started, or its first request in
 * a test) and then every few minutes, the table is brought to today (keep.ts). The reads check again themselves,
 * so that none shows a stale day; this spares the first read of a day the recomputation.
 */
export function registerFindingsUpkeep(app: FastifyInstance, deps: Deps): void {
  const registry = deps.todos;
  if (!registry) return;
  let timer: NodeJS.Timeout | undefined;
  const pass = () => keepFindingsCurrent({ db: deps.db, today: readClock(deps.clock).today }, registry);
  app.addHook('onReady', async () => {
    await pass();
    timer = setInterval(() => {
      pass().catch((err) => deps.log.error({ err }, '待办：按日更新合规提醒失败'));
    }, CHECK_EVERY_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
