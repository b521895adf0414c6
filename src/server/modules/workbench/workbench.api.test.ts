import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadershipPosts } from '../../db/tables/orgs.ts';
import { users } from '../../db/tables/users.ts';
import {
  insertTermWithPosts,
  loginOrgActors,
  type OrgActor,
  seedOrgActors,
} from '../../testing/fixtures/orgs.ts';
import { createUser, insertOrg, seedTree, type Tree } from '../../testing/fixtures.ts';
import { startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

let t: TestApp;
let tree: Tree;
let as: Record<OrgActor, TestClient>;

/**
 * 和平社区党委 and its branch and group are fully staffed, the branch's term having ended on 2026-03-01;
 * 光明社区党委 gets 12 new branches nobody has led yet, more than the workbench lists.
 */
beforeAll(async () => {
  t = await startTestApp();
  tree = await seedTree(t.deps.db);
  await seedOrgActors(t.deps.db, tree);
  as = await loginOrgActors(t);
  const head = { post: 'secretary' as const, holderName: '某人' };
  await insertTermWithPosts(
    t.deps.db,
    tree.communityA1.id,
    { electedOn: '2023-01-01', endsOn: '2028-01-01' },
    [head],
  );
  await insertTermWithPosts(t.deps.db, tree.branchA1.id, { electedOn: '2021-03-01', endsOn: '2026-03-01' }, [
    head,
  ]);
  await t.deps.db
    .insert(leadershipPosts)
    .values({ orgId: tree.groupA1.id, post: 'group_leader', holderName: '某人', startedOn: '2023-01-01' });
  for (let i = 1; i <= 12; i++) {
    await insertOrg(t.deps.db, tree.communityB1, `光明社区第${i + 1}党支部`, 'branch', 'community', {
      establishedOn: `2026-0${1 + (i % 5)}-01`,
    });
  }
  const left = await createUser(t.deps.db, { username: 'left_a1', orgId: tree.branchA1.id });
  await t.deps.db
    .update(users)
    .set({ deactivatedAt: new Date('2026-01-01') })
    .where(eq(users.id, left.id));
});
afterAll(() => t.close());

describe('GET /api/workbench', () => {
  it('answers 401 without a session', async () => {
    expect((await t.anon.get('/api/workbench')).statusCode).toBe(401);
  });

  it.each<OrgActor>(['auditor', 'security', 'member_a1'])(
    'answers 403 to %s, who has no workbench',
    async (actor) => {
      const res = await as[actor].get('/api/workbench');
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    },
  );

  it('shows a community secretary the figures and to-dos of their community only', async () => {
    const res = await as.sec_a1.get('/api/workbench');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      roots: [{ id: tree.communityA1.id, name: '和平社区党委' }],
      orgCounts: {
        local_committee: 0,
        working_committee: 0,
        committee: 1,
        general_branch: 0,
        branch: 1,
        joint_branch: 0,
        temporary_branch: 0,
        floating_branch: 0,
        group: 1,
      },
      // 党组织总数: the 党小组 is not an org of its own (docs/organizations.md §1).
      orgTotal: 2,
      findingCounts: {
        term_expired: { warning: 0, critical: 1 },
        term_expiring: { warning: 0, critical: 0 },
        head_vacant: { warning: 0, critical: 0 },
        branch_too_few_members: { warning: 0, critical: 0 },
        branch_needs_committee: { warning: 0, critical: 0 },
        branch_too_large: { warning: 0, critical: 0 },
        probation_ending: { warning: 0, critical: 0 },
        probation_overdue: { warning: 0, critical: 0 },
        unreachable_long: { warning: 0, critical: 0 },
        suspended_long: { warning: 0, critical: 0 },
        member_unplaced: { warning: 0, critical: 0 },
        transfer_awaiting: { warning: 0, critical: 0 },
        transfer_overdue: { warning: 0, critical: 0 },
        departed_member_account: { warning: 0, critical: 0 },
        decision_awaiting_approval: { warning: 0, critical: 0 },
        decision_approval_overdue: { warning: 0, critical: 0 },
        org_life_due: { warning: 0, critical: 0 },
        org_life_missing: { warning: 0, critical: 0 },
        org_life_not_closed: { warning: 0, critical: 0 },
        org_life_absent: { warning: 0, critical: 0 },
        org_life_lapse: { warning: 0, critical: 0 },
        dues_arrears: { warning: 0, critical: 0 },
        dues_lapse: { warning: 0, critical: 0 },
        dues_base_missing: { warning: 0, critical: 0 },
      },
      // sec_a1 and member_a1; the deactivated account is not counted.
      userCount: 2,
      todos: [
        {
          org: {
            id: tree.branchA1.id,
            name: '和平社区第一党支部',
            kind: 'branch',
            pathNames: '和平社区党委',
          },
          finding: expect.objectContaining({
            kind: 'term_expired',
            severity: 'critical',
            date: '2026-03-01',
          }),
        },
      ],
    });
  });

  it('never shows another district’s figures', async () => {
    const b = (await as.admin_b.get('/api/workbench')).json();
    expect(b.roots).toEqual([{ id: tree.districtB.id, name: '乙区委' }]);
    expect(b.todos.some((i: { org: { id: number } }) => i.org.id === tree.branchA1.id)).toBe(false);
    expect(b.userCount).toBe(2);
    expect(b.orgCounts).toMatchObject({ local_committee: 1, working_committee: 1, committee: 1, branch: 13 });
  });

  it('lists the ten most urgent findings, critical first then oldest, and counts them all', async () => {
    const res = (await as.city_admin.get('/api/workbench')).json();
    expect(res.findingCounts.head_vacant.critical + res.findingCounts.head_vacant.warning).toBe(
      // 幸福社区党委 and its branch, 光明社区党委 and its first branch, 12 new branches; not the 市委, the 区委
      // (elected outside the deployment) nor the 街道党工委 (appointed above): docs/organizations.md §8.
      16,
    );
    expect(res.todos).toHaveLength(10);
    const severities = res.todos.map((i: { finding: { severity: string } }) => i.finding.severity);
    expect(severities).toEqual([...severities].sort());
    const dates = res.todos.map((i: { finding: { date: string } }) => i.finding.date);
    expect(dates).toEqual([...dates].sort());
    expect(res.todos[0].org.pathNames).not.toBe('');
    expect(res.userCount).toBe(8);
  });
});
