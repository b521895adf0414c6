import { buildApp } from './app.ts';
import { startControlSocket } from './backup/control-socket.ts';
import { systemClock } from './clock.ts';
import { loadConfig } from './config.ts';
import { jobCtx, readClock } from './context.ts';
import { openConfiguredDatabase } from './database-setup.ts';
import type { Deps } from './deps.ts';
import { createLogger } from './logging.ts';
import { MODULES } from './modules/index.ts';
import { cleanUpImports } from './modules/member-excel/index.ts';
import { todoRegistryOf } from './modules/module.ts';
import { ensureIdKeyFingerprint } from './modules/settings/index.ts';
import { createIdCipher, keyFingerprint, loadSecretKey } from './security/crypto.ts';
import { installShutdown } from './shutdown.ts';
import { prepareDeployment, STARTUP_ACTOR } from './startup.ts';
import { printStartupBanner } from './startup-banner.ts';

/** config → private data folder → database (migrated) → key → first-start data → listen. */
async function main(): Promise<void> {
  const started = performance.now();
  // Everything the server writes (the embedded database, the key, upload temp files) is for its own user only.
  process.umask(0o077);
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const { database, close, appRoleSeparated } = await openConfiguredDatabase(config, {
    purpose: '基层服务 npm start',
    onIdleError: (err) => log.warn({ err }, 'PostgreSQL 关闭了一个空闲连接，连接池将重新连接'),
  });
  const secret = loadSecretKey({ env: config.secretKey, dataDir: config.dataDir });
  await ensureIdKeyFingerprint(database.db, keyFingerprint(secret.key));
  const clock = systemClock(config.timeZone);
  const idCipher = createIdCipher(secret.key);
  // The modules' to-do producers: the requests' contexts and the jobs' carry them into their transactions.
  const todos = todoRegistryOf(MODULES);
  // The demo roster's ID numbers are encrypted with the deployment's own key.
  const report = await prepareDeployment(database.db, clock, config, idCipher, todos);
  const deps: Deps = {
    db: database.db,
    database,
    clock,
    log,
    secureCookie: config.secureCookie,
    loginRateLimitPerMinute: config.loginRateLimitPerMinute,
    idCipher,
    todos,
  };
  // Error workbooks past their time and upload folders left by a crash hold ID numbers: gone before serving.
  await cleanUpImports(jobCtx(database.db, readClock(clock), STARTUP_ACTOR, todos), deps.uploadTempDir);
  const app = await buildApp(deps, { logger: log, trustProxy: config.trustProxy });
  // `npm run backup` asks the running server for a consistent snapshot through a socket in the private data folder.
  const control = await startControlSocket({
    database,
    dataDir: config.dataDir,
    log,
    clock,
    timeZone: config.timeZone,
  });
  installShutdown({
    log,
    seconds: config.shutdownSeconds,
    steps: [() => control.close(), () => app.close(), close],
  });
  await app.listen({ port: config.port, host: config.host });
  printStartupBanner(config, database.kind, report, performance.now() - started, {
    keyFileCreated: secret.created ? secret.path : undefined,
    appRoleSeparated,
  });
}

main().catch((error) => {
  console.error(`启动失败：${error instanceof Error ? error.message : String(error)}`);
  if (process.env.LOG_LEVEL === 'debug' && error instanceof Error) console.error(error.stack);
  process.exit(1);
});
