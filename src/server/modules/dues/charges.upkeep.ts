import { monthOf } from '../../../domain/dues/index.ts';
import { readClock } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import type { App } from '../../http/app-types.ts';
import { refreshCharges } from './charges.service.ts';

/** How often the app looks whether a new month has begun (one cheap query when it has not). */
const CHECK_EVERY_MS = 5 * 60_000;

/**
 * The monthly pass (docs/dues.md §8), beside the app like the findings' daily one (todos/upkeep.ts): when the app is
 * ready and every few minutes after, the charges are brought up to date — the marks taken and, once a month, the new
 * month generated for every member. The reads refresh themselves too, so that none shows a month not generated;
 * this spares the first read of a month the pass. Closing the app waits for a pass under way.
 */
export function registerDuesChargesUpkeep(app: App, deps: Deps): void {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const pass = () => {
    if (running) return;
    const { today } = readClock(deps.clock);
    running = refreshCharges(deps.db, today)
      .catch((err) => deps.log.error({ err, month: monthOf(today) }, '党费：生成月度应缴失败'))
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
