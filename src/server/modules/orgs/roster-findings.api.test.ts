import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsMember } from '../../../domain/membership/index.ts';
import { leadershipPosts } from '../../db/tables/orgs.ts';
import { loginOrgActors, type OrgActor, seedOrgActors } from '../../testing/fixtures/orgs.ts';
import { changeMember, type RosterMember, writeMembers } from '../../testing/fixtures/stats.ts';
import { seedTree, type Tree } from '../../testing/fixtures.ts';
import { startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

let t: TestApp;
let tree: Tree;
let as: Record<OrgActor, TestClient>;
let roster: RosterMember[];

const full: Omit<StatsMember, 'orgId'> = {
  status: 'full',
  gender: 'male',
  ethnicity: '01',
  birthDate: '1970-01-01',
  education: '21',
  workPost: '502',
  admittedOn: '2000-07-01',
  category: 'retired',
  isMobile: false,
  isHardship: false,
};
const times = (n: number, m: StatsMember): RosterMember[] => Array.from({ length: n }, () => ({ ...m }));

/**
 * Every org is led (no vacancies) with terms well inside. 和平社区第一党支部: 6 正式党员 in the branch and 2 in its
 * 党小组, a secretary and no committee. 幸福社区第一党支部: 2 正式党员, 1 预备党员 and 1 who left, with a committee.
 * 光明社区第一党支部: 48 正式 and 3 预备, with a deputy.
 */
beforeAll(async () => {
  t = await startTestApp();
  tree = await seedTree(t.deps.db);
  await seedOrgActors(t.deps.db, tree);
  as = await loginOrgActors(t);
  const held = { holderName: '某人', startedOn: '2024-01-01' };
  const heads = Object.values(tree).map((o) => ({
    ...held,
    orgId: o.id,
    post: o.kind === 'group' ? ('group_leader' as const) : ('secretary' as const),
  }));
  // Posts without a recorded term: these tests are about the roster counts, not the terms.
  await t.deps.db
    .insert(leadershipPosts)
    .values([
      ...heads,
      { ...held, orgId: tree.branchA2.id, post: 'organizing_member' },
      { ...held, orgId: tree.branchB1.id, post: 'deputy_secretary' },
    ]);
  roster = [
    ...times(6, { ...full, orgId: tree.branchA1.id }),
    ...times(2, { ...full, orgId: tree.groupA1.id }),
    ...times(2, { ...full, orgId: tree.branchA2.id }),
    { ...full, orgId: tree.branchA2.id, status: 'probationary' },
    { ...full, orgId: tree.branchA2.id, status: 'left' },
    ...times(48, { ...full, orgId: tree.branchB1.id }),
    ...times(3, { ...full, orgId: tree.branchB1.id, status: 'probationary' }),
  ];
  await writeMembers(t, roster);
});
afterAll(() => t.close());

/** The org's own findings (the roster's fixture also has 预备党员 whose 预备期 has ended: to-dos about them). */
/** The findings about the orgs themselves, but the dues' (the fixture's members have no base: 未核定基数). */
const ownFindings = <T extends { finding: { kind: string; subject?: unknown } }>(items: T[]) =>
  items.filter((i) => !i.finding.subject && i.finding.kind !== 'dues_base_missing');
const summary = (items: { org: { name: string }; finding: { kind: string; subject?: unknown } }[]) =>
  ownFindings(items).map((i) => `${i.org.name} ${i.finding.kind}`);

describe('findings that need the roster counts (docs/organizations.md §4, §5)', () => {
  it('lists them for the subtree, from the branch’s own members and its 党小组', async () => {
    const res = await as.city_admin.get('/api/findings?pageSize=50');
    expect(res.statusCode, res.body).toBe(200);
    expect(summary(res.json().items).sort()).toEqual(
      [
        '光明社区第一党支部 branch_too_large',
        '和平社区第一党支部 branch_needs_committee',
        '幸福社区第一党支部 branch_too_few_members',
      ].sort(),
    );
    const [few] = (await as.admin_a.get('/api/findings?kind=branch_too_few_members')).json().items;
    expect(few.finding).toMatchObject({ severity: 'warning', date: null, days: null });
    expect(few.finding.message).toContain('正式党员仅2名');
    expect(few.finding.article).toContain('支部工作条例第四条');
    expect(few.org.pathNames).toBe('甲区委 / 甲一街道党工委 / 幸福社区党委');
  });

  it('stays inside the scope and the asked subtree, and filters by kind', async () => {
    expect(summary((await as.sec_a1.get('/api/findings')).json().items)).toEqual([
      '和平社区第一党支部 branch_needs_committee',
    ]);
    expect((await as.admin_b.get(`/api/findings?orgId=${tree.branchA1.id}`)).statusCode).toBe(404);
    expect((await as.city_admin.get(`/api/findings?orgId=${tree.groupA1.id}`)).json().total).toBe(0);
    const large = (await as.city_admin.get('/api/findings?kind=branch_too_large')).json();
    expect(large.total).toBe(1);
    expect(large.items[0].finding.message).toContain('党员51名');
    expect((await as.city_admin.get('/api/findings?kind=head_vacant')).json().total).toBe(0);
  });

  it('shows them on the branch’s page, and none on its 党小组', async () => {
    const branch = (await as.city_admin.get(`/api/orgs/${tree.branchB1.id}`)).json();
    expect(branch.findings.map((f: { kind: string }) => f.kind)).toEqual(['branch_too_large']);
    const group = (await as.city_admin.get(`/api/orgs/${tree.groupA1.id}`)).json();
    expect(group.findings).toEqual([]);
  });

  it('counts them on the workbench', async () => {
    const counts = (await as.sec_a1.get('/api/workbench')).json().findingCounts;
    expect(counts.branch_needs_committee).toEqual({ warning: 1, critical: 0 });
    expect(counts.branch_too_few_members).toEqual({ warning: 0, critical: 0 });
  });

  it('follows the roster as members change: a confirmation clears “too few”', async () => {
    const probationary = roster.find((m) => m.orgId === tree.branchA2.id && m.status === 'probationary');
    await changeMember(t.deps.db, '2026-06-15', probationary as RosterMember, {
      ...(probationary as StatsMember),
      status: 'full',
    });
    const items = (await as.admin_a.get(`/api/findings?orgId=${tree.branchA2.id}`)).json().items;
    expect(ownFindings(items)).toEqual([]);
    const page = (await as.admin_a.get(`/api/orgs/${tree.branchA2.id}`)).json();
    expect(page.findings).toEqual([]);
  });
});
