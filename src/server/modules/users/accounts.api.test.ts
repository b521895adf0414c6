import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ActorClients,
  auditRows,
  issuePaths,
  loginActors,
  reasonOf,
  seedActors,
} from '../../testing/actors.ts';
import { createUser, seedTree, TEST_PASSWORD, type Tree } from '../../testing/fixtures.ts';
import { clientFor, loginAs, startTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let tree: Tree;
let as: ActorClients;
let target: number;
let plainB: number;

beforeAll(async () => {
  t = await startTestApp();
  tree = await seedTree(t.deps.db);
  await seedActors(t.deps.db, tree);
  target = (
    await createUser(t.deps.db, {
      username: 'target_a',
      orgId: tree.branchA1.id,
      roles: [{ role: 'member' }],
    })
  ).id;
  plainB = (await createUser(t.deps.db, { username: 'plain_b', orgId: tree.branchB1.id })).id;
  as = await loginActors(t);
});
afterAll(() => t.close());

const login = (username: string, password: string) => t.anon.post('/api/auth/login', { username, password });

describe('POST /api/users/:id/unlock', () => {
  it('answers 401 without a session and 400 for a malformed id', async () => {
    expect((await t.anon.post(`/api/users/${target}/unlock`)).statusCode).toBe(401);
    const bad = await as.secadmin.post('/api/users/0/unlock');
    expect(bad.statusCode).toBe(400);
    expect(issuePaths(bad)).toEqual(['params.id']);
  });

  it('lifts a lockout; the security administrator and the org_admin of the subtree may, no one else', async () => {
    for (let i = 0; i < 5; i++) await login('target_a', 'Wrong#password1');
    expect(reasonOf(await login('target_a', TEST_PASSWORD))).toBe('account_locked');
    expect((await as.orgadminA.get(`/api/users/${target}`)).json().status).toBe('locked');

    expect((await as.sysadmin.post(`/api/users/${target}/unlock`)).statusCode).toBe(403);
    expect((await as.auditadmin.post(`/api/users/${target}/unlock`)).statusCode).toBe(403);
    expect((await as.orgadminB.post(`/api/users/${target}/unlock`)).statusCode).toBe(404);

    const res = await as.secadmin.post(`/api/users/${target}/unlock`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'active', lockedUntil: null });
    expect((await login('target_a', TEST_PASSWORD)).statusCode).toBe(200);
    const [row] = await auditRows(t.deps.db, 'user.unlock', target);
    expect(row).toMatchObject({ actorUsername: 'secadmin', role: 'security_admin', orgId: tree.branchA1.id });
    // The lock reset the failure count already (security-policy.ts): only the lock changes.
    expect(row?.diff).toEqual({ before: { lockedUntil: expect.any(String) }, after: { lockedUntil: null } });
    expect((await as.orgadminA.post(`/api/users/${target}/unlock`)).statusCode).toBe(200);
  });
});

describe('POST /api/users/:id/reset-password', () => {
  it('answers 401 without a session, 404 out of scope, 400 for invalid input', async () => {
    expect((await t.anon.post(`/api/users/${target}/reset-password`, {})).statusCode).toBe(401);
    expect((await as.orgadminB.post(`/api/users/${target}/reset-password`, {})).statusCode).toBe(404);
    const bad = await as.orgadminA.post(`/api/users/${target}/reset-password`, { temporaryPassword: 42 });
    expect(bad.statusCode).toBe(400);
    expect(issuePaths(bad)).toEqual(['body.temporaryPassword']);
  });

  it('is closed to the security and audit administrators (三员分立)', async () => {
    expect((await as.secadmin.post(`/api/users/${target}/reset-password`, {})).statusCode).toBe(403);
    expect((await as.auditadmin.post(`/api/users/${target}/reset-password`, {})).statusCode).toBe(403);
  });

  it('checks a given password against the policy, and refuses the own account', async () => {
    const weak = await as.orgadminA.post(`/api/users/${target}/reset-password`, { temporaryPassword: 'abc' });
    expect(reasonOf(weak)).toBe('password_too_short');
    const own = await as.orgadminA.post(`/api/users/${(await me(as.orgadminA)).id}/reset-password`, {});
    expect(own.statusCode).toBe(422);
    expect(reasonOf(own)).toBe('own_password_reset');
  });

  it('generates a temporary password, ends the sessions, revokes the API tokens and requires a change', async () => {
    const session = await loginAs(t, 'target_a', TEST_PASSWORD);
    expect((await session.get('/api/auth/me')).statusCode).toBe(200);
    const token = (await session.post('/api/auth/tokens', { name: '脚本' })).json().token as string;
    const bearer = clientFor(t.app, { authorization: `Bearer ${token}` });
    expect((await bearer.get('/api/auth/me')).statusCode).toBe(200);
    const res = await as.orgadminA.post(`/api/users/${target}/reset-password`, {});
    expect(res.statusCode).toBe(200);
    const { temporaryPassword } = res.json();
    expect(temporaryPassword).toMatch(/^.{16}$/);
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    // A token issued under the old password outlived the reset before.
    expect((await bearer.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login('target_a', TEST_PASSWORD)).statusCode).toBe(401);
    const fresh = await loginAs(t, 'target_a', temporaryPassword);
    expect(reasonOf(await fresh.get('/api/users'))).toBe('password_change_required');
    const [row] = await auditRows(t.deps.db, 'user.password_reset', target);
    expect(row).toMatchObject({ actorUsername: 'orgadmin_a', role: 'org_admin' });
    expect(JSON.stringify(row?.diff)).not.toContain(temporaryPassword);
    expect(row?.diff).toMatchObject({ note: { generated: true, tokensRevoked: 1 } });
  });

  it('takes a given temporary password', async () => {
    const res = await as.sysadmin.post(`/api/users/${target}/reset-password`, {
      temporaryPassword: 'Given#2026pw',
    });
    expect(res.json()).toEqual({ temporaryPassword: 'Given#2026pw' });
    expect((await login('target_a', 'Given#2026pw')).json().mustChangePassword).toBe(true);
  });
});

