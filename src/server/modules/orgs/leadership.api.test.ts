import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settings } from '../../db/tables/settings.ts';
import { auditRows } from '../../testing/audit-rows.ts';
import {
  expectRule,
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

beforeAll(async () => {
  t = await startTestApp();
  tree = await seedTree(t.deps.db);
  await seedOrgActors(t.deps.db, tree);
  as = await loginOrgActors(t);
});
afterAll(() => t.close());

const secretary = (extra: Record<string, unknown> = {}) => ({
  post: 'secretary',
  holderName: '赵红',
  startedOn: '2024-03-01',
  ...extra,
});
const postUrl = (org: keyof Tree) => `/api/orgs/${tree[org].id}/leadership`;

const termsUrl = (org: keyof Tree) => `/api/orgs/${tree[org].id}/terms`;
const election = (extra: Record<string, unknown> = {}) => ({
  electedOn: '2024-03-01',
  electionDocNo: '和平党〔2024〕5号',
  electionDocDate: '2024-03-10',
  posts: [
    { post: 'secretary', holderName: '赵红' },
    { post: 'organizing_member', holderName: '钱组织' },
  ],
  ...extra,
});
const approval = { approvalDocNo: '甲街党〔2026〕3号', approvalDocDate: '2026-02-01' };

describe('POST /api/orgs/:id/terms (换届)', () => {
  it('answers 401 without a session, 403 to roles that record no posts, 404 out of scope', async () => {
    expect((await t.anon.post(termsUrl('branchA1'), election())).statusCode).toBe(401);
    for (const actor of ['security', 'auditor', 'member_a1'] as const) {
      expect((await as[actor].post(termsUrl('branchA1'), election())).statusCode).toBe(403);
    }
    expect((await as.admin_b.post(termsUrl('branchA1'), election())).statusCode).toBe(404);
    expect((await as.sec_a1.post(termsUrl('branchA2'), election())).statusCode).toBe(404);
    expect((await as.sec_b1.get(termsUrl('branchA1'))).statusCode).toBe(404);
    expect((await t.anon.get(termsUrl('branchA1'))).statusCode).toBe(401);
  });

  it('answers 400 with field paths: the election document, at least one member, an approval with its date', async () => {
    const res = await as.sec_a1.post(termsUrl('branchA1'), {
      electedOn: '2024-03-01',
      electionDocNo: '',
      posts: [],
      approvalDocNo: '甲街党〔2026〕3号',
    });
    expect(issuePaths(res)).toEqual(
      expect.arrayContaining(['body.electionDocNo', 'body.electionDocDate', 'body.posts']),
    );
    const half = await as.sec_a1.post(termsUrl('branchA1'), election({ approvalDocNo: '甲街党〔2026〕3号' }));
    expect(issuePaths(half)).toEqual(['body.approvalDocNo']);
  });

  it('records the first term with its members: the community default of 5 years, audited', async () => {
    const res = await as.sec_a1.post(termsUrl('branchA1'), election());
    expect(res.statusCode, res.body).toBe(200);
    const { term, posts } = res.json();
    expect(term).toMatchObject({
      orgId: tree.branchA1.id,
      electedOn: '2024-03-01',
      endsOn: '2029-03-01',
      electionDocNo: '和平党〔2024〕5号',
      electionDocDate: '2024-03-10',
      approvalDocNo: null,
      endedOn: null,
    });
    expect(posts).toEqual([
      expect.objectContaining({
        post: 'secretary',
        holderName: '赵红',
        termId: term.id,
        endsOn: '2029-03-01',
      }),
      expect.objectContaining({ post: 'organizing_member', startedOn: '2024-03-01', active: true }),
    ]);
    const [audit] = await auditRows(t.deps.db, 'term.renew');
    expect(audit).toMatchObject({
      entityType: 'committee_term',
      entityId: String(term.id),
      orgId: tree.branchA1.id,
      role: 'secretary',
    });
    const org = (await as.sec_a1.get(`/api/orgs/${tree.branchA1.id}`)).json();
    expect(org).toMatchObject({ electedTerm: true, currentTerm: { id: term.id, endsOn: '2029-03-01' } });
  });

  it.each([
    ['a term for a 党小组 (its 组长 is designated)', 'groupA1', {}, 'term_not_elected'],
    ['a term for a 党工委 (appointed above)', 'streetA', {}, 'term_not_elected'],
    ['an election in the future', 'branchA2', { electedOn: '2026-07-01' }, 'elected_in_future'],
    ['a 7-year term, even approved', 'branchA2', { endsOn: '2031-03-02', ...approval }, 'term_too_long'],
    ['a 6-year term without approval', 'branchA2', { endsOn: '2030-03-01' }, 'term_length_needs_approval'],
    ['a 2-year term without approval', 'branchA2', { endsOn: '2026-03-01' }, 'term_length_needs_approval'],
    [
      'a 党小组长 on a committee',
      'branchA2',
      { posts: [{ post: 'group_leader', holderName: '某' }] },
      'group_leader_only_in_group',
    ],
    [
      'two secretaries',
      'branchA2',
      {
        posts: [
          { post: 'secretary', holderName: '甲' },
          { post: 'secretary', holderName: '乙' },
        ],
      },
      'post_already_filled',
    ],
  ] as const)('refuses %s', async (_, org, change, reason) => {
    expectRule(await as.admin_a.post(termsUrl(org), election(change)), reason);
  });

  it('refuses a 1-year term of an enterprise branch without approval, and records it with one', async () => {
    const unit = await insertOrg(t.deps.db, tree.communityA2, '某公司党支部', 'branch', 'private_enterprise');
    const oneYear = election({ electedOn: '2026-01-10', endsOn: '2027-01-10' });
    const refused = await as.admin_a.post(`/api/orgs/${unit.id}/terms`, oneYear);
    expectRule(refused, 'term_length_needs_approval');
    expect(refused.json().error.details.article).toContain('党章第三十一条');
    const res = await as.admin_a.post(`/api/orgs/${unit.id}/terms`, { ...oneYear, ...approval });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().term).toMatchObject({ endsOn: '2027-01-10', ...approval });
  });

  it('换届 ends the current term and every post of it on the election day', async () => {
    const first = await as.admin_a.post(
      termsUrl('branchA2'),
      election({ electedOn: '2021-08-01', electionDocDate: '2021-08-05' }),
    );
    expect(first.json().term.endsOn).toBe('2026-08-01');
    const renewed = await as.admin_a.post(
      termsUrl('branchA2'),
      election({
        electedOn: '2026-06-01',
        electionDocNo: '幸福党〔2026〕2号',
        electionDocDate: '2026-06-05',
        posts: [{ post: 'secretary', holderName: '孙新' }],
      }),
    );
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(renewed.json().term).toMatchObject({ electedOn: '2026-06-01', endsOn: '2031-06-01' });
    const terms = (await as.admin_a.get(termsUrl('branchA2'))).json();
    expect(terms).toEqual([
      expect.objectContaining({ electedOn: '2026-06-01', endedOn: null }),
      expect.objectContaining({ electedOn: '2021-08-01', endedOn: '2026-06-01' }),
    ]);
    const posts = (await as.admin_a.get(postUrl('branchA2'))).json();
    expect(posts).toEqual([
      expect.objectContaining({ holderName: '孙新', active: true, endsOn: '2031-06-01' }),
      expect.objectContaining({
        holderName: '赵红',
        active: false,
        leftOn: '2026-06-01',
        leftReason: '换届',
      }),
      expect.objectContaining({
        holderName: '钱组织',
        active: false,
        leftOn: '2026-06-01',
        leftReason: '换届',
      }),
    ]);
    const [audit] = await auditRows(t.deps.db, 'term.renew');
    expect(audit?.diff).toMatchObject({
      before: { term: { electedOn: '2021-08-01', endedOn: null } },
      after: { term: { electedOn: '2026-06-01' } },
    });
    const org = (await as.admin_a.get(`/api/orgs/${tree.branchA2.id}`)).json();
    expect(org.findings).toEqual([]);
  });

  it('refuses an election before the current one, and one more than a year early without approval', async () => {
    expectRule(
      await as.admin_a.post(termsUrl('branchA2'), election({ electedOn: '2026-05-01' })),
      'renewal_before_current_term',
    );
    // branchA1's term runs to 2029-03-01: an election on 2026-06-10 is more than a year early.
    const early = election({ electedOn: '2026-06-10' });
    expectRule(await as.admin_a.post(termsUrl('branchA1'), early), 'early_election_needs_approval');
  });

  it('takes the default term from the kind and sector, as configured', async () => {
    const unit = await insertOrg(t.deps.db, tree.communityA2, '某医院党支部', 'branch', 'institution');
    const res = await as.admin_a.post(`/api/orgs/${unit.id}/terms`, election());
    expect(res.json().term.endsOn).toBe('2027-03-01');
    await t.deps.db.insert(settings).values({ key: 'org', value: { communityYears: 4 } });
    const community = await insertOrg(t.deps.db, tree.communityA2, '幸福社区第二党支部', 'joint_branch');
    expect((await as.admin_a.post(`/api/orgs/${community.id}/terms`, election())).json().term.endsOn).toBe(
      '2028-03-01',
    );
    expect((await as.admin_a.get(`/api/orgs/${community.id}`)).json().defaultTermYears).toBe(4);
    await t.deps.db.delete(settings);
  });

  it('refuses a 换届 in a dissolved org', async () => {
    const gone = await insertOrg(t.deps.db, tree.communityA1, '撤销的支部', 'branch', 'community', {
      dissolvedOn: '2025-05-01',
    });
    expectRule(await as.admin_a.post(`/api/orgs/${gone.id}/terms`, election()), 'org_dissolved');
  });
});

