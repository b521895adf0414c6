import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, reasonOf } from '../../testing/actors.ts';
import {
  codeAt,
  enrol,
  passwordStep,
  STEP_MS,
  sessionCookie,
  shifted,
} from '../../testing/fixtures/second-factor.ts';
import { createUser, seedTree, TEST_PASSWORD } from '../../testing/fixtures.ts';
import { loginAs, startTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
const keys: Record<string, Uint8Array> = {};
const recovery: Record<string, string[]> = {};
const MINUTE = 60_000;

beforeAll(async () => {
  t = await startTestApp();
  const tree = await seedTree(t.deps.db);
  for (const username of ['admin1', 'admin2', 'admin3', 'admin4']) {
    await createUser(t.deps.db, { username, orgId: tree.root.id, roles: [{ role: 'system_admin' }] });
    const { client } = await passwordStep(t, username);
    const enrolled = await enrol(t, client);
    keys[username] = enrolled.key;
    recovery[username] = enrolled.recoveryCodes;
  }
  // Every test starts in a fresh minute, past every step the enrolments used.
  t.clock.advance(10 * MINUTE + 15_000);
});
afterAll(() => t.close());

const key = (username: string) => keys[username] as Uint8Array;
const secondStep = async (username: string, code: string) => {
  const { res, client } = await passwordStep(t, username);
  return { pending: res, client, answer: await client.post('/api/auth/login/second-factor', { code }) };
};

describe('login with a second factor', () => {
  it('asks for the code after the password; until then nothing is open and no role is shown', async () => {
    const { res, client } = await passwordStep(t, 'admin1');
    expect(res.json()).toMatchObject({ pendingStep: 'second_factor', assignments: [], permissions: [] });
    for (const [method, url] of [
      ['GET', '/api/users'],
      ['GET', '/api/auth/tokens'],
      ['POST', '/api/auth/second-factor/enrolment'],
    ] as const) {
      const closed = await client.send(method, url);
      expect(closed.statusCode, url).toBe(403);
      expect(reasonOf(closed)).toBe('second_factor_required');
    }
    const password = await client.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Another#2026pw',
    });
    expect(reasonOf(password)).toBe('second_factor_required');
  });

  it('completes with the code: a new session cookie, the pending one dead, the login audited with the role', async () => {
    const { pending, client, answer } = await secondStep('admin1', codeAt(key('admin1'), t.clock.now()));
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({
      pendingStep: null,
      permissions: expect.arrayContaining(['user.manage']),
    });
    expect(sessionCookie(answer)).not.toBe(sessionCookie(pending));
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    const [row] = await auditRows(t.deps.db, 'auth.login');
    expect(row).toMatchObject({ actorUsername: 'admin1', role: 'system_admin' });
    expect(row?.diff).toMatchObject({ note: { secondFactor: 'totp' } });
  });

  it('refuses a replayed code, in the same step and in an earlier one', async () => {
    const now = t.clock.now();
    const first = await secondStep('admin2', codeAt(key('admin2'), now));
    expect(first.answer.statusCode).toBe(200);
    for (const at of [now, shifted(t, -STEP_MS)]) {
      const again = await secondStep('admin2', codeAt(key('admin2'), at));
      expect(again.answer.statusCode).toBe(422);
      expect(reasonOf(again.answer)).toBe('code_already_used');
    }
    const next = await secondStep('admin2', codeAt(key('admin2'), shifted(t, STEP_MS)));
    expect(next.answer.statusCode).toBe(200);
  });

  it('accepts a code one step early or late, and refuses one two steps off (manual clock)', async () => {
    t.clock.advance(5 * MINUTE);
    for (const offset of [-2, 2]) {
      const off = await secondStep('admin3', codeAt(key('admin3'), shifted(t, offset * STEP_MS)));
      expect(off.answer.statusCode, `${offset} steps`).toBe(422);
      expect(reasonOf(off.answer)).toBe('invalid_second_factor');
    }
    for (const offset of [-1, 1]) {
      const near = await secondStep('admin3', codeAt(key('admin3'), shifted(t, offset * STEP_MS)));
      expect(near.answer.statusCode, `${offset} step`).toBe(200);
    }
  });

  it('ends a session that was given the password but not the code within 10 minutes', async () => {
    const { client } = await passwordStep(t, 'admin1');
    t.clock.advance(11 * MINUTE);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('recovery codes', () => {
  it('stand in for the code once each, typed in any case and with or without dashes', async () => {
    const code = recovery.admin3?.[0] as string;
    const used = await secondStep('admin3', ` ${code.toUpperCase().replace(/-/g, ' ')} `);
    expect(used.answer.statusCode, used.answer.body).toBe(200);
    const [row] = await auditRows(t.deps.db, 'auth.login');
    expect(row?.diff).toMatchObject({ note: { secondFactor: 'recovery_code', recoveryCodesLeft: 9 } });
    const client = await loginAs(t, 'admin3', TEST_PASSWORD);
    expect((await client.get('/api/auth/second-factor')).json().recoveryCodesLeft).toBe(9);

    const again = await secondStep('admin3', code);
    expect(again.answer.statusCode).toBe(422);
    expect(reasonOf(again.answer)).toBe('invalid_second_factor');
  });

  it('are regenerated with a TOTP code only, replacing every old one', async () => {
    t.clock.advance(MINUTE);
    const client = await loginAs(t, 'admin3', TEST_PASSWORD);
    const old = recovery.admin3?.[1] as string;
    const withRecovery = await client.post('/api/auth/second-factor/recovery-codes', { code: old });
    expect(reasonOf(withRecovery)).toBe('invalid_second_factor');
    const fresh = await client.post('/api/auth/second-factor/recovery-codes', {
      code: codeAt(key('admin3'), shifted(t, STEP_MS)),
    });
    expect(fresh.statusCode, fresh.body).toBe(200);
    expect(fresh.json().recoveryCodes).toHaveLength(10);
    expect((await client.get('/api/auth/second-factor')).json().recoveryCodesLeft).toBe(10);
    const [audit] = await auditRows(t.deps.db, 'auth.recovery_codes_regenerate');
    expect(audit).toMatchObject({ actorUsername: 'admin3', role: 'system_admin' });
    expect(reasonOf((await secondStep('admin3', old)).answer)).toBe('invalid_second_factor');
    expect((await secondStep('admin3', fresh.json().recoveryCodes[0])).answer.statusCode).toBe(200);
  });
});

describe('wrong codes', () => {
  it('count toward the lockout: the fifth locks the account and ends the session that guessed', async () => {
    t.clock.advance(MINUTE);
    const wrong = codeAt(key('admin4'), shifted(t, 10 * MINUTE));
    const { client } = await passwordStep(t, 'admin4');
    for (let i = 1; i <= 4; i++) {
      const res = await client.post('/api/auth/login/second-factor', { code: wrong });
      expect(reasonOf(res)).toBe('invalid_second_factor');
    }
    const fifth = await client.post('/api/auth/login/second-factor', { code: wrong });
    expect(fifth.statusCode).toBe(401);
    expect(reasonOf(fifth)).toBe('account_locked');
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    const login = await t.anon.post('/api/auth/login', { username: 'admin4', password: TEST_PASSWORD });
    expect(reasonOf(login)).toBe('account_locked');
    const failures = await auditRows(t.deps.db, 'auth.second_factor_failed');
    expect(failures.filter((r) => r.entityId === failures[0]?.entityId)).toHaveLength(5);
    expect(failures[0]?.diff).toMatchObject({ note: { reason: 'invalid_second_factor', during: 'login' } });
    expect(JSON.stringify(failures)).not.toContain(wrong);
    expect((await auditRows(t.deps.db, 'auth.account_locked'))[0]?.diff).toMatchObject({
      note: { sessionsEnded: true },
    });
  });

  it('and a new password step does not start the count again', async () => {
    t.clock.advance(16 * MINUTE);
    const wrong = codeAt(key('admin1'), shifted(t, 10 * MINUTE));
    for (let round = 0; round < 2; round++) {
      const { client } = await passwordStep(t, 'admin1');
      for (let i = 0; i < 2; i++) await client.post('/api/auth/login/second-factor', { code: wrong });
    }
    const { client } = await passwordStep(t, 'admin1');
    const fifth = await client.post('/api/auth/login/second-factor', { code: wrong });
    expect(reasonOf(fifth)).toBe('account_locked');
  });
});
