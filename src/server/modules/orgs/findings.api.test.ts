import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TERM_POLICY } from '../../../domain/org/index.ts';
import { leadershipPosts } from '../../db/tables/orgs.ts';
import { settings } from '../../db/tables/settings.ts';
import {
  insertTermWithPosts,
  issuePaths,
  loginOrgActors,
  type OrgActor,
  seedOrgActors,
} from '../../testing/fixtures/orgs.ts';
import { insertOrg, seedTree, TEST_PASSWORD, type Tree } from '../../testing/fixtures.ts';
import { loginAs, startTestApp, TEST_NOW, type TestApp, type TestClient } from '../../testing/test-app.ts';

let t: TestApp;
let tree: Tree;
let as: Record<OrgActor, TestClient>;

const secretary = { post: 'secretary' as const, holderName: '某书记' };

/**
 * Today is 2026-06-15. 和平社区第一党支部: term ended 2026-03-01. 幸福社区第一党支部: ends 2026-08-01 (within 3
 * months: urgent). 幸福社区党委: ends 2026-11-01 (within 6 months). 光明社区党委: 书记 left on 2026-05-01.
 * 光明社区第一党支部 has never had anyone. The levels above have no posts recorded: 区委 and 市委 are elected outside
 * the deployment and 党工委 appointed above, so by default none of them has a vacancy finding.
 */
beforeAll(async () => {
  t = await startTestApp();
  tree = await seedTree(t.deps.db);
  await seedOrgActors(t.deps.db, tree);
  as = await loginOrgActors(t);
  const db = t.deps.db;
  await insertTermWithPosts(db, tree.communityA1.id, { electedOn: '2023-01-01', endsOn: '2028-01-01' }, [
    secretary,
  ]);
  await insertTermWithPosts(db, tree.branchA1.id, { electedOn: '2021-03-01', endsOn: '2026-03-01' }, [
    secretary,
  ]);
  await db
    .insert(leadershipPosts)
    .values({ orgId: tree.groupA1.id, post: 'group_leader', holderName: '某组长', startedOn: '2023-01-01' });
  await insertTermWithPosts(db, tree.branchA2.id, { electedOn: '2021-08-01', endsOn: '2026-08-01' }, [
    secretary,
  ]);
  await insertTermWithPosts(db, tree.communityA2.id, { electedOn: '2021-11-01', endsOn: '2026-11-01' }, [
    secretary,
  ]);
  await insertTermWithPosts(db, tree.communityB1.id, { electedOn: '2023-01-01', endsOn: '2028-01-01' }, [
    { ...secretary, leftOn: '2026-05-01' },
    { post: 'deputy_secretary', holderName: '某副书记' },
  ]);
  await insertOrg(t.deps.db, tree.communityB1, '已撤销的党支部', 'branch', 'community', {
    dissolvedOn: '2025-01-01',
  });
});
afterAll(() => t.close());
afterEach(() => t.clock.set(TEST_NOW));

/** Moves the clock to 09:00 in Beijing on `day`, with a fresh session (the old ones would have expired). */
async function loginOn(day: string, username: OrgActor): Promise<TestClient> {
  t.clock.set(new Date(`${day}T01:00:00Z`));
  return loginAs(t, username, TEST_PASSWORD);
}

const summary = (items: { org: { name: string }; finding: { kind: string; severity: string } }[]) =>
  items.map((i) => `${i.org.name} ${i.finding.kind} ${i.finding.severity}`);

