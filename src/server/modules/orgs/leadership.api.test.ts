import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settings } from '../../db/tables/settings.ts';
import { auditRows } from '../../testing/audit-rows.ts';
import {
  expectRule,
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

describe('POST /api/orgs/:id/leadership', () => {
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

  it('lets a secretary record a post in their subtree; the term ends after the community default of 5 years', async () => {
    const res = await as.sec_a1.post(postUrl('branchA1'), secretary());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      orgId: tree.branchA1.id,
      post: 'secretary',
      holderName: '赵红',
      startedOn: '2024-03-01',
      endsOn: '2029-03-01',
      active: true,
      leftOn: null,
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

  it('refuses a second sitting secretary', async () => {
    expectRule(
      await as.sec_a1.post(postUrl('branchA1'), secretary({ holderName: '钱明' })),
      'post_already_filled',
    );
  });

  it.each([
    ['a secretary in a 党小组', 'groupA1', { post: 'secretary' }, 'post_not_for_group'],
    ['a 党小组长 in a branch', 'branchA2', { post: 'group_leader' }, 'group_leader_only_in_group'],
    ['a term of 7 years', 'branchA2', { endsOn: '2031-03-01' }, 'term_too_long'],
    ['a 6-year term without approval', 'branchA2', { endsOn: '2030-03-01' }, 'term_extension_needs_approval'],
    ['an end before the start', 'branchA2', { endsOn: '2024-03-01' }, 'term_end_before_start'],
  ] as const)('refuses %s', async (_, org, change, reason) => {
    expectRule(await as.admin_a.post(postUrl(org), secretary(change)), reason);
  });

  it('accepts a 6-year term with the approval document of the level above', async () => {
    const res = await as.admin_a.post(
      postUrl('branchA2'),
      secretary({ endsOn: '2030-03-01', extensionDocNo: '甲街党〔2029〕3号' }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().extensionDocNo).toBe('甲街党〔2029〕3号');
  });

  it('takes the default term from the kind and sector, as configured', async () => {
    const unit = await insertOrg(t.deps.db, tree.communityA2, '某医院党支部', 'branch', 'institution');
    const res = await as.admin_a.post(`/api/orgs/${unit.id}/leadership`, secretary());
    expect(res.json().endsOn).toBe('2027-03-01');
    await t.deps.db.insert(settings).values({ key: 'org', value: { communityYears: 4 } });
    const community = await insertOrg(t.deps.db, tree.communityA2, '幸福社区第二党支部', 'branch');
    expect((await as.admin_a.post(`/api/orgs/${community.id}/leadership`, secretary())).json().endsOn).toBe(
      '2028-03-01',
    );
    expect((await as.admin_a.get(`/api/orgs/${community.id}`)).json().defaultTermYears).toBe(4);
  });

  it('refuses a post in a dissolved org', async () => {
    const gone = await insertOrg(t.deps.db, tree.communityA1, '撤销的支部', 'branch', 'community', {
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
    expect(res.json()).toEqual([expect.objectContaining({ holderName: '赵红', active: true })]);
  });
});

describe('PATCH /api/leadership-posts/:id and POST /api/leadership-posts/:id/end', () => {
  let postId: number;
  beforeAll(async () => {
    postId = (await as.sec_a1.get(postUrl('branchA1'))).json()[0].id;
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
      endsOn: '2029-02-28',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ holderName: '赵虹', endsOn: '2029-02-28', version: 2 });
    const [audit] = await auditRows(t.deps.db, 'leadership.update');
    expect(audit).toMatchObject({ entityId: String(postId), orgId: tree.branchA1.id, role: 'secretary' });
    expect(audit?.diff).toEqual({
      before: { holderName: '赵红', endsOn: '2029-03-01' },
      after: { holderName: '赵虹', endsOn: '2029-02-28' },
    });
    expect(
      (await as.sec_a1.patch(`/api/leadership-posts/${postId}`, { version: 1, holderName: '赵洪' }))
        .statusCode,
    ).toBe(409);
  });

  it('refuses a correction that breaks the term rules', async () => {
    expectRule(
      await as.sec_a1.patch(`/api/leadership-posts/${postId}`, { version: 2, endsOn: '2032-01-01' }),
      'term_too_long',
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
    expect(list.map((p: { holderName: string }) => p.holderName)).toEqual(['孙强', '赵虹']);
  });
});
