import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgEvents } from '../../db/tables/orgs.ts';
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

const branch = (parentId: number, extra: Record<string, unknown> = {}) => ({
  parentId,
  name: '和平社区新建党支部',
  kind: 'branch',
  sector: 'community',
  establishedOn: '2026-05-20',
  ...extra,
});

describe('POST /api/orgs', () => {
  it('answers 401 without a session', async () => {
    expect((await t.anon.post('/api/orgs', branch(tree.communityA1.id))).statusCode).toBe(401);
  });

  it('answers 403 to a secretary, who may not set up orgs anywhere', async () => {
    const res = await as.sec_a1.post('/api/orgs', branch(tree.communityA1.id));
    expect(res.statusCode).toBe(403);
  });

  it('answers 404 when the parent lies outside the actor’s scope', async () => {
    const res = await as.admin_b.post('/api/orgs', branch(tree.communityA1.id));
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('answers 400 with the field paths of every bad field', async () => {
    const res = await as.admin_a.post('/api/orgs', {
      parentId: tree.communityA1.id,
      name: ' ',
      kind: 'team',
      establishedOn: '2026-02-30',
    });
    expect(issuePaths(res)).toEqual(
      expect.arrayContaining(['body.name', 'body.kind', 'body.sector', 'body.establishedOn']),
    );
  });

  it('creates the org under its parent, with its history and audit row', async () => {
    const res = await as.admin_a.post(
      '/api/orgs',
      branch(tree.communityA1.id, { code: 'HP-002', approvalDocNo: '甲街党〔2026〕5号' }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const org = res.json();
    expect(org).toMatchObject({
      parentId: tree.communityA1.id,
      path: `${tree.communityA1.path}.${org.id}`,
      kind: 'branch',
      code: 'HP-002',
      version: 1,
      childCount: 0,
      can: { manage: true, manageLeadership: true },
      defaultTermYears: 5,
    });
    expect(org.findings).toEqual([expect.objectContaining({ kind: 'head_vacant', date: '2026-05-20' })]);
    const events = await t.deps.db.select().from(orgEvents).where(eq(orgEvents.orgId, org.id));
    expect(events).toEqual([expect.objectContaining({ kind: 'established', effectiveOn: '2026-05-20' })]);
    const [audit] = await auditRows(t.deps.db, 'org.create');
    expect(audit).toMatchObject({
      entityType: 'org',
      entityId: String(org.id),
      orgId: org.id,
      role: 'org_admin',
      actorUsername: 'admin_a',
    });
    expect(audit?.diff).toMatchObject({ after: { name: '和平社区新建党支部', code: 'HP-002' } });
  });

  it.each([
    ['a branch under a branch', 'branchA1', 'branch', '党支部之下只能设党小组'],
    ['a group under a committee', 'communityA1', 'group', '党小组只能设在党支部之下'],
    ['a committee under a group', 'groupA1', 'committee', '党小组之下不能再设组织'],
  ] as const)('refuses %s (nesting rules)', async (_, parent, kind, message) => {
    const res = await as.admin_a.post('/api/orgs', branch(tree[parent].id, { kind }));
    expectRule(res, 'nesting_not_allowed');
    expect(res.json().error.message).toBe(message);
    expect(res.json().error.details.article).toContain('党章');
  });

  it('refuses a founding date in the future', async () => {
    expectRule(
      await as.admin_a.post('/api/orgs', branch(tree.communityA1.id, { establishedOn: '2026-06-16' })),
      'established_in_future',
    );
  });

  it('refuses a parent that has been dissolved', async () => {
    const gone = await insertOrg(t.deps.db, tree.streetA, '旧社区党委', 'committee', 'community', {
      dissolvedOn: '2025-01-01',
    });
    expectRule(await as.admin_a.post('/api/orgs', branch(gone.id)), 'org_dissolved');
  });

  it('answers 409 code_taken for a code another org holds, even outside the scope', async () => {
    await insertOrg(t.deps.db, tree.communityB1, '光明社区第二党支部', 'branch', 'community', {
      code: 'GM-002',
    });
    const res = await as.admin_a.post('/api/orgs', branch(tree.communityA1.id, { code: 'GM-002' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('code_taken');
  });
});

describe('PATCH /api/orgs/:id', () => {
  it('answers 401 without a session', async () => {
    expect((await t.anon.patch(`/api/orgs/${tree.branchA2.id}`, { version: 1, name: 'x' })).statusCode).toBe(
      401,
    );
  });

  it('answers 403 to a secretary and 404 out of scope', async () => {
    expect(
      (await as.sec_a1.patch(`/api/orgs/${tree.branchA1.id}`, { version: 1, name: 'x' })).statusCode,
    ).toBe(403);
    expect(
      (await as.admin_b.patch(`/api/orgs/${tree.branchA1.id}`, { version: 1, name: 'x' })).statusCode,
    ).toBe(404);
  });

  it('answers 400 without a version or with a bad field', async () => {
    expect(issuePaths(await as.admin_a.patch(`/api/orgs/${tree.branchA2.id}`, { name: 'x' }))).toEqual([
      'body.version',
    ]);
    expect(
      issuePaths(await as.admin_a.patch(`/api/orgs/${tree.branchA2.id}`, { version: 1, sector: 'shop' })),
    ).toEqual(['body.sector']);
  });

  it('saves the change with the next version, its history and audit row; a stale version gets 409', async () => {
    const res = await as.admin_a.patch(`/api/orgs/${tree.branchA2.id}`, {
      version: 1,
      name: '幸福社区第一党支部（在职）',
      code: 'XF-001',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '幸福社区第一党支部（在职）', code: 'XF-001', version: 2 });
    const [audit] = await auditRows(t.deps.db, 'org.update');
    expect(audit).toMatchObject({
      entityId: String(tree.branchA2.id),
      orgId: tree.branchA2.id,
      role: 'org_admin',
    });
    expect(audit?.diff).toEqual({
      before: { name: '幸福社区第一党支部', code: null },
      after: { name: '幸福社区第一党支部（在职）', code: 'XF-001' },
    });
    const stale = await as.admin_a.patch(`/api/orgs/${tree.branchA2.id}`, { version: 1, name: '又一个名字' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.reason).toBe('stale_version');
  });

  it('refuses a kind that does not fit under the parent or over the children', async () => {
    const org = (await as.admin_a.get(`/api/orgs/${tree.communityA1.id}`)).json();
    const res = await as.admin_a.patch(`/api/orgs/${tree.communityA1.id}`, {
      version: org.version,
      kind: 'branch',
    });
    expectRule(res, 'nesting_not_allowed');
    const group = (await as.admin_a.get(`/api/orgs/${tree.groupA1.id}`)).json();
    expectRule(
      await as.admin_a.patch(`/api/orgs/${tree.groupA1.id}`, {
        version: group.version,
        kind: 'general_branch',
      }),
      'nesting_not_allowed',
    );
  });

  it('accepts a kind that fits: a 基层党委 holding only 党支部 may become a 党总支', async () => {
    const org = (await as.admin_a.get(`/api/orgs/${tree.communityA2.id}`)).json();
    const res = await as.admin_a.patch(`/api/orgs/${tree.communityA2.id}`, {
      version: org.version,
      kind: 'general_branch',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'general_branch', defaultTermYears: 5 });
  });

  it('refuses a founding date in the future and a code already taken', async () => {
    const org = (await as.admin_a.get(`/api/orgs/${tree.branchA1.id}`)).json();
    expectRule(
      await as.admin_a.patch(`/api/orgs/${tree.branchA1.id}`, {
        version: org.version,
        establishedOn: '2027-01-01',
      }),
      'established_in_future',
    );
    const taken = await as.admin_a.patch(`/api/orgs/${tree.branchA1.id}`, {
      version: org.version,
      code: 'XF-001',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.details.reason).toBe('code_taken');
  });
});
