import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { leadershipPosts } from '../../db/tables/orgs.ts';
import { issuePaths, loginOrgActors, type OrgActor, seedOrgActors } from '../../testing/fixtures/orgs.ts';
import { insertOrg, seedTree, TEST_PASSWORD, type Tree } from '../../testing/fixtures.ts';
import { loginAs, startTestApp, TEST_NOW, type TestApp, type TestClient } from '../../testing/test-app.ts';

let t: TestApp;
let tree: Tree;
let as: Record<OrgActor, TestClient>;

type Post = typeof leadershipPosts.$inferInsert;
const post = (orgId: number, extra: Partial<Post> = {}): Post => ({
  orgId,
  post: 'secretary',
  holderName: '某书记',
  startedOn: '2023-01-01',
  endsOn: '2028-01-01',
  ...extra,
});

/**
 * Today is 2026-06-15. 和平社区第一党支部: term ended 2026-03-01. 幸福社区第一党支部: ends 2026-08-01 (within 3
 * months: urgent). 幸福社区党委: ends 2026-11-01 (within 6 months). 光明社区党委: 书记 left on 2026-05-01.
 * 光明社区第一党支部 has never had anyone. The levels above have no posts recorded (vacant since 2020-01-01).
 */
beforeAll(async () => {
  t = await startTestApp();
  tree = await seedTree(t.deps.db);
  await seedOrgActors(t.deps.db, tree);
  as = await loginOrgActors(t);
  await t.deps.db
    .insert(leadershipPosts)
    .values([
      post(tree.communityA1.id),
      post(tree.branchA1.id, { startedOn: '2021-03-01', endsOn: '2026-03-01' }),
      post(tree.groupA1.id, { post: 'group_leader' }),
      post(tree.branchA2.id, { startedOn: '2021-08-01', endsOn: '2026-08-01' }),
      post(tree.communityA2.id, { startedOn: '2021-11-01', endsOn: '2026-11-01' }),
      post(tree.communityB1.id, { leftOn: '2026-05-01', leftReason: '调离' }),
      post(tree.communityB1.id, { post: 'deputy_secretary' }),
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
      '甲一街道党工委 head_vacant critical',
      '和平社区第一党支部 term_expired critical',
      '幸福社区第一党支部 term_expiring critical',
      '幸福社区党委 term_expiring warning',
    ]);
    expect(res.json().items[1].org.pathNames).toBe('甲区委 / 甲一街道党工委 / 和平社区党委');
    expect(res.json().items[1].finding.message).toContain('任期已于2026-03-01届满');
    expect(res.json().items[3].finding).toMatchObject({ date: '2026-11-01', days: -139 });
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
    const critical = (await as.city_admin.get('/api/findings?severity=critical&kind=head_vacant')).json();
    expect(
      critical.items.every(
        (i: { finding: { kind: string; severity: string } }) =>
          i.finding.kind === 'head_vacant' && i.finding.severity === 'critical',
      ),
    ).toBe(true);
    expect(critical.total).toBe(6);
    const page2 = (
      await as.city_admin.get('/api/findings?severity=critical&kind=head_vacant&page=2&pageSize=4')
    ).json();
    expect(page2).toMatchObject({ total: 6 });
    expect(page2.items).toEqual(critical.items.slice(4, 6));
    const expiring = (await as.city_admin.get('/api/findings?kind=term_expiring')).json();
    expect(summary(expiring.items)).toEqual([
      '幸福社区第一党支部 term_expiring critical',
      '幸福社区党委 term_expiring warning',
    ]);
  });

  it('names the path from the top of each actor’s own scope', async () => {
    const city = (await as.city_admin.get(`/api/findings?orgId=${tree.branchA1.id}`)).json();
    expect(city.items[0].org.pathNames).toBe('测试市委 / 甲区委 / 甲一街道党工委 / 和平社区党委');
    const root = (await as.city_admin.get(`/api/findings?orgId=${tree.root.id}&kind=head_vacant`)).json();
    expect(root.items[0].org).toMatchObject({ name: '测试市委', pathNames: '' });
  });
});
