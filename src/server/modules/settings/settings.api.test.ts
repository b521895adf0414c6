import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../../testing/audit-rows.ts';
import { createUser, seedTree, TEST_PASSWORD } from '../../testing/fixtures.ts';
import { loginAs, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

let t: TestApp;
const as: Record<string, TestClient> = {};

beforeAll(async () => {
  t = await startTestApp();
  const tree = await seedTree(t.deps.db);
  const accounts = {
    sys: ['system_admin', tree.root.id],
    sec: ['security_admin', tree.root.id],
    aud: ['audit_admin', tree.root.id],
    org: ['org_admin', tree.districtA.id],
  } as const;
  for (const [username, [role, orgId]] of Object.entries(accounts)) {
    await createUser(t.deps.db, { username, orgId, roles: [{ role }] });
    as[username] = await loginAs(t, username, TEST_PASSWORD);
  }
});
afterAll(() => t.close());

describe('GET /api/settings/:group', () => {
  it('answers 401 without a session', async () => {
    expect((await t.anon.get('/api/settings/security')).statusCode).toBe(401);
  });

  it('shows the defaults before anything was changed', async () => {
    const res = await as.sec?.get('/api/settings/security');
    expect(res?.json()).toMatchObject({
      group: 'security',
      version: 0,
      value: { sessionIdleMinutes: 30, lockoutThreshold: 5, lockoutMinutes: 15 },
    });
    expect((await as.sys?.get('/api/settings/org'))?.json().value).toMatchObject({
      communityYears: 5,
      branchYears: 3,
    });
  });

  it.each([
    ['sys', 'security'],
    ['aud', 'security'],
    ['org', 'security'],
    ['sec', 'org'],
    ['aud', 'org'],
    ['org', 'org'],
  ])('closes the %s group %s to anyone but its owner (三员分立)', async (who, group) => {
    const res = await as[who]?.get(`/api/settings/${group}`);
    expect(res?.statusCode).toBe(403);
  });

  it('answers 400 for an unknown group', async () => {
    expect((await as.sys?.get('/api/settings/colours'))?.statusCode).toBe(400);
  });
});

describe('PUT /api/settings/:group', () => {
  it('answers 401 without a session', async () => {
    expect((await t.anon.put('/api/settings/org', { value: {}, version: 0 })).statusCode).toBe(401);
  });

  it('refuses a value outside the bounds with the field path', async () => {
    const res = await as.sec?.put('/api/settings/security', { value: { lockoutThreshold: 1 }, version: 0 });
    expect(res?.statusCode).toBe(400);
    expect(res?.json().error.details.issues[0].path).toEqual(['value', 'lockoutThreshold']);
  });

  it('saves, bumps the version, audits, and refuses a stale version', async () => {
    const first = await as.sys?.put('/api/settings/org', { value: { branchYears: 4 }, version: 0 });
    expect(first?.statusCode).toBe(200);
    expect(first?.json()).toMatchObject({ version: 1, value: { branchYears: 4, committeeYears: 5 } });
    const [audit] = await auditRows(t.deps.db, 'settings.update');
    expect(audit).toMatchObject({
      role: 'system_admin',
      entityId: 'org',
      diff: { before: { branchYears: 3 }, after: { branchYears: 4 } },
    });

    const stale = await as.sys?.put('/api/settings/org', { value: { branchYears: 5 }, version: 0 });
    expect(stale?.statusCode).toBe(409);
    expect(stale?.json().error.details.reason).toBe('stale_version');
  });

  it('refuses a change by someone who does not own the group', async () => {
    expect((await as.sys?.put('/api/settings/security', { value: {}, version: 0 }))?.statusCode).toBe(403);
  });
});
