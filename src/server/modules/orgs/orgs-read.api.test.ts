import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  insertTermWithPosts,
  issuePaths,
  loginOrgActors,
  type OrgActor,
  seedOrgActors,
} from '../../testing/fixtures/orgs.ts';
import { insertOrg, seedTree, type Tree } from '../../testing/fixtures.ts';
import { startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

let t: TestApp;
let tree: Tree;
let as: Record<OrgActor, TestClient>;
let dissolvedId: number;

beforeAll(async () => {
  t = await startTestApp();
  tree = await seedTree(t.deps.db);
  await seedOrgActors(t.deps.db, tree);
  as = await loginOrgActors(t);
  const dissolved = await insertOrg(t.deps.db, tree.streetA, '已撤销社区党委', 'committee', 'community', {
    dissolvedOn: '2024-01-01',
    dissolutionReason: '社区合并',
  });
  dissolvedId = dissolved.id;
  await insertTermWithPosts(
    t.deps.db,
    tree.communityA1.id,
    { electedOn: '2022-01-10', endsOn: '2027-01-10' },
    [{ post: 'secretary', holderName: '张书记' }],
  );
});
afterAll(() => t.close());

describe('GET /api/orgs/roots', () => {
  it('answers 401 without a session', async () => {
    expect((await t.anon.get('/api/orgs/roots')).statusCode).toBe(401);
  });

  it('answers 403 to a role that may not read orgs at all (审计管理员)', async () => {
    const res = await as.auditor.get('/api/orgs/roots');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });

  it.each<[OrgActor, string[]]>([
    ['city_admin', ['测试市委']],
    ['admin_a', ['甲区委']],
    ['sec_a1', ['和平社区党委']],
  ])('answers the top of the scope of %s', async (actor, names) => {
    const res = await as[actor].get('/api/orgs/roots');
    expect(res.statusCode).toBe(200);
    expect(res.json().map((o: { name: string }) => o.name)).toEqual(names);
  });

  it('counts only the children that are not dissolved', async () => {
    const [districtA] = (await as.admin_a.get('/api/orgs/roots')).json();
    expect(districtA).toMatchObject({ id: tree.districtA.id, kind: 'local_committee', childCount: 1 });
  });
});

describe('GET /api/orgs/:id/children', () => {
  it('answers 401 without a session', async () => {
    expect((await t.anon.get(`/api/orgs/${tree.streetA.id}/children`)).statusCode).toBe(401);
  });

  it.each<[OrgActor, keyof Tree]>([
    ['admin_b', 'streetA'],
    ['sec_a1', 'communityA2'],
    ['sec_b1', 'communityA1'],
  ])('answers 404 when %s opens %s, outside their scope', async (actor, org) => {
    const res = await as[actor].get(`/api/orgs/${tree[org].id}/children`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('answers 404 for an org that does not exist', async () => {
    expect((await as.city_admin.get('/api/orgs/999999/children')).statusCode).toBe(404);
  });

  it('lists the direct children, leaving out the dissolved ones unless asked', async () => {
    const res = await as.admin_a.get(`/api/orgs/${tree.streetA.id}/children`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      expect.objectContaining({ name: '和平社区党委', parentId: tree.streetA.id, childCount: 1 }),
      expect.objectContaining({ name: '幸福社区党委', childCount: 1 }),
    ]);
    const all = (await as.admin_a.get(`/api/orgs/${tree.streetA.id}/children?includeDissolved=true`)).json();
    expect(all.map((o: { id: number }) => o.id)).toContain(dissolvedId);
    expect(all.find((o: { id: number }) => o.id === dissolvedId).dissolvedOn).toBe('2024-01-01');
  });

  it('sorts by kind from the top down', async () => {
    const extra = await insertOrg(t.deps.db, tree.communityA2, '幸福社区第二党总支', 'general_branch');
    const res = await as.admin_a.get(`/api/orgs/${tree.communityA2.id}/children`);
    expect(res.json().map((o: { id: number }) => o.id)).toEqual([extra.id, tree.branchA2.id]);
  });

  it('answers 400 with field paths for a malformed id or flag', async () => {
    expect(issuePaths(await as.admin_a.get('/api/orgs/abc/children'))).toEqual(['params.id']);
    expect(
      issuePaths(await as.admin_a.get(`/api/orgs/${tree.streetA.id}/children?includeDissolved=maybe`)),
    ).toEqual(['querystring.includeDissolved']);
  });
});

describe('GET /api/orgs/:id', () => {
  it('answers 401 without a session', async () => {
    expect((await t.anon.get(`/api/orgs/${tree.branchA1.id}`)).statusCode).toBe(401);
  });

  it.each<[OrgActor, keyof Tree]>([
    ['admin_b', 'branchA1'],
    ['sec_a1', 'branchA2'],
    ['admin_a', 'root'],
  ])('answers 404 when %s opens %s, outside their scope', async (actor, org) => {
    expect((await as[actor].get(`/api/orgs/${tree[org].id}`)).statusCode).toBe(404);
  });

  it('answers 400 for a malformed id', async () => {
    expect(issuePaths(await as.admin_a.get('/api/orgs/0'))).toEqual(['params.id']);
  });

  it('shows the ancestors, saying which the actor may open', async () => {
    const res = await as.sec_a1.get(`/api/orgs/${tree.branchA1.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: tree.branchA1.id,
      path: tree.branchA1.path,
      kind: 'branch',
      childCount: 1,
      ancestors: [
        { id: tree.root.id, name: '测试市委', inScope: false },
        { id: tree.districtA.id, name: '甲区委', inScope: false },
        { id: tree.streetA.id, name: '甲一街道党工委', inScope: false },
        { id: tree.communityA1.id, name: '和平社区党委', inScope: true },
      ],
    });
  });

  it('tells a secretary they may record leadership but not manage the org', async () => {
    const sec = (await as.sec_a1.get(`/api/orgs/${tree.communityA1.id}`)).json();
    expect(sec.can).toEqual({ manage: false, manageLeadership: true });
    const admin = (await as.admin_a.get(`/api/orgs/${tree.communityA1.id}`)).json();
    expect(admin.can).toEqual({ manage: true, manageLeadership: true });
    const security = (await as.security.get(`/api/orgs/${tree.communityA1.id}`)).json();
    expect(security.can).toEqual({ manage: false, manageLeadership: false });
  });

  it('shows leadership, findings and the default term of a community org', async () => {
    const org = (await as.sec_a1.get(`/api/orgs/${tree.communityA1.id}`)).json();
    expect(org.defaultTermYears).toBe(5);
    expect(org.leadership).toEqual([
      expect.objectContaining({
        post: 'secretary',
        holderName: '张书记',
        active: true,
        endsOn: '2027-01-10',
      }),
    ]);
    expect(org.findings).toEqual([]);
    const branch = (await as.sec_a1.get(`/api/orgs/${tree.branchA1.id}`)).json();
    expect(branch.findings).toEqual([
      expect.objectContaining({ kind: 'head_vacant', severity: 'critical', date: '2020-01-01' }),
    ]);
  });
});

describe('GET /api/orgs/:id/events', () => {
  it('answers 401 without a session', async () => {
    expect((await t.anon.get(`/api/orgs/${tree.branchA1.id}/events`)).statusCode).toBe(401);
  });

  it('answers 404 out of scope', async () => {
    expect((await as.sec_b1.get(`/api/orgs/${tree.branchA1.id}/events`)).statusCode).toBe(404);
  });

  it('answers 400 for a malformed id', async () => {
    expect(issuePaths(await as.admin_a.get('/api/orgs/-3/events'))).toEqual(['params.id']);
  });

  it('answers the history, oldest first', async () => {
    const created = await as.admin_a.post('/api/orgs', {
      parentId: tree.communityA1.id,
      name: '和平社区第二党支部',
      kind: 'branch',
      sector: 'community',
      establishedOn: '2026-03-01',
    });
    const id = created.json().id;
    await as.admin_a.patch(`/api/orgs/${id}`, { version: 1, name: '和平社区第二党支部（老干部）' });
    const events = (await as.sec_a1.get(`/api/orgs/${id}/events`)).json();
    expect(events.map((e: { kind: string }) => e.kind)).toEqual(['established', 'updated']);
    expect(events[0]).toMatchObject({ effectiveOn: '2026-03-01', details: { name: '和平社区第二党支部' } });
    expect(events[1]).toMatchObject({ effectiveOn: '2026-06-15' });
  });
});
