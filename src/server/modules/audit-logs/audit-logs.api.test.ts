import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActorClients, issuePaths, loginActors, reasonOf, seedActors } from '../../testing/actors.ts';
import { seedAuditEntries } from '../../testing/audit-entries.ts';
import { createUser, seedTree, TEST_PASSWORD, type Tree } from '../../testing/fixtures.ts';
import { loginAs, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

let t: TestApp;
let tree: Tree;
let as: ActorClients;
/** An audit administrator of district A only. */
let auditorA: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  tree = await seedTree(t.deps.db);
  await seedActors(t.deps.db, tree);
  await createUser(t.deps.db, {
    username: 'auditor_a',
    orgId: tree.districtA.id,
    roles: [{ role: 'audit_admin' }],
  });
  await seedAuditEntries(t.deps.db, tree);
  as = await loginActors(t);
  auditorA = await loginAs(t, 'auditor_a', TEST_PASSWORD);
});
afterAll(() => t.close());

type Entry = {
  at: string;
  actorUsername: string | null;
  action: string;
  orgId: number | null;
  orgName: string | null;
};
const entries = async (c: TestClient, query: string) => {
  const res = await c.get(`/api/audit-logs?pageSize=200&${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as { items: Entry[]; total: number };
};
const JUNE_1_TO_3 = 'from=2026-06-01&to=2026-06-03';

describe('GET /api/audit-logs', () => {
  it('answers 401 without a session', async () => {
    expect((await t.anon.get('/api/audit-logs')).statusCode).toBe(401);
  });

  it('answers 403 to everyone but the audit administrator (三员分立)', async () => {
    for (const c of [as.sysadmin, as.secadmin, as.orgadminA, as.secretaryA1]) {
      const res = await c.get('/api/audit-logs');
      expect(res.statusCode).toBe(403);
      expect(reasonOf(res)).toBe('permission_denied');
    }
  });

  it('answers 400 with field paths for invalid filters', async () => {
    const res = await as.auditadmin.get('/api/audit-logs?from=2026-13-01&to=yesterday&page=0');
    expect(res.statusCode).toBe(400);
    expect(issuePaths(res)).toEqual(
      expect.arrayContaining(['querystring.from', 'querystring.to', 'querystring.page']),
    );
    const reversed = await as.auditadmin.get('/api/audit-logs?from=2026-06-03&to=2026-06-01');
    expect(reversed.statusCode).toBe(400);
    expect(issuePaths(reversed)).toEqual(['querystring.to']);
  });

  it('lists newest first with the org name, including entries of no org at the deployment root', async () => {
    const { items, total } = await entries(as.auditadmin, JUNE_1_TO_3);
    expect(total).toBe(4);
    expect(items.map((e) => [e.action, e.actorUsername, e.orgName])).toEqual([
      ['auth.login_failed', null, null],
      ['user.create', 'alice', '甲区委'],
      ['org.update', 'alice', '和平社区党委'],
      ['org.update', 'bob', '光明社区第一党支部'],
    ]);
  });

  it('shows a district audit administrator only its subtree, without entries of no org', async () => {
    const { items } = await entries(auditorA, JUNE_1_TO_3);
    expect(items.map((e) => [e.action, e.orgId])).toEqual([
      ['user.create', tree.districtA.id],
      ['org.update', tree.communityA1.id],
    ]);
    const all = await entries(auditorA, '');
    expect(all.items.every((e) => e.orgId !== null && e.orgId !== tree.districtB.id)).toBe(true);
  });

  it('filters by Beijing calendar days, inclusive at both ends', async () => {
    const june2 = await entries(as.auditadmin, 'from=2026-06-02&to=2026-06-02');
    expect(june2.items.map((e) => e.at)).toEqual(['2026-06-02T15:59:59.999Z', '2026-06-01T16:00:00.000Z']);
    const june1 = await entries(as.auditadmin, 'to=2026-06-01');
    expect(june1.items.map((e) => e.actorUsername)).toEqual(['bob']);
    const june3on = await entries(as.auditadmin, 'from=2026-06-03&to=2026-06-03');
    expect(june3on.items.map((e) => e.action)).toEqual(['auth.login_failed']);
  });

  it('filters by actor, action, entity and org subtree', async () => {
    expect((await entries(as.auditadmin, `${JUNE_1_TO_3}&actor=alice`)).total).toBe(2);
    expect((await entries(as.auditadmin, `${JUNE_1_TO_3}&action=org.update`)).total).toBe(2);
    const user42 = await entries(as.auditadmin, 'entityType=user&entityId=42');
    expect(user42.items.map((e) => e.action)).toEqual(['user.create']);
    const districtB = await entries(as.auditadmin, `${JUNE_1_TO_3}&orgId=${tree.districtB.id}`);
    expect(districtB.items.map((e) => e.actorUsername)).toEqual(['bob']);
    const logins = await entries(as.auditadmin, `action=auth.login&orgId=${tree.districtA.id}`);
    expect(logins.items.map((e) => e.actorUsername).sort()).toEqual([
      'auditor_a',
      'orgadmin_a',
      'secretary_a1',
    ]);
  });

  it('paginates', async () => {
    const page = await as.auditadmin.get(`/api/audit-logs?${JUNE_1_TO_3}&page=2&pageSize=3`);
    expect(page.json().items).toHaveLength(1);
    expect(page.json().total).toBe(4);
  });

  it('answers 404 for an org filter outside the scope', async () => {
    expect((await auditorA.get(`/api/audit-logs?orgId=${tree.districtB.id}`)).statusCode).toBe(404);
    expect((await auditorA.get(`/api/audit-logs?orgId=${tree.root.id}`)).statusCode).toBe(404);
  });
});
