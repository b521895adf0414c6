import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoveryCodes, users } from '../../db/tables/users.ts';
import { auditRows, reasonOf } from '../../testing/actors.ts';
import { appKey, codeAt, enrol, passwordStep, shifted } from '../../testing/fixtures/second-factor.ts';
import { createUser, seedTree, TEST_PASSWORD } from '../../testing/fixtures.ts';
import { loginAs, startTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let ids: Record<string, number>;

beforeAll(async () => {
  t = await startTestApp();
  const tree = await seedTree(t.deps.db);
  const make = async (
    username: string,
    role: 'system_admin' | 'org_admin' | 'secretary' | 'security_admin',
  ) => (await createUser(t.deps.db, { username, orgId: tree.root.id, roles: [{ role }] })).id;
  ids = {
    sysad: await make('sysad', 'system_admin'),
    orgad: await make('orgad', 'org_admin'),
    orgad2: await make('orgad2', 'org_admin'),
    sec1: await make('sec1', 'secretary'),
    secadmin: await make('secadmin', 'security_admin'),
    newbie: (
      await createUser(t.deps.db, {
        username: 'newbie',
        orgId: tree.root.id,
        roles: [{ role: 'audit_admin' }],
        mustChangePassword: true,
      })
    ).id,
  };
});
afterAll(() => t.close());

const userRow = async (id: number) => (await t.deps.db.select().from(users).where(eq(users.id, id)))[0];

describe('forced enrolment of the accounts that must have a second factor', () => {
  it('takes an administrator to enrolment right after the password, with every other route closed', async () => {
    const { res, client } = await passwordStep(t, 'sysad');
    expect(res.json()).toMatchObject({
      pendingStep: 'second_factor_enrolment',
      secondFactor: { enabled: false, required: true },
    });
    const closed = await client.get('/api/users');
    expect(closed.statusCode).toBe(403);
    expect(reasonOf(closed)).toBe('second_factor_enrolment_required');
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    expect((await client.get('/api/auth/second-factor')).json()).toMatchObject({
      enabled: false,
      required: true,
    });
  });

  it('asks for the initial password change first, then the enrolment', async () => {
    const { res, client } = await passwordStep(t, 'newbie');
    expect(res.json().pendingStep).toBe('password_change');
    expect(reasonOf(await client.post('/api/auth/second-factor/enrolment'))).toBe('password_change_required');
    const changed = await client.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Fresh#Start2026',
    });
    expect(changed.statusCode).toBe(200);
    expect((await client.get('/api/auth/me')).json().pendingStep).toBe('second_factor_enrolment');
  });
});

