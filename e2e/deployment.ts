import { type Clock, systemClock } from '../src/server/clock.ts';
import type { Db } from '../src/server/db/client.ts';
import { createIdCipher } from '../src/server/security/crypto.ts';
import { prepareDeployment, type StartupReport } from '../src/server/startup.ts';

/** The browser tests' server counts days in Beijing, on today's date. */
export const testClock = (): Clock => systemClock('Asia/Shanghai');

/**
 * The master key of the browser tests' ID numbers: a constant, so that the demo city seeded once per run
 * (demo-city-setup.ts) can be read by every server started from a copy of it. A test value, never a real secret.
 */
export const testIdCipher = () => createIdCipher(new Uint8Array(32).fill(0x2a));

/**
 * What the server does to an empty database on its first start (main.ts), without the to-do producers: the
 * app's upkeep pass fills the findings once it starts.
 */
export function prepareTestDeployment(db: Db, seedDemo: boolean): Promise<StartupReport> {
  return prepareDeployment(
    db,
    testClock(),
    { seedDemo, demoPassword: undefined, adminPassword: undefined, rootOrgName: '测试市委' },
    testIdCipher(),
  );
}
