import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { buildApp } from '../app.ts';
import { type ManualClock, manualClock } from '../clock.ts';
import type { Database } from '../db/client.ts';
import type { Deps } from '../deps.ts';
import type { App } from '../http/app-types.ts';
import { MODULES } from '../modules/index.ts';
import { type Module, todoRegistryOf } from '../modules/module.ts';
import type { PaymentProvider } from '../payments/index.ts';
import { createIdCipher } from '../security/crypto.ts';
import { completeSecondFactor, type SecondFactorHarness } from './second-factor.ts';
import { freshDatabase } from './test-db.ts';

/** 2026-06-15 09:00 in Beijing: a fixed "now" so that terms and deadlines in tests never drift. */
export const TEST_NOW = new Date('2026-06-15T01:00:00Z');

export type TestApp = {
  readonly app: App;
  readonly deps: Deps;
  readonly database: Database;
  readonly clock: ManualClock;
  /** An anonymous client. */
  readonly anon: TestClient;
  close(): Promise<void>;
};

// biome-ignore lint/suspicious/noExplicitAny: tests read JSON bodies loosely and assert on them
export type TestResponse = LightMyRequestResponse & { body: string; json<T = any>(): T };

export type TestClient = {
  get(url: string): Promise<TestResponse>;
  post(url: string, body?: unknown): Promise<TestResponse>;
  put(url: string, body?: unknown): Promise<TestResponse>;
  patch(url: string, body?: unknown): Promise<TestResponse>;
  delete(url: string): Promise<TestResponse>;
  /** Any method, for tests that walk every route. */
  send(method: HttpMethod, url: string, body?: unknown): Promise<TestResponse>;
  /** The raw headers this client sends (its session cookie or bearer token). */
  readonly headers: Record<string, string>;
};

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export function clientFor(app: App, headers: Record<string, string> = {}): TestClient {
  const send = (method: HttpMethod, url: string, body?: unknown) =>
    app.inject({
      method,
      url,
      headers: { 'user-agent': 'vitest', ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    }) as Promise<TestResponse>;
  return {
    get: (url) => send('GET', url),
    post: (url, body) => send('POST', url, body),
    put: (url, body) => send('PUT', url, body),
    patch: (url, body) => send('PATCH', url, body),
    delete: (url) => send('DELETE', url),
    send,
    headers,
  };
}

/** A real app on a fresh real database, with a clock the test controls. */
export async function startTestApp(
  options: {
    now?: Date;
    /** A clock of the test's own (one that counts or moves on every reading); `now` is then ignored. */
    clock?: ManualClock;
    loginRateLimitPerMinute?: number;
    secureCookie?: boolean;
    trustProxy?: string[];
    /** The modules the app serves (all of modules/index.ts by default). */
    modules?: readonly Module[];
    /** The payment provider dues paid by method `external` are verified with (none by default). */
    payments?: PaymentProvider;
  } = {},
): Promise<TestApp> {
  const database = await freshDatabase();
  const modules = options.modules ?? MODULES;
  const clock = options.clock ?? manualClock(options.now ?? TEST_NOW);
  const deps: Deps = {
    db: database.db,
    database,
    clock,
    log: pino({ level: 'silent' }),
    secureCookie: options.secureCookie ?? false,
    loginRateLimitPerMinute: options.loginRateLimitPerMinute ?? 10_000,
    idCipher: createIdCipher(randomBytes(32)),
    // As buildApp would make it, and also in the contexts a test builds from `deps` (ctx.ts).
    todos: todoRegistryOf(modules),
    ...(options.payments ? { payments: options.payments } : {}),
  };
  const app = await buildApp(deps, { serveWeb: false, trustProxy: options.trustProxy ?? false, modules });
  return {
    app,
    deps,
    database,
    clock,
    anon: clientFor(app),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/**
 * Logs in through the API and returns a client that carries the session cookie. An account with a second factor
 * gives its code, and one that must have a second factor enrols one (second-factor.ts: for that, pass the whole
 * TestApp, or `{ app, deps, clock }`); a pending password change is left to the test.
 */
export async function loginAs(
  t: SecondFactorHarness,
  username: string,
  password: string,
): Promise<TestClient> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = await completeSecondFactor(t, username, res);
  return clientFor(t.app, { cookie: `jiceng_session=${cookie}` });
}
