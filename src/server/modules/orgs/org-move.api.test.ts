import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgEvents, orgs } from '../../db/tables/orgs.ts';
import { auditRows } from '../../testing/audit-rows.ts';
import {
  expectRule,
  issuePaths,
  loginOrgActors,
  type OrgActor,
  seedOrgActors,
} from '../../testing/fixtures/orgs.ts';
import {
  createUser,
  type FixtureOrg,
  insertOrg,
  seedTree,
  TEST_PASSWORD,
  type Tree,
} from '../../testing/fixtures.ts';
import { loginAs, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

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

async function versionOf(id: number): Promise<number> {
  const [row] = await t.deps.db.select({ version: orgs.version }).from(orgs).where(eq(orgs.id, id));
  return row?.version ?? 0;
}
async function pathOf(id: number): Promise<string> {
  const [row] = await t.deps.db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, id));
  return row?.path ?? '';
}

describe('POST /api/orgs/:id/move', () => {
  it('answers 401 without a session', async () => {
    const res = await t.anon.post(`/api/orgs/${tree.branchA1.id}/move`, {
      parentId: tree.communityA2.id,
      version: 1,
    });
    expect(res.statusCode).toBe(401);
  });

  it('answers 403 to a secretary', async () => {
    const res = await as.sec_a1.post(`/api/orgs/${tree.branchA1.id}/move`, {
      parentId: tree.communityA2.id,
      version: 1,
    });
    expect(res.statusCode).toBe(403);
  });

  it('answers 404 when the org or the new parent lies outside the scope', async () => {
    const outOrg = await as.admin_b.post(`/api/orgs/${tree.branchA1.id}/move`, {
      parentId: tree.communityB1.id,
      version: 1,
    });
    expect(outOrg.statusCode).toBe(404);
    const outParent = await as.admin_a.post(`/api/orgs/${tree.branchA1.id}/move`, {
      parentId: tree.communityB1.id,
      version: 1,
    });
    expect(outParent.statusCode).toBe(404);
    expect(await pathOf(tree.branchA1.id)).toBe(tree.branchA1.path);
  });

  it('answers 400 with field paths', async () => {
    const res = await as.admin_a.post(`/api/orgs/${tree.branchA1.id}/move`, { parentId: 'x' });
    expect(issuePaths(res)).toEqual(expect.arrayContaining(['body.parentId', 'body.version']));
  });

  it('refuses to move an org under itself or its own descendants', async () => {
    const v = await versionOf(tree.communityA1.id);
    for (const target of [tree.communityA1, tree.branchA1, tree.groupA1]) {
      const res = await as.admin_a.post(`/api/orgs/${tree.communityA1.id}/move`, {
        parentId: target.id,
        version: v,
      });
      expectRule(res, 'move_into_own_subtree');
    }
  });

  it('refuses to move the top of the deployment', async () => {
    const res = await as.city_admin.post(`/api/orgs/${tree.root.id}/move`, {
      parentId: tree.districtA.id,
      version: 1,
    });
    expectRule(res, 'root_cannot_move');
  });

  it('refuses a parent the nesting rules do not allow', async () => {
    const v = await versionOf(tree.communityA1.id);
    const res = await as.admin_a.post(`/api/orgs/${tree.communityA1.id}/move`, {
      parentId: tree.branchA2.id,
      version: v,
    });
    expectRule(res, 'nesting_not_allowed');
  });

  it('moves the whole subtree: every descendant gets its new path; history and audit are written', async () => {
    const v = await versionOf(tree.communityA1.id);
    const res = await as.city_admin.post(`/api/orgs/${tree.communityA1.id}/move`, {
      parentId: tree.streetB.id,
      version: v,
    });
    expect(res.statusCode, res.body).toBe(200);
    const moved = `${tree.streetB.path}.${tree.communityA1.id}`;
    expect(res.json()).toMatchObject({ parentId: tree.streetB.id, path: moved, version: v + 1 });
    expect(await pathOf(tree.branchA1.id)).toBe(`${moved}.${tree.branchA1.id}`);
    expect(await pathOf(tree.groupA1.id)).toBe(`${moved}.${tree.branchA1.id}.${tree.groupA1.id}`);
    expect(await pathOf(tree.communityA2.id)).toBe(tree.communityA2.path);

    const [event] = await t.deps.db.select().from(orgEvents).where(eq(orgEvents.orgId, tree.communityA1.id));
    expect(event).toMatchObject({
      kind: 'moved',
      effectiveOn: '2026-06-15',
      details: {
        from: { parentId: tree.streetA.id, parentName: tree.streetA.name },
        to: { parentId: tree.streetB.id, parentName: tree.streetB.name },
        subtreeSize: 3,
      },
    });
    const [audit] = await auditRows(t.deps.db, 'org.move');
    expect(audit).toMatchObject({
      entityId: String(tree.communityA1.id),
      orgId: tree.communityA1.id,
      role: 'org_admin',
    });
    expect(audit?.diff).toMatchObject({
      before: { parentId: tree.streetA.id, path: tree.communityA1.path },
      after: { parentId: tree.streetB.id, path: moved },
    });
  });

  it('moves the scope with the subtree: the district admins now see it on the other side', async () => {
    expect((await as.admin_a.get(`/api/orgs/${tree.groupA1.id}`)).statusCode).toBe(404);
    expect((await as.admin_b.get(`/api/orgs/${tree.groupA1.id}`)).statusCode).toBe(200);
    // The community's own secretary keeps their subtree wherever it sits.
    const sec = await loginAs(t, 'sec_a1', TEST_PASSWORD);
    expect((await sec.get(`/api/orgs/${tree.groupA1.id}`)).statusCode).toBe(200);
  });

  it('answers 409 for a stale version', async () => {
    const res = await as.city_admin.post(`/api/orgs/${tree.communityA1.id}/move`, {
      parentId: tree.streetA.id,
      version: 1,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('stale_version');
  });

  it('refuses to move under the parent it already has, or under a dissolved org', async () => {
    const v = await versionOf(tree.branchA2.id);
    const same = await as.admin_a.post(`/api/orgs/${tree.branchA2.id}/move`, {
      parentId: tree.communityA2.id,
      version: v,
    });
    expectRule(same, 'already_under_parent');
    const gone = await insertOrg(t.deps.db, tree.streetA, '旧社区党委', 'committee', 'community', {
      dissolvedOn: '2025-01-01',
    });
    const res = await as.admin_a.post(`/api/orgs/${tree.branchA2.id}/move`, {
      parentId: gone.id,
      version: v,
    });
    expectRule(res, 'org_dissolved');
  });

  it('lets an actor with two scope roots move between them', async () => {
    await createUser(t.deps.db, {
      username: 'two_streets',
      orgId: tree.streetA.id,
      roles: [{ role: 'org_admin' }, { role: 'org_admin', orgId: tree.streetB.id }],
    });
    const c = await loginAs(t, 'two_streets', TEST_PASSWORD);
    const v = await versionOf(tree.communityA2.id);
    const res = await c.post(`/api/orgs/${tree.communityA2.id}/move`, {
      parentId: tree.streetB.id,
      version: v,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await pathOf(tree.branchA2.id)).toBe(
      `${tree.streetB.path}.${tree.communityA2.id}.${tree.branchA2.id}`,
    );
  });
});

describe('concurrent moves of overlapping subtrees', () => {
  it('never answer 500: a deadlock victim is retried', async () => {
    const streets = [];
    for (let i = 0; i < 3; i++) {
      streets.push(
        await insertOrg(
          t.deps.db,
          tree.districtA,
          `并发${i + 1}街道党工委`,
          'working_committee',
          'government',
        ),
      );
    }
    const communities = [];
    const branches = [];
    for (let i = 0; i < 4; i++) {
      const c = await insertOrg(t.deps.db, streets[i % 3] as FixtureOrg, `并发${i + 1}社区党委`, 'committee');
      communities.push(c);
      for (let j = 0; j < 3; j++) {
        const b = await insertOrg(t.deps.db, c, `并发${i + 1}社区第${j + 1}党支部`, 'branch');
        for (let g = 0; g < 3; g++)
          await insertOrg(t.deps.db, b, `并发${i + 1}-${j + 1}第${g + 1}党小组`, 'group');
        branches.push(b);
      }
    }
    const statuses: number[] = [];
    for (let round = 0; round < 15; round++) {
      const pick = <T>(list: readonly T[], k: number) => list[(round * 7 + k * 3) % list.length] as T;
      const moves = [
        [pick(communities, 0), pick(streets, 1)],
        [pick(branches, 0), pick(communities, 1)],
        [pick(branches, 1), pick(communities, 2)],
        [pick(communities, 3), pick(streets, 2)],
      ] as const;
      const versions = await Promise.all(moves.map(([org]) => versionOf(org.id)));
      const answers = await Promise.all(
        moves.map(([org, parent], i) =>
          as.city_admin.post(`/api/orgs/${org.id}/move`, { parentId: parent.id, version: versions[i] }),
        ),
      );
      statuses.push(...answers.map((a) => a.statusCode));
    }
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
  });
});
