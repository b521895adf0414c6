import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/tables/users.ts';
import { auditRows } from '../../testing/audit-rows.ts';
import { createUser, seedTree, TEST_PASSWORD } from '../../testing/fixtures.ts';
import { loginAs, startTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  const tree = await seedTree(t.deps.db);
  await createUser(t.deps.db, { username: 'li', orgId: tree.communityA1.id, roles: [{ role: 'secretary' }] });
  await createUser(t.deps.db, {
    username: 'newbie',
    orgId: tree.communityA1.id,
    roles: [{ role: 'secretary' }],
    mustChangePassword: true,
  });
});
afterAll(() => t.close());

describe('POST /api/auth/password', () => {
  it('answers 401 without a session', async () => {
    const res = await t.anon.post('/api/auth/password', { currentPassword: 'a', newPassword: 'b' });
    expect(res.statusCode).toBe(401);
  });

  it('answers 400 with field paths for a malformed body', async () => {
    const c = await loginAs(t, 'li', TEST_PASSWORD);
    const res = await c.post('/api/auth/password', { currentPassword: '' });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.issues.map((i: { path: string[] }) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['body.currentPassword', 'body.newPassword']));
  });

  it('refuses a wrong current password', async () => {
    const c = await loginAs(t, 'li', TEST_PASSWORD);
    const res = await c.post('/api/auth/password', {
      currentPassword: 'Wrong#123',
      newPassword: 'Better#2026x',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.reason).toBe('wrong_current_password');
  });

  it.each([
    ['Sh0rt!', 'password_too_short'],
    ['alllowercase123', 'password_too_simple'],
    ['Li-is-me-2026', 'password_contains_username'],
  ])('refuses %s by the password policy (%s)', async (newPassword, reason) => {
    const c = await loginAs(t, 'li', TEST_PASSWORD);
    const res = await c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.reason).toBe(reason);
  });

  it('stores an argon2id hash, ends the other sessions, keeps this one, and audits without the hash', async () => {
    const other = await loginAs(t, 'li', TEST_PASSWORD);
    const c = await loginAs(t, 'li', TEST_PASSWORD);
    const res = await c.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Better#2026x',
    });
    expect(res.statusCode).toBe(200);
    const [row] = await t.deps.db.select().from(users).where(eq(users.username, 'li'));
    expect(row?.passwordHash.startsWith('$argon2id$')).toBe(true);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);
    await loginAs(t, 'li', 'Better#2026x');
    const [audit] = await auditRows(t.deps.db, 'auth.password_change');
    expect(JSON.stringify(audit?.diff)).not.toContain('$argon2id$');
    expect(audit?.diff).toMatchObject({ after: { passwordHash: '[已隐藏]' } });
  });
});

describe('a password that must be changed first', () => {
  it('closes every other route until it is changed', async () => {
    const c = await loginAs(t, 'newbie', TEST_PASSWORD);
    expect((await c.get('/api/auth/me')).json().mustChangePassword).toBe(true);
    const blocked = await c.get('/api/auth/tokens');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.details.reason).toBe('password_change_required');
    const changed = await c.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Fresh#Start2026',
    });
    expect(changed.statusCode).toBe(200);
    expect((await c.get('/api/auth/tokens')).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).json().mustChangePassword).toBe(false);
  });
});
