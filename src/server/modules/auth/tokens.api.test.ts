import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../../testing/audit-rows.ts';
import { createUser, seedTree, TEST_PASSWORD } from '../../testing/fixtures.ts';
import { clientFor, loginAs, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

let t: TestApp;
let zhou: TestClient;
let other: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  const tree = await seedTree(t.deps.db);
  await createUser(t.deps.db, {
    username: 'zhou',
    orgId: tree.communityA1.id,
    roles: [{ role: 'secretary' }],
  });
  await createUser(t.deps.db, {
    username: 'qian',
    orgId: tree.communityB1.id,
    roles: [{ role: 'secretary' }],
  });
  zhou = await loginAs(t, 'zhou', TEST_PASSWORD);
  other = await loginAs(t, 'qian', TEST_PASSWORD);
});
afterAll(() => t.close());

describe('personal API tokens', () => {
  it('answers 401 without a session on every token route', async () => {
    expect((await t.anon.get('/api/auth/tokens')).statusCode).toBe(401);
    expect((await t.anon.post('/api/auth/tokens', { name: 'x' })).statusCode).toBe(401);
    expect((await t.anon.delete('/api/auth/tokens/1')).statusCode).toBe(401);
  });

  it('answers 400 with field paths for a malformed body', async () => {
    const res = await zhou.post('/api/auth/tokens', { name: '', expiresOn: '2026-02-30' });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.issues.map((i: { path: string[] }) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.expiresOn']));
  });

  it('shows the secret once, stores only its hash, and works as a bearer token', async () => {
    const created = await zhou.post('/api/auth/tokens', { name: '统计脚本' });
    expect(created.statusCode).toBe(200);
    const { token, id } = created.json();
    expect(token).toMatch(/^jct_/);
    const listed = await zhou.get('/api/auth/tokens');
    expect(JSON.stringify(listed.json())).not.toContain(token);
    const [audit] = await auditRows(t.deps.db, 'api_token.create');
    expect(JSON.stringify(audit)).not.toContain(token.slice(12));

    const bearer = clientFor(t.app, { authorization: `Bearer ${token}` });
    expect((await bearer.get('/api/auth/me')).json()).toMatchObject({ username: 'zhou', via: 'token' });

    expect((await zhou.delete(`/api/auth/tokens/${id}`)).statusCode).toBe(200);
    expect((await bearer.get('/api/auth/me')).statusCode).toBe(401);
    expect((await auditRows(t.deps.db, 'api_token.revoke')).length).toBe(1);
  });

  it('answers 404 for another user’s token', async () => {
    const { id } = (await zhou.post('/api/auth/tokens', { name: '另一个' })).json();
    expect((await other.delete(`/api/auth/tokens/${id}`)).statusCode).toBe(404);
  });

  it('stops working after its expiry date', async () => {
    const { token } = (await zhou.post('/api/auth/tokens', { name: '临时', expiresOn: '2026-06-20' })).json();
    const bearer = clientFor(t.app, { authorization: `Bearer ${token}` });
    expect((await bearer.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.set(new Date('2026-06-21T02:00:00Z'));
    expect((await bearer.get('/api/auth/me')).statusCode).toBe(401);
  });
});
