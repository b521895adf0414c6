import { Secret } from 'otpauth';
import { TEST_PASSWORD } from '../../testing/fixtures.ts';
import { clientFor, type TestApp, type TestClient, type TestResponse } from '../../testing/test-app.ts';
import { totpCode } from './totp.ts';

/** Helpers of the second-factor tests: a login left at its pending step, and an authenticator app. */

export const STEP_MS = 30_000;

export const sessionCookie = (res: TestResponse) => {
  const cookie = res.cookies.find((c) => c.name === 'jiceng_session');
  if (!cookie) throw new Error(`no session cookie: ${res.statusCode} ${res.body}`);
  return cookie.value;
};

export const withCookie = (t: TestApp, cookie: string) =>
  clientFor(t.app, { cookie: `jiceng_session=${cookie}` });

/** Logs in with the password only, and answers the client of the (possibly pending) session and the answer. */
export async function passwordStep(
  t: TestApp,
  username: string,
  password = TEST_PASSWORD,
): Promise<{ res: TestResponse; client: TestClient }> {
  const res = await t.anon.post('/api/auth/login', { username, password });
  if (res.statusCode !== 200) throw new Error(`login of ${username}: ${res.statusCode} ${res.body}`);
  return { res, client: withCookie(t, sessionCookie(res)) };
}

/** The authenticator app: the key from the enrolment's base32 text, and the code it shows at an instant. */
export const appKey = (base32: string) => Secret.fromBase32(base32).bytes;
export const codeAt = (key: Uint8Array, at: Date) => totpCode(key, at);
export const shifted = (t: TestApp, ms: number) => new Date(t.clock.now().getTime() + ms);

/** Enrols through the API as the user would: a new key, then a code from the app. */
export async function enrol(t: TestApp, client: TestClient) {
  const started = await client.post('/api/auth/second-factor/enrolment');
  if (started.statusCode !== 200) throw new Error(`enrolment: ${started.statusCode} ${started.body}`);
  const key = appKey(started.json().secret);
  const confirmed = await client.post('/api/auth/second-factor/enrolment/confirm', {
    code: codeAt(key, t.clock.now()),
  });
  if (confirmed.statusCode !== 200) throw new Error(`confirm: ${confirmed.statusCode} ${confirmed.body}`);
  return { key, recoveryCodes: confirmed.json().recoveryCodes as string[] };
}
