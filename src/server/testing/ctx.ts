import { eq } from 'drizzle-orm';
import { type AnonCtx, actorCtx, anonCtx, type Ctx, readClock } from '../context.ts';
import { users } from '../db/tables/users.ts';
import { principalOf } from '../modules/auth/index.ts';
import type { TestApp } from './test-app.ts';

/** The caller of a context built by a test: no network address, the test runner as its user agent. */
const TEST_CALLER = { ip: null, userAgent: 'vitest' };

/**
 * A context without an actor on the test app's database, at the test clock's moment (fixed until the test moves
 * the clock): for calling a job or a writer directly. Its audit rows name `actorUsername` and no account.
 */
export function testJobCtx(t: Pick<TestApp, 'deps' | 'clock'>, actorUsername = 'test'): AnonCtx {
  const ctx = anonCtx(t.deps, readClock(t.clock), TEST_CALLER);
  return { ...ctx, audit: { ...ctx.audit, actorUsername } };
}

/**
 * The context of a request by `username` at the test clock's moment, with the principal the authentication hook
 * would resolve for a complete session (roles as of that day): for calling a service directly.
 */
export async function testCtxAs(t: Pick<TestApp, 'deps' | 'clock'>, username: string): Promise<Ctx> {
  const anon = anonCtx(t.deps, readClock(t.clock), TEST_CALLER);
  const [user] = await t.deps.db.select().from(users).where(eq(users.username, username));
  if (!user) throw new Error(`testCtxAs: no user ${username}`);
  return actorCtx(anon, await principalOf(anon, user, 'session'));
}