describe('POST /api/orgs/:id/leadership (补选, and posts without a term)', () => {
  it('answers 401 without a session', async () => {
    expect((await t.anon.post(postUrl('branchA1'), secretary())).statusCode).toBe(401);
  });

  it.each<OrgActor>(['security', 'auditor', 'member_a1'])(
    'answers 403 to %s, who records posts nowhere',
    async (actor) => {
      expect((await as[actor].post(postUrl('branchA1'), secretary())).statusCode).toBe(403);
    },
  );

  it.each<[OrgActor, keyof Tree]>([
    ['admin_b', 'branchA1'],
    ['sec_a1', 'branchA2'],
    ['sec_b1', 'communityA1'],
  ])('answers 404 when %s records a post in %s, outside their scope', async (actor, org) => {
    expect((await as[actor].post(postUrl(org), secretary())).statusCode).toBe(404);
  });

  it('answers 400 with field paths', async () => {
    const res = await as.sec_a1.post(postUrl('branchA1'), {
      post: 'chair',
      holderName: '',
      startedOn: '2024-13-01',
    });
    expect(issuePaths(res)).toEqual(
      expect.arrayContaining(['body.post', 'body.holderName', 'body.startedOn']),
    );
  });

  it('a member elected later serves the remainder of the term, not a fresh one', async () => {
    const res = await as.sec_a1.post(
      postUrl('branchA1'),
      secretary({ post: 'publicity_member', holderName: '李宣传', startedOn: '2025-05-01' }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      startedOn: '2025-05-01',
      endsOn: '2029-03-01',
      active: true,
      version: 1,
    });
    const [audit] = await auditRows(t.deps.db, 'leadership.create');
    expect(audit).toMatchObject({
      entityType: 'leadership_post',
      entityId: String(res.json().id),
      orgId: tree.branchA1.id,
      role: 'secretary',
      actorUsername: 'sec_a1',
    });
  });

  it.each([
    ['a second sitting secretary', 'branchA1', { holderName: '钱明' }, 'post_already_filled'],
    [
      'a by-election before the election',
      'branchA1',
      { post: 'committee_member', startedOn: '2024-02-01' },
      'post_before_term',
    ],
    ['a secretary in a 党小组', 'groupA1', { post: 'secretary' }, 'post_not_for_group'],
    ['a 党小组长 in a branch', 'branchA1', { post: 'group_leader' }, 'group_leader_only_in_group'],
    ['a committee post with no recorded term', 'communityA2', {}, 'no_current_term'],
  ] as const)('refuses %s', async (_, org, change, reason) => {
    expectRule(await as.admin_a.post(postUrl(org), secretary(change)), reason);
  });

  it('refuses a by-election once the term has ended: that is a 换届', async () => {
    const lapsed = await insertOrg(t.deps.db, tree.communityA1, '和平社区第三党支部', 'branch');
    await insertTermWithPosts(t.deps.db, lapsed.id, { electedOn: '2020-01-01', endsOn: '2025-01-01' }, []);
    expectRule(
      await as.admin_a.post(`/api/orgs/${lapsed.id}/leadership`, secretary({ startedOn: '2025-06-01' })),
      'term_already_ended',
    );
  });

  it('records a designated 党小组长 with no term', async () => {
    const res = await as.sec_a1.post(
      postUrl('groupA1'),
      secretary({ post: 'group_leader', holderName: '周组长' }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ post: 'group_leader', termId: null, endsOn: null, active: true });
    const org = (await as.sec_a1.get(`/api/orgs/${tree.groupA1.id}`)).json();
    expect(org).toMatchObject({ electedTerm: false, currentTerm: null, findings: [] });
  });

  it('refuses a post in a dissolved org', async () => {
    const gone = await insertOrg(t.deps.db, tree.communityA1, '撤销的支部二', 'branch', 'community', {
      dissolvedOn: '2025-05-01',
    });
    expectRule(await as.admin_a.post(`/api/orgs/${gone.id}/leadership`, secretary()), 'org_dissolved');
  });
});