describe('enrolment', () => {
  it('shows a new 20-byte key as an otpauth:// URI and base32 text; it takes effect only once a code confirms it', async () => {
    const { client } = await passwordStep(t, 'sysad');
    const started = (await client.post('/api/auth/second-factor/enrolment')).json();
    expect(started.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(appKey(started.secret)).toHaveLength(20);
    expect(started.uri).toMatch(/^otpauth:\/\/totp\//);
    expect(started.uri).toContain(`secret=${started.secret}`);
    expect(started.uri).toContain('sysad');
    expect((await userRow(ids.sysad as number))?.totpEnabledAt).toBeNull();

    const wrong = await client.post('/api/auth/second-factor/enrolment/confirm', {
      code: codeAt(appKey(started.secret), shifted(t, 5 * 60_000)),
    });
    expect(wrong.statusCode).toBe(422);
    expect(reasonOf(wrong)).toBe('invalid_second_factor');
    expect((await client.get('/api/users')).statusCode).toBe(403);

    const confirmed = await client.post('/api/auth/second-factor/enrolment/confirm', {
      code: codeAt(appKey(started.secret), t.clock.now()),
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.json().recoveryCodes).size).toBe(10);
    expect((await client.get('/api/auth/me')).json()).toMatchObject({
      pendingStep: null,
      secondFactor: { enabled: true, required: true },
    });
    expect((await client.get('/api/users')).statusCode).toBe(200);
  });

  it('stores the key encrypted and the recovery codes hashed', async () => {
    const { client } = await passwordStep(t, 'orgad');
    const started = (await client.post('/api/auth/second-factor/enrolment')).json();
    const { recoveryCodes: codes } = (
      await client.post('/api/auth/second-factor/enrolment/confirm', {
        code: codeAt(appKey(started.secret), t.clock.now()),
      })
    ).json();
    const row = await userRow(ids.orgad as number);
    const hex = Buffer.from(appKey(started.secret)).toString('hex');
    for (const stored of [row?.totpSecret, row?.totpPendingSecret]) {
      expect(stored ?? '').not.toContain(started.secret);
      expect(Buffer.from(stored ?? '', 'base64url').toString('hex')).not.toContain(hex);
    }
    expect(row?.totpPendingSecret).toBeNull();
    const stored = await t.deps.db
      .select()
      .from(recoveryCodes)
      .where(eq(recoveryCodes.userId, ids.orgad as number));
    expect(stored).toHaveLength(10);
    const text = JSON.stringify(stored);
    for (const code of codes) expect(text).not.toContain(code.replace(/-/g, ''));
  });

  it('audits the enrolment with the role, and never the key or the codes', async () => {
    const [row] = await auditRows(t.deps.db, 'auth.second_factor_enable', ids.orgad);
    expect(row).toMatchObject({ actorUsername: 'orgad', role: 'org_admin' });
    expect(row?.diff).toMatchObject({ note: { method: 'totp', recoveryCodes: 10 } });
  });

  it('refuses a second enrolment while one is active (a new phone goes through the security administrator)', async () => {
    const client = await loginAs(t, 'sysad', TEST_PASSWORD);
    const res = await client.post('/api/auth/second-factor/enrolment');
    expect(res.statusCode).toBe(422);
    expect(reasonOf(res)).toBe('second_factor_already_enabled');
  });

  it('is refused to an API token: the factor is set up in a web session', async () => {
    const client = await loginAs(t, 'sec1', TEST_PASSWORD);
    const { token } = (await client.post('/api/auth/tokens', { name: '脚本' })).json();
    const bearer = await t.app.inject({
      method: 'POST',
      url: '/api/auth/second-factor/enrolment',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(bearer.statusCode).toBe(403);
    expect(bearer.json().error.details.reason).toBe('session_required');
  });
});

describe('one’s own second factor where it is not required', () => {
  it('a secretary may enrol, then turn it off with a code; the next login asks for none', async () => {
    const client = await loginAs(t, 'sec1', TEST_PASSWORD);
    const { key } = await enrol(t, client);
    expect((await passwordStep(t, 'sec1')).res.json().pendingStep).toBe('second_factor');
    const off = await client.post('/api/auth/second-factor/disable', {
      code: codeAt(key, shifted(t, 30_000)),
    });
    expect(off.statusCode).toBe(200);
    expect((await passwordStep(t, 'sec1')).res.json().pendingStep).toBeNull();
    const [audit] = await auditRows(t.deps.db, 'auth.second_factor_disable', ids.sec1);
    expect(audit?.role).toBe('secretary');
  });

  it('an administrator cannot turn a required second factor off', async () => {
    const client = await loginAs(t, 'sysad', TEST_PASSWORD);
    const res = await client.post('/api/auth/second-factor/disable', { code: '123456' });
    expect(res.statusCode).toBe(422);
    expect(reasonOf(res)).toBe('second_factor_required');
    expect((await userRow(ids.sysad as number))?.totpEnabledAt).not.toBeNull();
  });
});

describe('the org_admin’s second factor follows the security policy', () => {
  const setPolicy = async (value: boolean) => {
    const admin = await loginAs(t, 'secadmin', TEST_PASSWORD);
    const current = (await admin.get('/api/settings/security')).json();
    const res = await admin.put('/api/settings/security', {
      value: { totpRequiredForOrgAdmin: value },
      version: current.version,
    });
    expect(res.statusCode, res.body).toBe(200);
  };

  it('is required by default, and not once the security administrator turns the setting off', async () => {
    expect((await passwordStep(t, 'orgad2')).res.json().pendingStep).toBe('second_factor_enrolment');
    await setPolicy(false);
    const { res, client } = await passwordStep(t, 'orgad2');
    expect(res.json()).toMatchObject({ pendingStep: null, secondFactor: { required: false } });
    expect((await client.get('/api/users')).statusCode).toBe(200);

    await setPolicy(true);
    // The session already open is taken to enrolment at its next request.
    const closed = await client.get('/api/users');
    expect(closed.statusCode).toBe(403);
    expect(reasonOf(closed)).toBe('second_factor_enrolment_required');
  });
});
