import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unknownLoginFailures } from '../../db/tables/users.ts';
import { auditRows } from '../../testing/audit-rows.ts';
import { createUser, seedTree, TEST_PASSWORD } from '../../testing/fixtures.ts';
import { startTestApp, type TestApp, type TestResponse } from '../../testing/test-app.ts';

/**
 * Failed logins on names that match no account are counted and locked like a real account's, so that the answers
 * do not tell an attacker which names exist (the lockout of real accounts would otherwise give them away).
 */
let t: TestApp;
const MINUTE = 60_000;

beforeAll(async () => {
  t = await startTestApp();
  const tree = await seedTree(t.deps.db);
  await createUser(t.deps.db, {
    username: 'wang',
    orgId: tree.communityA1.id,
    roles: [{ role: 'secretary' }],
  });
});
afterAll(() => t.close());

const attempt = (username: string, password: string) =>
  t.anon.post('/api/auth/login', { username, password });

/** What an attacker sees of an answer: status, body and the headers that could differ. */
const seen = (res: TestResponse) => ({
  status: res.statusCode,
  body: res.json(),
  type: res.headers['content-type'],
  cookie: res.headers['set-cookie'] ?? null,
});

describe('names that match no account', () => {
  it('are answered exactly like a real account over threshold + 1 attempts, lock included', async () => {
    const real: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 1; i <= 6; i++) {
      real.push(seen(await attempt('wang', `Wrong#${i}pass`)));
      unknown.push(seen(await attempt('wangg', `Wrong#${i}pass`)));
    }
    expect(unknown).toEqual(real);
    const reasons = real.map(
      (r) => (r as { body: { error: { details: { reason: string } } } }).body.error.details.reason,
    );
    expect(reasons).toEqual([
      'invalid_credentials',
      'invalid_credentials',
      'invalid_credentials',
      'invalid_credentials',
      'account_locked',
      'account_locked',
    ]);
  });

  it('open again after the same lock time as a real account', async () => {
    t.clock.advance(15 * MINUTE);
    expect((await attempt('wang', TEST_PASSWORD)).statusCode).toBe(200);
    const res = await attempt('wangg', 'Wrong#7pass');
    expect(res.json().error.details.reason).toBe('invalid_credentials');
  });

  it('count as one name whatever the case or width it is typed in', async () => {
    const typed = ['Ghost', 'ghost', 'GHOST', 'ｇｈｏｓｔ', ' ghost '];
    const reasons = [];
    for (const name of typed) reasons.push((await attempt(name, 'Wrong#1pass')).json().error.details.reason);
    expect(reasons.at(-1)).toBe('account_locked');
  });

  it('are kept as a keyed hash only: a password typed into the name field is stored nowhere', async () => {
    const typedByMistake = 'My#Secret2026';
    await attempt(typedByMistake, 'whatever');
    const rows = await t.deps.db.select().from(unknownLoginFailures);
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toMatch(/secret2026/i);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.nameHash))).toBe(true);
    const audits = await auditRows(t.deps.db, 'auth.login_failed');
    expect(JSON.stringify(audits)).not.toMatch(/secret2026/i);
    expect(audits[0]?.diff).toMatchObject({ note: { reason: 'unknown_user', nameHash: expect.any(String) } });
  });

  it('audit the lock of an unknown name, for the security administrator to see the attempt', async () => {
    const locks = await auditRows(t.deps.db, 'auth.account_locked');
    expect(locks.some((r) => (r.diff as { note?: { unknownName?: boolean } }).note?.unknownName)).toBe(true);
  });
});
