import { count } from 'drizzle-orm';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import { jobCtx, readClock } from './context.ts';
import type { Db } from './db/client.ts';
import { orgs } from './db/tables/orgs.ts';
import type { IdCipher } from './security/crypto.ts';
import { ensureAdmin, ensureRootOrg } from './seed/bootstrap.ts';
import { type DemoAccount, seedDemoCity } from './seed/demo-city.ts';
import type { TodoRegistry } from './todos/index.ts';

export type StartupReport = {
  readonly seededDemo: boolean;
  readonly demoAccounts: readonly DemoAccount[];
  readonly demoPassword?: string;
  readonly adminCreated: boolean;
  readonly generatedAdminPassword?: string;
};

/** Who the audit log names for what the server does by itself at start-up. */
export const STARTUP_ACTOR = 'system';

/**
 * Makes an empty database usable: the demo city when asked for (always on the embedded database), then
 * the root org and the first administrator. Does nothing to a database that already has data. One job: the
 * clock is read once (context.ts), its audit rows name `system`, and with the app's to-do producers (main.ts) its
 * writes settle their findings as a request's do.
 */
export async function prepareDeployment(
  db: Db,
  clock: Clock,
  config: Pick<Config, 'seedDemo' | 'demoPassword' | 'adminPassword' | 'rootOrgName'>,
  idCipher: IdCipher,
  todos?: TodoRegistry,
): Promise<StartupReport> {
  const ctx = { ...jobCtx(db, readClock(clock), STARTUP_ACTOR, todos), idCipher };
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(orgs);
  let demo: { accounts: DemoAccount[]; password: string } | undefined;
  if (n === 0 && config.seedDemo) {
    demo = await seedDemoCity(ctx, { password: config.demoPassword });
  }
  const root = await ensureRootOrg(ctx, config.rootOrgName);
  const admin = await ensureAdmin(ctx, root.id, config.adminPassword);
  return {
    seededDemo: demo !== undefined,
    demoAccounts: demo?.accounts ?? [],
    ...(demo ? { demoPassword: demo.password } : {}),
    adminCreated: admin.created,
    ...(admin.generatedPassword ? { generatedAdminPassword: admin.generatedPassword } : {}),
  };
}