describe('GET /api/findings', () => {
  it('answers 401 without a session and 403 to a role that reads no orgs', async () => {
    expect((await t.anon.get('/api/findings')).statusCode).toBe(401);
    expect((await as.auditor.get('/api/findings')).statusCode).toBe(403);
  });

  it('answers 404 for a subtree outside the scope', async () => {
    expect((await as.sec_a1.get(`/api/findings?orgId=${tree.communityA2.id}`)).statusCode).toBe(404);
    expect((await as.admin_b.get(`/api/findings?orgId=${tree.streetA.id}`)).statusCode).toBe(404);
  });

  it('answers 400 with field paths', async () => {
    const res = await as.admin_a.get('/api/findings?kind=late&severity=bad&pageSize=500');
    expect(issuePaths(res)).toEqual(
      expect.arrayContaining(['querystring.kind', 'querystring.severity', 'querystring.pageSize']),
    );
  });

  it('looks in the whole scope by default, and nowhere else', async () => {
    const res = await as.sec_a1.get('/api/findings');
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(1);
    expect(res.json().items[0]).toMatchObject({
      org: { id: tree.branchA1.id, name: '和平社区第一党支部', kind: 'branch', pathNames: '和平社区党委' },
      finding: { kind: 'term_expired', severity: 'critical', date: '2026-03-01', days: 106 },
    });
  });

  it('derives expired, expiring and vacant, critical first and then by date', async () => {
    const res = await as.admin_a.get(`/api/findings?orgId=${tree.streetA.id}`);
    expect(summary(res.json().items)).toEqual([
      '和平社区第一党支部 term_expired critical',
      '幸福社区第一党支部 term_expiring critical',
      '幸福社区党委 term_expiring warning',
    ]);
    expect(res.json().items[0].org.pathNames).toBe('甲区委 / 甲一街道党工委 / 和平社区党委');
    expect(res.json().items[0].finding.message).toContain('任期已于2026-03-01届满');
    expect(res.json().items[2].finding).toMatchObject({ date: '2026-11-01', days: -139 });
  });

  it('counts a vacancy from the day the secretary left; critical after 90 days', async () => {
    const url = `/api/findings?orgId=${tree.communityB1.id}&kind=head_vacant`;
    const now = (await as.admin_b.get(url)).json().items;
    expect(summary(now)).toEqual([
      '光明社区第一党支部 head_vacant critical',
      '光明社区党委 head_vacant warning',
    ]);
    expect(now[1].finding).toMatchObject({ date: '2026-05-01', days: 45 });
    const later = await loginOn('2026-08-01', 'admin_b');
    const items = (await later.get(url)).json().items;
    expect(summary(items)).toEqual([
      '光明社区第一党支部 head_vacant critical',
      '光明社区党委 head_vacant critical',
    ]);
    expect(items[1].finding).toMatchObject({ date: '2026-05-01', days: 92 });
  });

  it('moves with the clock: an expiring term becomes urgent, then expired', async () => {
    const url = `/api/findings?orgId=${tree.communityA2.id}`;
    const autumn = await loginOn('2026-09-15', 'admin_a');
    expect(summary((await autumn.get(url)).json().items)).toEqual([
      '幸福社区第一党支部 term_expired critical',
      '幸福社区党委 term_expiring critical',
    ]);
    const earlier = await loginOn('2022-06-15', 'admin_a');
    expect((await earlier.get(url)).json().items).toEqual([]);
  });

  it('filters by kind and severity and pages, with the total', async () => {
    const all = (await as.city_admin.get('/api/findings?pageSize=200')).json();
    expect(all.total).toBe(all.items.length);
    expect(all.items.some((i: { org: { name: string } }) => i.org.name === '已撤销的党支部')).toBe(false);
    const critical = (await as.city_admin.get('/api/findings?severity=critical')).json();
    expect(
      critical.items.every((i: { finding: { severity: string } }) => i.finding.severity === 'critical'),
    ).toBe(true);
    expect(critical.total).toBe(3);
    const vacant = (await as.city_admin.get('/api/findings?severity=critical&kind=head_vacant')).json();
    expect(summary(vacant.items)).toEqual(['光明社区第一党支部 head_vacant critical']);
    const page2 = (await as.city_admin.get('/api/findings?severity=critical&page=2&pageSize=2')).json();
    expect(page2).toMatchObject({ total: 3 });
    expect(page2.items).toEqual(critical.items.slice(2, 3));
    const expiring = (await as.city_admin.get('/api/findings?kind=term_expiring')).json();
    expect(summary(expiring.items)).toEqual([
      '幸福社区第一党支部 term_expiring critical',
      '幸福社区党委 term_expiring warning',
    ]);
  });

  it('names the path from the top of each actor’s own scope', async () => {
    const city = (await as.city_admin.get(`/api/findings?orgId=${tree.branchA1.id}`)).json();
    expect(city.items[0].org.pathNames).toBe('测试市委 / 甲区委 / 甲一街道党工委 / 和平社区党委');
    const top = (
      await as.city_admin.get(`/api/findings?orgId=${tree.communityB1.id}&kind=head_vacant`)
    ).json();
    expect(top.items[0].org).toMatchObject({
      name: '光明社区第一党支部',
      pathNames: '测试市委 / 乙区委 / 乙一街道党工委 / 光明社区党委',
    });
  });
});

describe('head-vacancy findings by kind (docs/organizations.md §8)', () => {
  const vacant = async (orgId: number) =>
    summary(
      (await as.city_admin.get(`/api/findings?orgId=${orgId}&kind=head_vacant&pageSize=200`)).json().items,
    );

  afterEach(async () => {
    await t.deps.db.delete(settings);
  });

  it('leaves out the 地方党委 and 党工委 by default, and follows the configured kinds', async () => {
    expect(await vacant(tree.root.id)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/市委|区委|党工委/)]),
    );
    await t.deps.db.insert(settings).values({
      key: 'org',
      value: { ...DEFAULT_TERM_POLICY, followedKinds: ['working_committee', 'branch'] },
    });
    const items = (await as.city_admin.get(`/api/findings?orgId=${tree.root.id}&kind=head_vacant`)).json()
      .items;
    expect(summary(items)).toEqual([
      '甲一街道党工委 head_vacant critical',
      '乙一街道党工委 head_vacant critical',
      '光明社区第一党支部 head_vacant critical',
    ]);
    expect(items[0].finding.message).toContain('应由上级党委及时任命');
    expect(items[0].finding.message).not.toContain('选举');
    expect(items[2].finding.article).toContain('支部工作条例第二十一条');
  });

  it('asks the branch to designate a 党小组长, citing 第十三条 and no election', async () => {
    const group = await insertOrg(t.deps.db, tree.branchB1, '光明社区第一党小组', 'group', 'community', {
      establishedOn: '2026-05-01',
    });
    const [f] = (await as.admin_b.get(`/api/findings?orgId=${group.id}`)).json().items;
    expect(f.finding).toMatchObject({ kind: 'head_vacant', article: '支部工作条例第十三条', days: 45 });
    expect(f.finding.message).toBe('党小组长自2026-05-01起空缺45天，应由党支部及时指定党小组长');
  });
});
