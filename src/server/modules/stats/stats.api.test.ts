import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StatsMember } from '../../../domain/membership/index.ts';
import { ORG_KINDS } from '../../../domain/org/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { queryRows } from '../../db/client.ts';
import { orgs } from '../../db/tables/orgs.ts';
import { loginOrgActors, type OrgActor, seedOrgActors } from '../../testing/fixtures/orgs.ts';
import { expectedFor, type RosterMember, vectorOfView, writeMembers } from '../../testing/fixtures/stats.ts';
import { createUser, insertOrg, seedTree, TEST_PASSWORD, type Tree } from '../../testing/fixtures.ts';
import { loginAs, startTestApp, TEST_NOW, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { readAgeAsOf } from './rollup.repo.ts';
import { refreshSubtrees } from './subtree.service.ts';

let t: TestApp;
let tree: Tree;
let as: Record<OrgActor, TestClient>;
let roster: RosterMember[];
let paths: Map<number, string>;
const TODAY = '2026-06-15';

const base: Omit<StatsMember, 'orgId'> = {
  status: 'full',
  gender: 'male',
  ethnicity: '01',
  birthDate: '1980-03-01',
  education: '21',
  workPost: '502',
  admittedOn: '2005-07-01',
  category: 'retired',
  isMobile: false,
  isHardship: false,
};

/**
 * Today is 2026-06-15. In 和平社区第一党支部: 王 turns 31 on 2026-06-20 and 李 turns 61 on 2026-06-16; a
 * 回族 woman in its 党小组; a member who left (not counted). In 幸福社区: one 91 其他族 member, mobile.
 */
beforeAll(async () => {
  t = await startTestApp();
  tree = await seedTree(t.deps.db);
  await seedOrgActors(t.deps.db, tree);
  as = await loginOrgActors(t);
  await insertOrg(t.deps.db, tree.communityA1, '已撤销的党支部', 'branch', 'community', {
    dissolvedOn: '2025-01-01',
  });
  roster = [
    { ...base, orgId: tree.branchA1.id, birthDate: '1995-06-20', category: 'employed', workPost: '0212' },
    { ...base, orgId: tree.branchA1.id, birthDate: '1965-06-16', status: 'probationary' },
    { ...base, orgId: tree.groupA1.id, gender: 'female', ethnicity: '03', education: '22', isHardship: true },
    { ...base, orgId: tree.branchA1.id, status: 'left' },
    { ...base, orgId: tree.branchA2.id, ethnicity: '91', isMobile: true, education: null, birthDate: null },
  ];
  await writeMembers(t, roster);
  paths = new Map((await t.deps.db.select().from(orgs)).map((o) => [o.id, o.path]));
});
afterAll(() => t.close());
afterEach(() => t.clock.set(TEST_NOW));

async function statsOn(day: IsoDate, orgId: number) {
  t.clock.set(new Date(`${day}T01:00:00Z`));
  const client = await loginAs(t, 'city_admin', TEST_PASSWORD);
  const res = await client.get(`/api/orgs/${orgId}/stats`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const band = (view: { byAgeBand: { key: string; count: number }[] }) =>
  Object.fromEntries(view.byAgeBand.filter((b) => b.count > 0).map((b) => [b.key, b.count]));

describe('GET /api/orgs/:id/stats', () => {
  it('answers 401 without a session, 403 to roles that read no orgs, 404 outside the scope', async () => {
    const url = `/api/orgs/${tree.communityA1.id}/stats`;
    expect((await t.anon.get(url)).statusCode).toBe(401);
    expect((await as.auditor.get(url)).statusCode).toBe(403);
    // The security and system administrators read the org tree, but member statistics are party data.
    expect((await as.security.get(url)).statusCode).toBe(403);
    await createUser(t.deps.db, {
      username: 'sysadmin',
      orgId: tree.root.id,
      roles: [{ role: 'system_admin' }],
    });
    expect((await (await loginAs(t, 'sysadmin', TEST_PASSWORD)).get(url)).statusCode).toBe(403);
    expect((await as.member_a1.get(url)).statusCode).toBe(403);
    expect((await as.admin_b.get(url)).statusCode).toBe(404);
    expect((await as.sec_a1.get(`/api/orgs/${tree.communityA2.id}/stats`)).statusCode).toBe(404);
    expect((await as.city_admin.get('/api/orgs/999999/stats')).statusCode).toBe(404);
    expect((await as.sec_a1.get(url)).statusCode).toBe(200);
  });

  it('shows the subtree in the official breakdowns, with Chinese labels, org counts and children', async () => {
    const view = (await as.admin_a.get(`/api/orgs/${tree.streetA.id}/stats`)).json();
    expect(view).toMatchObject({
      org: { id: tree.streetA.id, name: '甲一街道党工委', kind: 'working_committee' },
      asOf: '2026-06-15',
      memberCount: 4,
      ownMemberCount: 0,
      collegeOrAbove: 3,
      mobile: 1,
      hardship: 1,
      orgCounts: { working_committee: 1, committee: 2, branch: 2, group: 1, local_committee: 0 },
    });
    expect(view.byEthnicity).toEqual([
      { key: 'han', label: '汉族', count: 2 },
      { key: 'minority', label: '少数民族', count: 1 },
      { key: 'other', label: '其他', count: 1 },
      { key: 'unknown', label: '未知', count: 0 },
    ]);
    // 停止党籍 is outside 党员总数, a figure of its own (docs/membership.md §1).
    expect(view.byStatus.map((b: { label: string }) => b.label)).toEqual([
      '预备党员',
      '正式党员',
      '失联党员',
    ]);
    expect(view.suspendedCount).toBe(0);
    expect(view.byWorkPost.find((b: { key: string }) => b.key === 'retired')).toMatchObject({
      label: '离退休人员',
      count: 3,
    });
    expect(view.byAdmissionPeriod[3]).toEqual({
      key: 'since_18th_congress',
      label: '党的十八大以来',
      count: 0,
    });
    expect(view.children).toEqual([
      expect.objectContaining({ org: expect.objectContaining({ name: '和平社区党委' }), memberCount: 3 }),
      expect.objectContaining({ org: expect.objectContaining({ name: '幸福社区党委' }), memberCount: 1 }),
    ]);
    const community = (await as.sec_a1.get(`/api/orgs/${tree.communityA1.id}/stats`)).json();
    // The dissolved branch holds nobody: it is not a child to drill into.
    expect(community.children.map((c: { org: { name: string } }) => c.org.name)).toEqual([
      '和平社区第一党支部',
    ]);
    const branch = (await as.sec_a1.get(`/api/orgs/${tree.branchA1.id}/stats`)).json();
    expect(branch).toMatchObject({
      memberCount: 3,
      ownMemberCount: 2,
      children: [{ memberCount: 1, female: 1 }],
    });
  });

  it('moves a member to the next age band on the birthday, day by day', async () => {
    expect(band(await statsOn('2026-06-15', tree.branchA1.id))).toEqual({
      '30_below': 1,
      '56_60': 1,
      '46_50': 1,
    });
    expect(band(await statsOn('2026-06-16', tree.branchA1.id))).toEqual({
      '30_below': 1,
      '61_above': 1,
      '46_50': 1,
    });
    expect(band(await statsOn('2026-06-20', tree.branchA1.id))).toEqual({
      '31_35': 1,
      '61_above': 1,
      '46_50': 1,
    });
    expect(await readAgeAsOf(t.deps.db)).toBe('2026-06-20');
  });

  it('recounts after a long gap, and when the clock is set back, and stays exact', async () => {
    for (const day of ['2027-03-01', '2031-06-19', '2026-06-15']) {
      const view = await statsOn(day, tree.root.id);
      expect(view.asOf).toBe(day);
      expect(vectorOfView(view)).toEqual(expectedFor(roster, paths, tree.root.path, day));
      expect(await readAgeAsOf(t.deps.db)).toBe(day);
    }
  });

  it('folds a long log of changes in before reading, with the same answer', async () => {
    const before = await statsOn('2026-06-15', tree.root.id);
    await t.deps.db.execute(
      sql`insert into org_stats_changes (org_id) select id from orgs, generate_series(1, 30)`,
    );
    expect(await pending()).toBeGreaterThan(200);
    expect(await statsOn('2026-06-15', tree.root.id)).toEqual(before);
    expect(await pending()).toBe(0);
  });
});

describe('subtree figures across a move', () => {
  it('follow a community and its members to another street, before and after the rollup is refreshed', async () => {
    await refreshSubtrees(t.deps.db);
    const { version } = (await as.city_admin.get(`/api/orgs/${tree.communityA1.id}`)).json();
    const moved = await as.city_admin.post(`/api/orgs/${tree.communityA1.id}/move`, {
      parentId: tree.streetB.id,
      version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const allOrgs = await t.deps.db.select().from(orgs);
    const now = new Map(allOrgs.map((o) => [o.id, o.path]));
    const check = async () => {
      for (const org of allOrgs) {
        const view = (await as.city_admin.get(`/api/orgs/${org.id}/stats`)).json();
        expect(vectorOfView(view), org.name).toEqual(expectedFor(roster, now, org.path, TODAY));
        expect(view.orgCounts, org.name).toEqual(countKinds(allOrgs, org.path));
      }
    };
    await check();
    await refreshSubtrees(t.deps.db);
    await check();
  });
});

function countKinds(all: { path: string; kind: string; dissolvedOn: string | null }[], path: string) {
  const inside = all.filter(
    (o) => o.dissolvedOn === null && (o.path === path || o.path.startsWith(`${path}.`)),
  );
  return Object.fromEntries(ORG_KINDS.map((k) => [k, inside.filter((o) => o.kind === k).length]));
}

async function pending(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    t.deps.db,
    sql`select count(*)::int as n from org_stats_changes`,
  );
  return row?.n ?? 0;
}
