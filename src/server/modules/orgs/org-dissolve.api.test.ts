import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadershipPosts, orgEvents, orgs } from '../../db/tables/orgs.ts';
import { auditRows } from '../../testing/audit-rows.ts';
import {
  expectRule,
  issuePaths,
  loginOrgActors,
  type OrgActor,
  seedOrgActors,
} from '../../testing/fixtures/orgs.ts';
import { seedTree, type Tree } from '../../testing/fixtures.ts';
import { startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

let t: TestApp;
let tree: Tree;
let as: Record<OrgActor, TestClient>;

beforeAll(async () => {
  t = await startTestApp();
  tree = await seedTree(t.deps.db);
  await seedOrgActors(t.deps.db, tree);
  as = await loginOrgActors(t);
});
afterAll(() => t.close());

const dissolve = (c: TestClient, id: number, body: Record<string, unknown>) =>
  c.post(`/api/orgs/${id}/dissolve`, {
    version: 1,
    dissolvedOn: '2026-06-01',
    reason: '小区拆迁，党员转出',
    ...body,
  });

describe('POST /api/orgs/:id/dissolve', () => {
  it('answers 401 without a session, 403 to a secretary, 404 out of scope', async () => {
    expect((await dissolve(t.anon, tree.groupA1.id, {})).statusCode).toBe(401);
    expect((await dissolve(as.sec_a1, tree.groupA1.id, {})).statusCode).toBe(403);
    expect((await dissolve(as.admin_b, tree.groupA1.id, {})).statusCode).toBe(404);
  });

  it('answers 400 with field paths', async () => {
    const res = await as.admin_a.post(`/api/orgs/${tree.groupA1.id}/dissolve`, {
      version: 1,
      dissolvedOn: '2026/06/01',
      reason: '',
    });
    expect(issuePaths(res)).toEqual(expect.arrayContaining(['body.dissolvedOn', 'body.reason']));
  });

  it('refuses while children are not dissolved, and refuses the root', async () => {
    const res = await dissolve(as.admin_a, tree.branchA1.id, {});
    expectRule(res, 'has_active_children');
    expect(res.json().error.details.activeChildCount).toBe(1);
    expectRule(await dissolve(as.city_admin, tree.root.id, {}), 'root_cannot_dissolve');
  });

  it.each([
    ['in the future', '2026-06-16', 'dissolved_in_future'],
    ['before the founding', '2019-12-31', 'dissolved_before_established'],
  ])('refuses a date %s', async (_, dissolvedOn, reason) => {
    expectRule(await dissolve(as.admin_a, tree.groupA1.id, { dissolvedOn }), reason);
  });

  it('dissolves with the date and reason, ends the posts held then, and keeps the history', async () => {
    const [held] = await t.deps.db
      .insert(leadershipPosts)
      .values({
        orgId: tree.groupA1.id,
        post: 'group_leader',
        holderName: '李组长',
        startedOn: '2024-01-01',
      })
      .returning();
    const [former] = await t.deps.db
      .insert(leadershipPosts)
      .values({
        orgId: tree.groupA1.id,
        post: 'group_leader',
        holderName: '王组长',
        startedOn: '2019-01-01',
        leftOn: '2023-12-31',
        leftReason: '换届',
      })
      .returning();
    const res = await dissolve(as.admin_a, tree.groupA1.id, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      dissolvedOn: '2026-06-01',
      dissolutionReason: '小区拆迁，党员转出',
      version: 2,
      findings: [],
    });
    expect(res.json().leadership).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: held?.id,
          leftOn: '2026-06-01',
          leftReason: '组织撤销',
          active: false,
        }),
        expect.objectContaining({ id: former?.id, leftOn: '2023-12-31', leftReason: '换届' }),
      ]),
    );
    // Never deleted: the org is still there, and still readable.
    const [row] = await t.deps.db.select().from(orgs).where(eq(orgs.id, tree.groupA1.id));
    expect(row?.dissolvedOn).toBe('2026-06-01');
    expect((await as.sec_a1.get(`/api/orgs/${tree.groupA1.id}`)).statusCode).toBe(200);

    const events = await t.deps.db.select().from(orgEvents).where(eq(orgEvents.orgId, tree.groupA1.id));
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'dissolved',
        effectiveOn: '2026-06-01',
        details: { reason: '小区拆迁，党员转出', endedPostIds: [held?.id] },
      }),
    ]);
    const [audit] = await auditRows(t.deps.db, 'org.dissolve');
    expect(audit).toMatchObject({
      entityId: String(tree.groupA1.id),
      orgId: tree.groupA1.id,
      role: 'org_admin',
    });
    expect(audit?.diff).toMatchObject({ after: { dissolvedOn: '2026-06-01' } });
    const [ended] = await auditRows(t.deps.db, 'leadership.end');
    expect(ended).toMatchObject({ entityId: String(held?.id), orgId: tree.groupA1.id });
  });

  it('leaves the dissolved org out of the tree, and then lets its parent be dissolved', async () => {
    const children = (await as.admin_a.get(`/api/orgs/${tree.branchA1.id}/children`)).json();
    expect(children).toEqual([]);
    const withDissolved = (
      await as.admin_a.get(`/api/orgs/${tree.branchA1.id}/children?includeDissolved=1`)
    ).json();
    expect(withDissolved).toEqual([
      expect.objectContaining({ id: tree.groupA1.id, dissolvedOn: '2026-06-01' }),
    ]);
    expect((await dissolve(as.admin_a, tree.branchA1.id, {})).statusCode).toBe(200);
  });

  it('answers 409 for a stale version and refuses dissolving twice', async () => {
    const stale = await dissolve(as.admin_a, tree.groupA1.id, { version: 1 });
    expect(stale.statusCode).toBe(409);
    expectRule(await dissolve(as.admin_a, tree.groupA1.id, { version: 2 }), 'already_dissolved');
  });

  it('refuses to set up anything under a dissolved org', async () => {
    const res = await as.admin_a.post('/api/orgs', {
      parentId: tree.branchA1.id,
      name: '新党小组',
      kind: 'group',
      sector: 'community',
      establishedOn: '2026-06-10',
    });
    expectRule(res, 'org_dissolved');
  });
});
