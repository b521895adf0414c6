import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { buildApp } from '../src/server/app.ts';
import { systemClock } from '../src/server/clock.ts';
import type { Deps } from '../src/server/deps.ts';
import { createIdCipher } from '../src/server/security/crypto.ts';
import { prepareDeployment, type StartupReport } from '../src/server/startup.ts';
import { freshDatabase } from '../src/server/testing/test-db.ts';

/** The real product on a fresh database, listening on a random local port, as a browser sees it. */
export async function startServer(options: { seedDemo?: boolean } = {}) {
  const database = await freshDatabase();
  const clock = systemClock('Asia/Shanghai');
  const idCipher = createIdCipher(randomBytes(32));
  const report: StartupReport = await prepareDeployment(
    database.db,
    clock,
    {
      seedDemo: options.seedDemo ?? false,
      demoPassword: undefined,
      adminPassword: undefined,
      rootOrgName: '测试市委',
    },
    idCipher,
  );
  const deps: Deps = {
    db: database.db,
    database,
    clock,
    // A failing request logs its error next to the test that failed (CI keeps nothing else).
    log: pino({ level: 'error' }),
    secureCookie: false,
    loginRateLimitPerMinute: 1000,
    idCipher,
  };
  const app = await buildApp(deps, { serveWeb: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    report,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
