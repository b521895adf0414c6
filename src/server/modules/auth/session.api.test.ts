import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, seedTree, TEST_PASSWORD } from '../../testing/fixtures.ts';
import { loginAs, startTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
const MINUTE = 60_000;

beforeAll(async () => {
  t = await startTestApp();
  const tree = await seedTree(t.deps.db);
  await createUser(t.deps.db, {
    username: 'chen',
    orgId: tree.communityA1.id,
    roles: [{ role: 'secretary' }],
  });
  await createUser(t.deps.db, { username: 'sec', orgId: tree.root.id, roles: [{ role: 'security_admin' }] });
});
afterAll(() => t.close());

describe('idle timeout (injected clock)', () => {
  it('keeps a session alive while it is used', async () => {
    const c = await loginAs(t, 'chen', TEST_PASSWORD);
    for (let i = 0; i < 4; i++) {
      t.clock.advance(20 * MINUTE);
      expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    }
  });

  it('ends a session idle for more than 30 minutes', async () => {
    const c = await loginAs(t, 'chen', TEST_PASSWORD);
    t.clock.advance(30 * MINUTE);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advance(31 * MINUTE);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('follows the idle timeout the security administrator sets', async () => {
    const admin = await loginAs(t, 'sec', TEST_PASSWORD);
    const current = (await admin.get('/api/settings/security')).json();
    const res = await admin.put('/api/settings/security', {
      value: { sessionIdleMinutes: 10 },
      version: current.version,
    });
    expect(res.statusCode).toBe(200);
    const c = await loginAs(t, 'chen', TEST_PASSWORD);
    t.clock.advance(11 * MINUTE);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });
});
