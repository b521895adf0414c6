import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, seedTree, TEST_PASSWORD, type Tree } from '../../testing/fixtures.ts';
import { loginAs, startTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let tree: Tree;

beforeAll(async () => {
  t = await startTestApp();
  tree = await seedTree(t.deps.db);
  await createUser(t.deps.db, {
    username: 'sec_a1',
    orgId: tree.communityA1.id,
    roles: [{ role: 'secretary' }],
  });
});
afterAll(() => t.close());

describe('POST /api/auth/login', () => {
  it('opens a session with an HttpOnly, SameSite=Strict cookie and answers who is logged in', async () => {
    const res = await t.anon.post('/api/auth/login', { username: 'sec_a1', password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'jiceng_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    expect(res.json().username).toBe('sec_a1');
    expect(res.json().assignments[0]).toMatchObject({ role: 'secretary', orgName: '和平社区党委' });
  });

  it('refuses a wrong password with a Chinese message and a stable reason', async () => {
    const res = await t.anon.post('/api/auth/login', { username: 'sec_a1', password: 'nope' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({
      code: 'unauthenticated',
      details: { reason: 'invalid_credentials' },
    });
  });

  it('answers 400 with field paths for a malformed body', async () => {
    const res = await t.anon.post('/api/auth/login', { username: '' });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.issues.map((i: { path: string[] }) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['body.username', 'body.password']));
  });
});

describe('GET /api/auth/me', () => {
  it('answers 401 without a session', async () => {
    expect((await t.anon.get('/api/auth/me')).statusCode).toBe(401);
  });
  it('answers the logged-in user', async () => {
    const c = await loginAs(t, 'sec_a1', TEST_PASSWORD);
    expect((await c.get('/api/auth/me')).json().username).toBe('sec_a1');
  });
});
