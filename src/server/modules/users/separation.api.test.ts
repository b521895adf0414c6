import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/tables/users.ts';
import { type ActorClients, loginActors, seedActors } from '../../testing/actors.ts';
import { createUser, seedTree, type Tree } from '../../testing/fixtures.ts';
import { startTestApp, TEST_NOW, type TestApp, type TestClient } from '../../testing/test-app.ts';

/**
 * 三员分立 through the API: the system administrator runs accounts and business roles, the security
 * administrator unlocks accounts and grants the administrator roles, the audit administrator reads the
 * audit log; none does another's job.
 */
let t: TestApp;
let tree: Tree;
let as: ActorClients;
let n = 0;

beforeAll(async () => {
  t = await startTestApp();
  tree = await seedTree(t.deps.db);
  await seedActors(t.deps.db, tree);
  as = await loginActors(t);
});
afterAll(() => t.close());

/** A fresh, locked account for each attempt, so that attempts do not interfere. */
async function freshTarget(): Promise<number> {
  n += 1;
  const { id } = await createUser(t.deps.db, { username: `target${n}`, orgId: tree.branchA1.id });
  await t.deps.db
    .update(users)
    .set({ lockedUntil: new Date(TEST_NOW.getTime() + 600_000) })
    .where(eq(users.id, id));
  return id;
}

type Attempt = (c: TestClient, id: number) => Promise<{ statusCode: number }>;
const grant =
  (role: string): Attempt =>
  (c, id) =>
    c.post(`/api/users/${id}/roles`, { role, orgId: tree.root.id });

const ATTEMPTS: Record<string, Attempt> = {
  'list users': (c) => c.get('/api/users'),
  'create a user': (c) =>
    c.post('/api/users', {
      username: `made${++n}`,
      name: '新用户',
      orgId: tree.branchA1.id,
      initialPassword: 'Start#2026pass',
    }),
  'edit a user': (c, id) => c.patch(`/api/users/${id}`, { version: 1, name: '改名' }),
  'reset a password': (c, id) => c.post(`/api/users/${id}/reset-password`, {}),
  'deactivate a user': (c, id) => c.post(`/api/users/${id}/deactivate`, { version: 1 }),
  'unlock a user': (c, id) => c.post(`/api/users/${id}/unlock`),
  'grant a business role': (c, id) =>
    c.post(`/api/users/${id}/roles`, { role: 'member', orgId: tree.branchA1.id }),
  'grant system_admin': grant('system_admin'),
  'grant security_admin': grant('security_admin'),
  'grant audit_admin': grant('audit_admin'),
  'read the audit log': (c) => c.get('/api/audit-logs'),
  'export the audit log': (c) => c.get('/api/audit-logs/export'),
};

const ALLOWED = 200;
const CLOSED = 403;
// action                     system_admin  security_admin  audit_admin
const TABLE: [string, number, number, number][] = [
  ['list users', ALLOWED, ALLOWED, CLOSED],
  ['create a user', ALLOWED, CLOSED, CLOSED],
  ['edit a user', ALLOWED, CLOSED, CLOSED],
  ['reset a password', ALLOWED, CLOSED, CLOSED],
  ['deactivate a user', ALLOWED, CLOSED, CLOSED],
  ['unlock a user', CLOSED, ALLOWED, CLOSED],
  ['grant a business role', ALLOWED, CLOSED, CLOSED],
  ['grant system_admin', CLOSED, ALLOWED, CLOSED],
  ['grant security_admin', CLOSED, ALLOWED, CLOSED],
  ['grant audit_admin', CLOSED, ALLOWED, CLOSED],
  ['read the audit log', CLOSED, CLOSED, ALLOWED],
  ['export the audit log', CLOSED, CLOSED, ALLOWED],
];

describe('三员分立', () => {
  it.each(TABLE)('%s: system %i, security %i, audit %i', async (action, sys, sec, aud) => {
    const attempt = ATTEMPTS[action] as Attempt;
    const results = [];
    for (const c of [as.sysadmin, as.secadmin, as.auditadmin]) {
      results.push((await attempt(c, await freshTarget())).statusCode);
    }
    expect(results).toEqual([sys, sec, aud]);
  });

  it('revoking an administrator role is the security administrator’s alone', async () => {
    const id = await freshTarget();
    const granted = await as.secadmin.post(`/api/users/${id}/roles`, {
      role: 'audit_admin',
      orgId: tree.root.id,
    });
    const path = `/api/users/${id}/roles/${granted.json().id}`;
    expect((await as.sysadmin.delete(path)).statusCode).toBe(CLOSED);
    expect((await as.auditadmin.delete(path)).statusCode).toBe(CLOSED);
    expect((await as.secadmin.delete(path)).statusCode).toBe(ALLOWED);
  });

  it('one account never holds two administrator roles', async () => {
    const id = await freshTarget();
    expect((await grant('system_admin')(as.secadmin, id)).statusCode).toBe(ALLOWED);
    const second = await as.secadmin.post(`/api/users/${id}/roles`, {
      role: 'audit_admin',
      orgId: tree.root.id,
    });
    expect(second.statusCode).toBe(422);
    expect(second.json().error.details.reason).toBe('separation_of_duties');
  });
});
