import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions, users } from '../../db/tables/users.ts';
import { sha256 } from '../../security/tokens.ts';
import { reasonOf } from '../../testing/actors.ts';
import { auditRows } from '../../testing/audit-rows.ts';
import { createUser, seedTree, TEST_PASSWORD } from '../../testing/fixtures.ts';
import { clientFor, loginAs, startTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  const tree = await seedTree(t.deps.db);
  await createUser(t.deps.db, { username: 'li', orgId: tree.communityA1.id, roles: [{ role: 'secretary' }] });
  for (const username of ['wu', 'zheng', 'feng']) {
    await createUser(t.deps.db, { username, orgId: tree.communityA1.id, roles: [{ role: 'secretary' }] });
  }
  await createUser(t.deps.db, {
    username: 'newbie',
    orgId: tree.communityA1.id,
    roles: [{ role: 'secretary' }],
    mustChangePassword: true,
  });
});
afterAll(() => t.close());

/** A session opened directly in the table: a login would reset the failure count the test builds up. */
async function sessionWithoutReset(username: string) {
  const [user] = await t.deps.db.select().from(users).where(eq(users.username, username));
  const token = `jcs_test_${username}`;
  await t.deps.db.insert(sessions).values({
    tokenHash: sha256(token),
    userId: (user as { id: number }).id,
    createdAt: t.clock.now(),
    lastSeenAt: t.clock.now(),
    ip: null,
    userAgent: null,
    pendingStep: null,
  });
  return clientFor(t.app, { cookie: `jiceng_session=${token}` });
}

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

  it('refuses a wrong current password, and audits it with the role', async () => {
    const c = await loginAs(t, 'li', TEST_PASSWORD);
    const res = await c.post('/api/auth/password', {
      currentPassword: 'Wrong#123',
      newPassword: 'Better#2026x',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.reason).toBe('wrong_current_password');
    const [audit] = await auditRows(t.deps.db, 'auth.password_change_failed');
    expect(audit).toMatchObject({ actorUsername: 'li', role: 'secretary' });
    expect(audit?.diff).toMatchObject({ note: { reason: 'wrong_current_password' } });
    expect(JSON.stringify(audit?.diff)).not.toContain('Wrong#123');
    // A right password at login starts the count again, so that the tests below count from zero.
    await loginAs(t, 'li', TEST_PASSWORD);
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

  it('revokes every API token of the user: a token that worked stops working', async () => {
    const c = await loginAs(t, 'wu', TEST_PASSWORD);
    const tokens = [];
    for (const name of ['报表', '同步'])
      tokens.push((await c.post('/api/auth/tokens', { name })).json().token);
    const bearers = tokens.map((token) => clientFor(t.app, { authorization: `Bearer ${token}` }));
    for (const b of bearers) expect((await b.get('/api/auth/me')).statusCode).toBe(200);
    const res = await c.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Better#2026x',
    });
    expect(res.statusCode).toBe(200);
    for (const b of bearers) expect((await b.get('/api/auth/me')).statusCode).toBe(401);
    expect(
      (await c.get('/api/auth/tokens')).json().every((tk: { revokedAt: string | null }) => tk.revokedAt),
    ).toBe(true);
    const [audit] = await auditRows(t.deps.db, 'auth.password_change');
    expect(audit).toMatchObject({ actorUsername: 'wu', role: 'secretary' });
    expect(audit?.diff).toMatchObject({ note: { otherSessionsEnded: true, tokensRevoked: 2 } });
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

describe('guessing the current password from a session', () => {
  it('counts toward the lockout like failed logins: the fifth wrong guess locks the account and ends its sessions', async () => {
    const c = await loginAs(t, 'zheng', TEST_PASSWORD);
    const other = await loginAs(t, 'zheng', TEST_PASSWORD);
    const guess = (currentPassword: string) =>
      c.post('/api/auth/password', { currentPassword, newPassword: 'Better#2026x' });
    for (let i = 1; i <= 4; i++)
      expect(reasonOf(await guess(`Guess#${i}abc`))).toBe('wrong_current_password');
    const fifth = await guess('Guess#5abc');
    expect(fifth.statusCode).toBe(401);
    expect(reasonOf(fifth)).toBe('account_locked');
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);
    const login = await t.anon.post('/api/auth/login', { username: 'zheng', password: TEST_PASSWORD });
    expect(reasonOf(login)).toBe('account_locked');
    const audits = (await auditRows(t.deps.db, 'auth.password_change_failed')).filter(
      (r) => r.actorUsername === 'zheng',
    );
    expect(audits).toHaveLength(5);
    const [locked] = await auditRows(t.deps.db, 'auth.account_locked');
    expect(locked?.diff).toMatchObject({ note: { sessionsEnded: true, threshold: 5 } });
  });

  it('shares the count with failed logins: three wrong logins and two wrong guesses lock the account', async () => {
    for (let i = 0; i < 3; i++) {
      await t.anon.post('/api/auth/login', { username: 'feng', password: `Wrong#${i}pass` });
    }
    // A successful login would start the count again: the session is opened directly in the table instead.
    const [row] = await t.deps.db.select().from(users).where(eq(users.username, 'feng'));
    expect(row?.failedAttempts).toBe(3);
    const c = await sessionWithoutReset('feng');
    await c.post('/api/auth/password', { currentPassword: 'Guess#1abc', newPassword: 'Better#2026x' });
    const second = await c.post('/api/auth/password', {
      currentPassword: 'Guess#2abc',
      newPassword: 'Better#2026x',
    });
    expect(reasonOf(second)).toBe('account_locked');
  });

  it('is rate limited per address as the login is', async () => {
    const limited = await startTestApp({ loginRateLimitPerMinute: 3 });
    try {
      const tree = await seedTree(limited.deps.db);
      await createUser(limited.deps.db, {
        username: 'rl',
        orgId: tree.communityA1.id,
        roles: [{ role: 'secretary' }],
      });
      const c = await loginAs(limited, 'rl', TEST_PASSWORD);
      const codes = [];
      for (let i = 0; i < 4; i++) {
        codes.push(
          (await c.post('/api/auth/password', { currentPassword: 'x', newPassword: 'y' })).statusCode,
        );
      }
      expect(codes.at(-1)).toBe(429);
    } finally {
      await limited.close();
    }
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