describe('GET /api/orgs/:id/leadership', () => {
  it('answers 401, 404 out of scope and 400 for a bad id', async () => {
    expect((await t.anon.get(postUrl('branchA1'))).statusCode).toBe(401);
    expect((await as.sec_b1.get(postUrl('branchA1'))).statusCode).toBe(404);
    expect(issuePaths(await as.sec_a1.get('/api/orgs/x/leadership'))).toEqual(['params.id']);
  });

  it('answers current and past holders, the current first', async () => {
    const res = await as.sec_a1.get(postUrl('branchA1'));
    expect(res.statusCode).toBe(200);
    expect(res.json().map((p: { holderName: string }) => p.holderName)).toEqual(['赵红', '钱组织', '李宣传']);
  });
});

describe('PATCH /api/leadership-posts/:id and POST /api/leadership-posts/:id/end', () => {
  let postId: number;
  beforeAll(async () => {
    postId = (await as.sec_a1.get(postUrl('branchA1'))).json()[0].id; // 赵红, the secretary
  });

  it('answer 401 without a session', async () => {
    expect((await t.anon.patch(`/api/leadership-posts/${postId}`, { version: 1 })).statusCode).toBe(401);
    expect((await t.anon.post(`/api/leadership-posts/${postId}/end`, { version: 1 })).statusCode).toBe(401);
  });

  it('answer 403 to a role that records no posts and 404 out of scope', async () => {
    expect(
      (await as.security.patch(`/api/leadership-posts/${postId}`, { version: 1, holderName: 'x' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await as.admin_b.patch(`/api/leadership-posts/${postId}`, { version: 1, holderName: 'x' })).statusCode,
    ).toBe(404);
    const end = { version: 1, leftOn: '2026-06-01', leftReason: '调离' };
    expect((await as.auditor.post(`/api/leadership-posts/${postId}/end`, end)).statusCode).toBe(403);
    expect((await as.sec_b1.post(`/api/leadership-posts/${postId}/end`, end)).statusCode).toBe(404);
    expect((await as.sec_a1.patch('/api/leadership-posts/999999', { version: 1 })).statusCode).toBe(404);
  });

  it('answer 400 with field paths', async () => {
    expect(issuePaths(await as.sec_a1.patch(`/api/leadership-posts/${postId}`, { holderName: 'x' }))).toEqual(
      ['body.version'],
    );
    const res = await as.sec_a1.post(`/api/leadership-posts/${postId}/end`, { version: 1, leftOn: 'soon' });
    expect(issuePaths(res)).toEqual(expect.arrayContaining(['body.leftOn', 'body.leftReason']));
  });

  it('corrects a post with its version, audited; a stale version gets 409', async () => {
    const res = await as.sec_a1.patch(`/api/leadership-posts/${postId}`, {
      version: 1,
      holderName: '赵虹',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ holderName: '赵虹', endsOn: '2029-03-01', version: 2 });
    const [audit] = await auditRows(t.deps.db, 'leadership.update');
    expect(audit).toMatchObject({ entityId: String(postId), orgId: tree.branchA1.id, role: 'secretary' });
    expect(audit?.diff).toEqual({
      before: { holderName: '赵红' },
      after: { holderName: '赵虹' },
    });
    expect(
      (await as.sec_a1.patch(`/api/leadership-posts/${postId}`, { version: 1, holderName: '赵洪' }))
        .statusCode,
    ).toBe(409);
  });

  it('refuses a correction that dates the post before its term', async () => {
    expectRule(
      await as.sec_a1.patch(`/api/leadership-posts/${postId}`, { version: 2, startedOn: '2024-01-01' }),
      'post_before_term',
    );
  });

  it('ends a post with the day and reason, audited; the rules refuse a day before the start', async () => {
    expectRule(
      await as.sec_a1.post(`/api/leadership-posts/${postId}/end`, {
        version: 2,
        leftOn: '2024-02-01',
        leftReason: '调离',
      }),
      'left_before_start',
    );
    const res = await as.sec_a1.post(`/api/leadership-posts/${postId}/end`, {
      version: 2,
      leftOn: '2026-06-01',
      leftReason: '调离',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ leftOn: '2026-06-01', leftReason: '调离', active: false, version: 3 });
    const [audit] = await auditRows(t.deps.db, 'leadership.end');
    expect(audit).toMatchObject({ entityId: String(postId), orgId: tree.branchA1.id, role: 'secretary' });
    expect(audit?.diff).toMatchObject({ after: { leftOn: '2026-06-01', leftReason: '调离' } });
    const stale = await as.sec_a1.post(`/api/leadership-posts/${postId}/end`, {
      version: 2,
      leftOn: '2026-06-01',
      leftReason: '调离',
    });
    expect(stale.statusCode).toBe(409);
    expectRule(
      await as.sec_a1.post(`/api/leadership-posts/${postId}/end`, {
        version: 3,
        leftOn: '2026-06-02',
        leftReason: '调离',
      }),
      'post_already_left',
    );
  });

  it('lets the next secretary take office once the post is free, and refuses overlapping corrections', async () => {
    const next = await as.sec_a1.post(
      postUrl('branchA1'),
      secretary({ holderName: '孙强', startedOn: '2026-06-01' }),
    );
    expect(next.statusCode, next.body).toBe(200);
    const overlap = await as.sec_a1.patch(`/api/leadership-posts/${next.json().id}`, {
      version: 1,
      startedOn: '2026-05-01',
    });
    expectRule(overlap, 'post_already_filled');
    const list = (await as.sec_a1.get(postUrl('branchA1'))).json();
    expect(list.map((p: { holderName: string }) => p.holderName)).toEqual([
      '孙强',
      '钱组织',
      '李宣传',
      '赵虹',
    ]);
    expect(next.json().endsOn).toBe('2029-03-01');
  });
});
