import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, seedTree, TEST_PASSWORD } from '../testing/fixtures.ts';
import {
  type HttpMethod,
  loginAs,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/test-app.ts';

/**
 * A guard over every route the API documents, present and future: closed unless marked public, and closed
 * to an actor with no scope. The per-module tests say what each route does; this one says no route forgot.
 */
let t: TestApp;
let member: TestClient;
let routes: { method: string; url: string }[];

const PUBLIC = new Set(['GET /api/health', 'POST /api/auth/login']);
/** What a logged-in user may always do about their own account. */
const SELF = new Set([
  'GET /api/auth/me',
  'POST /api/auth/logout',
  'POST /api/auth/password',
  'GET /api/auth/tokens',
  'POST /api/auth/tokens',
  // Their own second factor: status and enrolment (anyone may enrol; some roles must).
  'GET /api/auth/second-factor',
  'POST /api/auth/second-factor/enrolment',
]);

function concrete(path: string): string {
  return path.replace('{group}', 'security').replace(/\{[^}]+\}/g, (_m) => '1');
}

beforeAll(async () => {
  t = await startTestApp();
  const tree = await seedTree(t.deps.db);
  await createUser(t.deps.db, { username: 'plain', orgId: tree.branchB1.id, roles: [{ role: 'member' }] });
  member = await loginAs(t, 'plain', TEST_PASSWORD);
  const doc = (await t.anon.get('/api/openapi.json')).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => ({ method: method.toUpperCase(), url: concrete(path) })),
  );
});
afterAll(() => t.close());

const send = (client: TestClient, method: string, url: string) =>
  client.send(method as HttpMethod, url, ['POST', 'PUT', 'PATCH'].includes(method) ? {} : undefined);

describe('every documented route', () => {
  it('documents the API it serves', () => {
    expect(routes.length).toBeGreaterThan(30);
  });

  it('answers 401 to an anonymous caller unless it is public', async () => {
    for (const { method, url } of routes) {
      if (PUBLIC.has(`${method} ${url}`)) continue;
      const res = await send(t.anon, method, url);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(401);
    }
  });

  it('answers 403 or 404 to a member, who has no scope over anything but themselves', async () => {
    for (const { method, url } of routes) {
      if (PUBLIC.has(`${method} ${url}`) || SELF.has(`${method} ${url}`)) continue;
      const res = await send(member, method, url);
      // A malformed body may be refused first (400); it must never reach the data.
      expect([400, 403, 404], `${method} ${url}: ${res.statusCode} ${res.body}`).toContain(res.statusCode);
    }
  });
});
