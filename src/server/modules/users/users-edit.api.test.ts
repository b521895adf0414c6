import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ActorClients,
  auditRows,
  issuePaths,
  loginActors,
  reasonOf,
  seedActors,
} from '../../testing/actors.ts';
import { createUser, seedTree, type Tree } from '../../testing/fixtures.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let tree: Tree;
let as: ActorClients;
let plainA: number;
let sharedA: number;
let plainB: number;

beforeAll(async () => {
  t = await startTestApp();
  tree = await seedTree(t.deps.db);
  await seedActors(t.deps.db, tree);
  plainA = (await createUser(t.deps.db, { username: 'plain_a', name: '张三', orgId: tree.branchA1.id })).id;
  // Homed in district A, but secretary in district B too: district A's admin cannot reach it alone.
  sharedA = (
    await createUser(t.deps.db, {
      username: 'shared_a',
      orgId: tree.communityA1.id,
      roles: [{ role: 'member' }, { role: 'secretary', orgId: tree.communityB1.id }],
    })
  ).id;
  plainB = (await createUser(t.deps.db, { username: 'plain_b', orgId: tree.branchB1.id })).id;
  as = await loginActors(t);
});
afterAll(() => t.close());

describe('PATCH /api/users/:id', () => {
  it('answers 401 without a session', async () => {
    expect((await t.anon.patch(`/api/users/${plainA}`, { version: 1, name: '李四' })).statusCode).toBe(401);
  });

  it('answers 403 to the security and audit administrators (三员分立)', async () => {
    expect((await as.secadmin.patch(`/api/users/${plainA}`, { version: 1, name: 'x' })).statusCode).toBe(403);
    expect((await as.auditadmin.patch(`/api/users/${plainA}`, { version: 1, name: 'x' })).statusCode).toBe(
      403,
    );
  });

  it('answers 404 for an account of another district', async () => {
    const res = await as.orgadminA.patch(`/api/users/${plainB}`, { version: 1, name: '越权' });
    expect(res.statusCode).toBe(404);
  });

  it('answers 404 for an account that also holds a role outside the subtree', async () => {
    const res = await as.orgadminA.patch(`/api/users/${sharedA}`, { version: 1, name: '越权' });
    expect(res.statusCode).toBe(404);
    // The account is visible (its home org is in scope) but not manageable.
    expect((await as.orgadminA.get(`/api/users/${sharedA}`)).statusCode).toBe(200);
    // An administrator whose scope covers both districts may edit it.
    expect((await as.sysadmin.patch(`/api/users/${sharedA}`, { version: 1, name: '共享' })).statusCode).toBe(
      200,
    );
  });

  it('answers 400 with field paths for invalid input', async () => {
    const res = await as.orgadminA.patch(`/api/users/${plainA}`, { name: '', orgId: -1 });
    expect(res.statusCode).toBe(400);
    expect(issuePaths(res)).toEqual(expect.arrayContaining(['body.version', 'body.name', 'body.orgId']));
  });

  it('edits name and home org, moves the version on and audits only what changed', async () => {
    const res = await as.orgadminA.patch(`/api/users/${plainA}`, {
      version: 1,
      name: '张三丰',
      orgId: tree.communityA2.id,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: '张三丰',
      orgId: tree.communityA2.id,
      orgName: '幸福社区党委',
      version: 2,
    });
    const [row] = await auditRows(t.deps.db, 'user.update', plainA);
    expect(row).toMatchObject({ actorUsername: 'orgadmin_a', role: 'org_admin', orgId: tree.communityA2.id });
    expect(row?.diff).toEqual({
      before: { name: '张三', orgId: tree.branchA1.id },
      after: { name: '张三丰', orgId: tree.communityA2.id },
    });
  });

  it('answers 409 for a stale version', async () => {
    const res = await as.orgadminA.patch(`/api/users/${plainA}`, { version: 1, name: '过期' });
    expect(res.statusCode).toBe(409);
    expect(reasonOf(res)).toBe('stale_version');
  });

  it('answers 404 for a new home org outside the scope', async () => {
    const res = await as.orgadminA.patch(`/api/users/${plainA}`, { version: 2, orgId: tree.branchB1.id });
    expect(res.statusCode).toBe(404);
    expect((await as.orgadminA.get(`/api/users/${plainA}`)).json().orgId).toBe(tree.communityA2.id);
  });
});