async function me(c: ActorClients[keyof ActorClients]) {
  return (await c.get('/api/auth/me')).json() as { id: number };
}

describe('POST /api/users/:id/deactivate and /reactivate', () => {
  it('answer 401 without a session, 404 out of scope, 400 without a version', async () => {
    expect((await t.anon.post(`/api/users/${plainB}/deactivate`, { version: 1 })).statusCode).toBe(401);
    expect((await t.anon.post(`/api/users/${plainB}/reactivate`, { version: 1 })).statusCode).toBe(401);
    expect((await as.orgadminA.post(`/api/users/${plainB}/deactivate`, { version: 1 })).statusCode).toBe(404);
    expect((await as.orgadminA.post(`/api/users/${plainB}/reactivate`, { version: 1 })).statusCode).toBe(404);
    const bad = await as.orgadminB.post(`/api/users/${plainB}/deactivate`, { version: 'one' });
    expect(bad.statusCode).toBe(400);
    expect(issuePaths(bad)).toEqual(['body.version']);
    expect(issuePaths(await as.orgadminB.post(`/api/users/${plainB}/reactivate`, {}))).toEqual([
      'body.version',
    ]);
  });

  it('refuses the own account and the security administrator (三员分立)', async () => {
    const self = await me(as.orgadminB);
    const own = await as.orgadminB.post(`/api/users/${self.id}/deactivate`, { version: 1 });
    expect(reasonOf(own)).toBe('self_deactivation');
    expect((await as.secadmin.post(`/api/users/${plainB}/deactivate`, { version: 1 })).statusCode).toBe(403);
  });

  it('deactivates: sessions end, API tokens are revoked, login is refused', async () => {
    const session = await loginAs(t, 'plain_b', TEST_PASSWORD);
    const token = (await session.post('/api/auth/tokens', { name: '脚本' })).json().token as string;
    const bearer = clientFor(t.app, { authorization: `Bearer ${token}` });
    expect((await bearer.get('/api/auth/me')).statusCode).toBe(200);

    const res = await as.orgadminB.post(`/api/users/${plainB}/deactivate`, { version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'deactivated', version: 2 });
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    expect((await bearer.get('/api/auth/me')).statusCode).toBe(401);
    const refused = await login('plain_b', TEST_PASSWORD);
    expect(refused.statusCode).toBe(401);
    expect(reasonOf(refused)).toBe('account_deactivated');
    const [row] = await auditRows(t.deps.db, 'user.deactivate', plainB);
    expect(row).toMatchObject({ actorUsername: 'orgadmin_b', orgId: tree.branchB1.id });
    expect(row?.diff).toMatchObject({ note: { tokensRevoked: 1 } });
  });

  it('answers 409 for a stale version and 422 when already deactivated', async () => {
    expect((await as.orgadminB.post(`/api/users/${plainB}/deactivate`, { version: 1 })).statusCode).toBe(409);
    expect((await as.orgadminB.post(`/api/users/${plainB}/reactivate`, { version: 1 })).statusCode).toBe(409);
    const again = await as.orgadminB.post(`/api/users/${plainB}/deactivate`, { version: 2 });
    expect(reasonOf(again)).toBe('already_deactivated');
  });

  it('reactivates, and the account logs in again', async () => {
    const res = await as.orgadminB.post(`/api/users/${plainB}/reactivate`, { version: 2 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'active', deactivatedAt: null, version: 3 });
    expect((await login('plain_b', TEST_PASSWORD)).statusCode).toBe(200);
    expect(await auditRows(t.deps.db, 'user.reactivate', plainB)).toHaveLength(1);
    const again = await as.orgadminB.post(`/api/users/${plainB}/reactivate`, { version: 3 });
    expect(reasonOf(again)).toBe('not_deactivated');
  });
});
