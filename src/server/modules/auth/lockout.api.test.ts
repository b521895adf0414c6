import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../../testing/audit-rows.ts';
import { createUser, seedTree, TEST_PASSWORD } from '../../testing/fixtures.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

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
  await createUser(t.deps.db, {
    username: 'zhao',
    orgId: tree.communityA1.id,
    roles: [{ role: 'secretary' }],
  });
});
afterAll(() => t.close());

const attempt = (username: string, password: string) =>
  t.anon.post('/api/auth/login', { username, password });

describe('lockout after 5 consecutive failures (injected clock)', () => {
  it('locks on the fifth failure with a distinct reason, even for the right password', async () => {
    for (let i = 1; i <= 4; i++) {
      expect((await attempt('wang', `wrong-${i}`)).json().error.details.reason).toBe('invalid_credentials');
    }
    const fifth = await attempt('wang', 'wrong-5');
    expect(fifth.statusCode).toBe(401);
    expect(fifth.json().error.details.reason).toBe('account_locked');
    expect(fifth.json().error.details.lockedUntil).toBe(
      new Date(t.clock.now().getTime() + 15 * MINUTE).toISOString(),
    );

    const right = await attempt('wang', TEST_PASSWORD);
    expect(right.json().error.details.reason).toBe('account_locked');
    expect((await auditRows(t.deps.db, 'auth.account_locked'))[0]?.entityId).toBeTruthy();
  });

  it('opens again after 15 minutes', async () => {
    t.clock.advance(14 * MINUTE);
    expect((await attempt('wang', TEST_PASSWORD)).json().error.details.reason).toBe('account_locked');
    t.clock.advance(1 * MINUTE);
    expect((await attempt('wang', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('counts consecutive failures only: a success starts the count again', async () => {
    for (let i = 0; i < 4; i++) await attempt('zhao', 'wrong');
    expect((await attempt('zhao', TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await attempt('zhao', 'wrong');
    expect((await attempt('zhao', TEST_PASSWORD)).statusCode).toBe(200);
  });
});

describe('per-IP rate limit on login', () => {
  it('answers 429 with a Chinese message once the limit is passed', async () => {
    const limited = await startTestApp({ loginRateLimitPerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        codes.push((await limited.anon.post('/api/auth/login', { username: 'x', password: 'y' })).statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429]);
      const res = await limited.anon.post('/api/auth/login', { username: 'x', password: 'y' });
      expect(res.json().error).toMatchObject({ code: 'rate_limited', message: '请求过于频繁，请稍后再试' });
    } finally {
      await limited.close();
    }
  });
});
