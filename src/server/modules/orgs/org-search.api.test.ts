import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuePaths, loginOrgActors, type OrgActor, seedOrgActors } from '../../testing/fixtures/orgs.ts';
import { insertOrg, seedTree, type Tree } from '../../testing/fixtures.ts';
import { startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

let t: TestApp;
let tree: Tree;
let as: Record<OrgActor, TestClient>;

beforeAll(async () => {
  t = await startTestApp();
  tree = await seedTree(t.deps.db);
  await seedOrgActors(t.deps.db, tree);
  as = await loginOrgActors(t);
  await insertOrg(t.deps.db, tree.communityA1, '和平社区老干部党支部', 'branch', 'community', {
    dissolvedOn: '2025-12-31',
  });
});
afterAll(() => t.close());

type Item = { id: number; name: string; pathNames: string; kind: string };
const names = (items: Item[]) => items.map((i) => i.name);

describe('GET /api/orgs (search)', () => {
  it('answers 401 without a session and 403 to a role that reads no orgs', async () => {
    expect((await t.anon.get('/api/orgs?q=和平')).statusCode).toBe(401);
    expect((await as.auditor.get('/api/orgs?q=和平')).statusCode).toBe(403);
  });

  it('answers 404 for a subtree outside the scope', async () => {
    expect((await as.admin_b.get(`/api/orgs?rootId=${tree.streetA.id}`)).statusCode).toBe(404);
    expect((await as.sec_a1.get(`/api/orgs?rootId=${tree.communityA2.id}`)).statusCode).toBe(404);
  });

  it('answers 400 with field paths', async () => {
    const res = await as.admin_a.get(`/api/orgs?kind=club&page=0&rootId=abc&q=${'长'.repeat(101)}`);
    expect(issuePaths(res)).toEqual(
      expect.arrayContaining(['querystring.kind', 'querystring.page', 'querystring.rootId', 'querystring.q']),
    );
  });

  it('matches part of a Chinese name, upper levels first, without the dissolved', async () => {
    const res = await as.admin_a.get(`/api/orgs?q=${encodeURIComponent('和平')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(3);
    expect(names(res.json().items)).toEqual(['和平社区党委', '和平社区第一党支部', '和平社区第一党小组']);
    const middle = await as.admin_a.get(`/api/orgs?q=${encodeURIComponent('社区第一')}`);
    expect(names(middle.json().items)).toEqual([
      '和平社区第一党支部',
      '幸福社区第一党支部',
      '和平社区第一党小组',
    ]);
  });

  it('names the path from the top of the actor’s scope down to the parent', async () => {
    const [group] = (await as.admin_a.get(`/api/orgs?q=${encodeURIComponent('第一党小组')}`)).json().items;
    expect(group).toMatchObject({
      id: tree.groupA1.id,
      kind: 'group',
      childCount: 0,
      pathNames: '甲区委 / 甲一街道党工委 / 和平社区党委 / 和平社区第一党支部',
    });
    const [own] = (await as.sec_a1.get(`/api/orgs?q=${encodeURIComponent('第一党小组')}`)).json().items;
    expect(own.pathNames).toBe('和平社区党委 / 和平社区第一党支部');
    const [top] = (await as.sec_a1.get(`/api/orgs?q=${encodeURIComponent('和平社区党委')}`)).json().items;
    expect(top.pathNames).toBe('');
  });

  it('finds nothing outside the scope', async () => {
    expect((await as.admin_b.get(`/api/orgs?q=${encodeURIComponent('和平')}`)).json()).toEqual({
      items: [],
      total: 0,
    });
    const sec = (await as.sec_a1.get(`/api/orgs?q=${encodeURIComponent('社区')}`)).json();
    expect(names(sec.items)).toEqual(['和平社区党委', '和平社区第一党支部', '和平社区第一党小组']);
  });

  it('filters by kind and subtree, and includes the dissolved when asked', async () => {
    const branches = (await as.city_admin.get('/api/orgs?kind=branch')).json();
    expect(branches.total).toBe(3);
    const inA = (await as.city_admin.get(`/api/orgs?kind=branch&rootId=${tree.districtA.id}`)).json();
    expect(names(inA.items)).toEqual(['和平社区第一党支部', '幸福社区第一党支部']);
    const all = (
      await as.admin_a.get(`/api/orgs?q=${encodeURIComponent('老干部')}&includeDissolved=true`)
    ).json();
    expect(all.items).toEqual([
      expect.objectContaining({ name: '和平社区老干部党支部', dissolvedOn: '2025-12-31' }),
    ]);
  });

  it('pages with the total', async () => {
    const first = (await as.city_admin.get('/api/orgs?pageSize=5')).json();
    const second = (await as.city_admin.get('/api/orgs?pageSize=5&page=2')).json();
    const beyond = (await as.city_admin.get('/api/orgs?pageSize=5&page=9')).json();
    expect(first.total).toBe(12);
    expect(first.items).toHaveLength(5);
    expect(first.items[0].name).toBe('测试市委');
    expect(second.items.map((i: Item) => i.id)).not.toContain(first.items[0].id);
    expect(beyond).toEqual({ items: [], total: 12 });
  });

  it('takes % and _ literally', async () => {
    expect((await as.city_admin.get('/api/orgs?q=%25')).json().total).toBe(0);
    expect((await as.city_admin.get('/api/orgs?q=_')).json().total).toBe(0);
  });
});
