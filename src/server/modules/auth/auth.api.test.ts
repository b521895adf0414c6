import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/tables/users.ts';
import { auditRows } from '../../testing/audit-rows.ts';
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
  const gone = await createUser(t.deps.db, { username: 'gone', orgId: tree.communityA1.id });
  await t.deps.db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, gone.id));
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
    expect(res.json().permissions).toEqual([
      'dues.approve',
      'dues.base',
      'dues.manage',
      'dues.read',
      'leadership.manage',
      'member.account',
      'member.manage',
      'member.read',
      'org.read',
      'org_life.exempt',
      'org_life.manage',
      'org_life.read',
      'stats.read',
      'workbench.read',
    ]);
  });

  it('records the login in the audit log with IP, user agent and the roles held', async () => {
    const [row] = await auditRows(t.deps.db, 'auth.login');
    expect(row).toMatchObject({
      actorUsername: 'sec_a1',
      entityType: 'user',
      userAgent: 'vitest',
      role: 'secretary',
    });
    expect(row?.ip).toBeTruthy();
  });

  it('records every current role of the account, in one order, and none that has ended', async () => {
    await createUser(t.deps.db, {
      username: 'two_hats',
      orgId: tree.communityA1.id,
      roles: [
        { role: 'secretary' },
        { role: 'member', orgId: tree.branchA1.id },
        { role: 'org_admin', orgId: tree.branchA1.id, endsOn: '2026-01-01' },
      ],
    });
    expect(
      (await t.anon.post('/api/auth/login', { username: 'two_hats', password: TEST_PASSWORD })).statusCode,
    ).toBe(200);
    const [row] = await auditRows(t.deps.db, 'auth.login');
    expect(row?.role).toBe('secretary,member');
  });

  it('refuses a wrong password with a Chinese message and a stable reason, and audits it', async () => {
    const res = await t.anon.post('/api/auth/login', { username: 'sec_a1', password: 'nope' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({
      code: 'unauthenticated',
      message: '用户名或密码错误',
      details: { reason: 'invalid_credentials' },
    });
    const [row] = await auditRows(t.deps.db, 'auth.login_failed');
    expect(row?.diff).toMatchObject({ note: { username: 'sec_a1', reason: 'wrong_password' } });
    expect(JSON.stringify(row?.diff)).not.toContain('nope');
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const res = await t.anon.post('/api/auth/login', { username: 'nobody', password: 'whatever1A!' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.details.reason).toBe('invalid_credentials');
  });

  it('refuses a deactivated account', async () => {
    const res = await t.anon.post('/api/auth/login', { username: 'gone', password: TEST_PASSWORD });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.details.reason).toBe('account_deactivated');
  });

  it('answers 400 with field paths for a malformed body', async () => {
    const res = await t.anon.post('/api/auth/login', { username: '' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_input');
    const paths = res.json().error.details.issues.map((i: { path: string[] }) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['body.username', 'body.password']));
  });

  it('refuses a form post (text/plain or urlencoded) so that another site cannot forge one', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': type },
        payload: `username=sec_a1&password=${TEST_PASSWORD}`,
      });
      expect(res.statusCode).toBe(415);
    }
  });
});

describe('GET /api/auth/me', () => {
  it('answers 401 without a session', async () => {
    const res = await t.anon.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.details.reason).toBe('not_logged_in');
  });

  it('answers 401 for a forged cookie', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { jiceng_session: 'jcs_forged' },
    });
    expect(res.statusCode).toBe(401);
  });

  it('answers the logged-in user', async () => {
    const c = await loginAs(t, 'sec_a1', TEST_PASSWORD);
    expect((await c.get('/api/auth/me')).json()).toMatchObject({ username: 'sec_a1', via: 'session' });
  });
});

describe('POST /api/auth/logout', () => {
  it('answers 401 without a session', async () => {
    expect((await t.anon.post('/api/auth/logout')).statusCode).toBe(401);
  });

  it('ends the session for good and audits it', async () => {
    const c = await loginAs(t, 'sec_a1', TEST_PASSWORD);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    expect((await auditRows(t.deps.db, 'auth.logout'))[0]).toMatchObject({
      actorUsername: 'sec_a1',
      role: 'secretary',
    });
  });
});
