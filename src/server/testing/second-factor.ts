import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { Secret } from 'otpauth';
import type { Clock } from '../clock.ts';
import { users } from '../db/tables/users.ts';
import type { Deps } from '../deps.ts';
import type { App } from '../http/app-types.ts';
import { totpCode, totpSecretOf } from '../modules/auth/index.ts';

/** What the helper needs to act as the person holding the authenticator app: the app, its data and its clock. */
export type SecondFactorHarness = { readonly app: App; readonly deps?: Deps; readonly clock?: Clock };

const cookieOf = (res: LightMyRequestResponse) => {
  const cookie = res.cookies.find((c) => c.name === 'jiceng_session');
  if (!cookie) throw new Error('no session cookie');
  return cookie.value;
};

async function post(t: SecondFactorHarness, cookie: string, url: string, payload?: object) {
  const res = await t.app.inject({
    method: 'POST',
    url,
    cookies: { jiceng_session: cookie },
    ...(payload ? { payload } : {}),
  });
  if (res.statusCode !== 200) throw new Error(`${url} → ${res.statusCode} ${res.body}`);
  return res;
}

/** Key of an enrolled account, read the way the server reads it; its last used step is forgotten. */
async function enrolledKey(deps: Deps, username: string): Promise<Buffer> {
  const [user] = await deps.db.select().from(users).where(eq(users.username, username));
  const secret = user ? totpSecretOf(deps.idCipher, user) : null;
  if (!secret) throw new Error(`${username} has no second factor`);
  // The manual clock stands still, so every login of a test falls into one TOTP step; a person would wait
  // for the next code. Forgetting the last step plays that wait without moving the test's clock.
  await deps.db.update(users).set({ totpLastStep: null }).where(eq(users.username, username));
  return secret;
}

/**
 * Completes what a login answered as still pending about the second factor, through the real API: the code of
 * an enrolled account (a new session cookie), or the enrolment of an account that must have one. A pending
 * password change is left to the test. Answers the session cookie to use.
 */
export async function completeSecondFactor(
  t: SecondFactorHarness,
  username: string,
  login: LightMyRequestResponse,
): Promise<string> {
  const cookie = cookieOf(login);
  const step = (login.json() as { pendingStep: string | null }).pendingStep;
  if (step !== 'second_factor' && step !== 'second_factor_enrolment') return cookie;
  const { deps, clock } = t;
  if (!deps || !clock) {
    throw new Error(`loginAs(${username}): the account needs a second factor; pass { app, deps, clock }`);
  }
  if (step === 'second_factor_enrolment') {
    const { secret } = (await post(t, cookie, '/api/auth/second-factor/enrolment')).json();
    const code = totpCode(Secret.fromBase32(secret).bytes, clock.now());
    await post(t, cookie, '/api/auth/second-factor/enrolment/confirm', { code });
    return cookie;
  }
  const code = totpCode(await enrolledKey(deps, username), clock.now());
  const done = await post(t, cookie, '/api/auth/login/second-factor', { code });
  return cookieOf(done);
}
