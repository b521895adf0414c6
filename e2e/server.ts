import pino from 'pino';
import { inject } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import type { Deps } from '../src/server/deps.ts';
import type { StartupReport } from '../src/server/startup.ts';
import { freshDatabase } from '../src/server/testing/test-db.ts';
import type { DemoCity } from './demo-city-setup.ts';
import { prepareTestDeployment, testClock, testIdCipher } from './deployment.ts';

/**
 * The real product on a fresh database, listening on a random local port, as a browser sees it. With the demo
 * city, the database is a copy of the one seeded once for the run (demo-city-setup.ts); without, the server
 * prepares an empty database as on a first start (the root org and its administrator).
 */
export async function startServer(options: { seedDemo?: boolean } = {}) {
  const { database, report } = options.seedDemo ? await demoCityCopy() : await firstStart();
  const deps: Deps = {
    db: database.db,
    database,
    clock: testClock(),
    // A failing request logs its error next to the test that failed (CI keeps nothing else).
    log: pino({ level: 'error' }),
    secureCookie: false,
    loginRateLimitPerMinute: 1000,
    idCipher: testIdCipher(),
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

async function demoCityCopy() {
  const demoCity = JSON.parse(inject('demoCity')) as DemoCity;
  return { database: await freshDatabase(demoCity.template), report: demoCity.report };
}

async function firstStart() {
  const database = await freshDatabase();
  const report: StartupReport = await prepareTestDeployment(database.db, false);
  return { database, report };
}
