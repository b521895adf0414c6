/**
 * A child process for logging.process.test.ts: logs through the server's logger until told to stop, then writes a
 * burst of lines and exits at once — as the server does when it stops — with whatever pipe it was given.
 */
import { createLogger } from '../logging.ts';

const log = createLogger('info');
process.on('SIGTERM', () => {
  for (let i = 0; i < 200; i++) log.warn({ i }, '正在停止服务'.repeat(40));
  process.exit(0);
});
setInterval(() => {}, 1000);
// Last: the parent signals as soon as it reads this line.
log.info('ready');
