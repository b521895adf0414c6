import path from 'node:path';
import { buildApp } from './app.ts';
import { systemClock } from './clock.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import type { Deps } from './deps.ts';
import { createLogger } from './logging.ts';
import { ensureIdKeyFingerprint } from './modules/settings/settings.service.ts';
import { createIdCipher, keyFingerprint, loadSecretKey } from './security/crypto.ts';
import { prepareDeployment } from './startup.ts';
import { printStartupBanner } from './startup-banner.ts';

/** config → database → migrations → first-start data → listen. */
async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const database = await openDatabase(
    config.databaseUrl
      ? {
          kind: 'postgres',
          url: config.databaseUrl,
          onIdleError: (err) =>
            log.warn({ err }, 'PostgreSQL closed an idle connection; the pool reconnects'),
        }
      : { kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') },
  );
  await migrate(database);
  const secret = loadSecretKey({ env: config.secretKey, dataDir: config.dataDir });
  if (secret.created)
    log.info({ path: secret.path }, 'created the ID-number key file (mode 0600): back it up');
  await ensureIdKeyFingerprint(database.db, keyFingerprint(secret.key));
  const clock = systemClock(config.timeZone);
  const idCipher = createIdCipher(secret.key);
  // The demo roster's ID numbers are encrypted with the deployment's own key.
  const report = await prepareDeployment(database.db, clock, config, idCipher);
  const deps: Deps = {
    db: database.db,
    database,
    clock,
    log,
    secureCookie: config.secureCookie,
    loginRateLimitPerMinute: config.loginRateLimitPerMinute,
    idCipher,
  };
  const app = await buildApp(deps, { logger: log });
  await app.listen({ port: config.port, host: config.host });
  printStartupBanner(config, database.kind, report, performance.now() - started);

  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    await app.close();
    // PGlite runs without fsync: close it cleanly so that the data folder is consistent.
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  console.error('启动失败 / failed to start:', error);
  process.exit(1);
});
