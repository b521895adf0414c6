import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ActorClients,
  type Actors,
  auditRows,
  issuePaths,
  loginActors,
  reasonOf,
  seedActors,
} from '../../testing/actors.ts';
import { createUser, seedTree, TEST_PASSWORD, type Tree } from '../../testing/fixtures.ts';
import { loginAs, startTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let tree: Tree;
let actors: Actors;
let as: ActorClients;
let worker: number;
let plainB: number;

beforeAll(async () => {
  t = await startTestApp();
  tree = await seedTree(t.deps.db);
  actors = await seedActors(t.deps.db, tree);
  worker = (await createUser(t.deps.db, { username: 'worker_a', orgId: tree.communityA2.id })).id;
  plainB = (await createUser(t.deps.db, { username: 'plain_b', orgId: tree.branchB1.id })).id;
  as = await loginActors(t);
});
afterAll(() => t.close());

describe('POST /api/users/:id/roles', () => {
  it('answers 401 without a session', async () => {
    const res = await t.anon.post(`/api/users/${worker}/roles`, { role: 'member', orgId: tree.branchA2.id });
    expect(res.statusCode).toBe(401);
  });

  it('answers 400 with field paths for invalid input', async () => {
    const res = await as.orgadminA.post(`/api/users/${worker}/roles`, { role: 'king', endsOn: '2026-02-30' });
    expect(res.statusCode).toBe(400);
    expect(issuePaths(res)).toEqual(expect.arrayContaining(['body.role', 'body.orgId', 'body.endsOn']));
  });

  it('answers 403 to a role that grants nothing', async () => {
    const res = await as.secretaryA1.post(`/api/users/${worker}/roles`, {
      role: 'member',
      orgId: tree.branchA2.id,
    });
    expect(res.statusCode).toBe(403);
  });

  it('answers 404 for an account of another district', async () => {
    const res = await as.orgadminA.post(`/api/users/${plainB}/roles`, {
      role: 'member',
      orgId: tree.branchA1.id,
    });
    expect(res.statusCode).toBe(404);
  });

  it('answers 404 for a role at an org outside the subtree, and grants nothing', async () => {
    const res = await as.orgadminA.post(`/api/users/${worker}/roles`, {
      role: 'member',
      orgId: tree.branchB1.id,
    });
    expect(res.statusCode).toBe(404);
    expect((await as.sysadmin.get(`/api/users/${worker}`)).json().assignments).toEqual([]);
  });

  it('refuses changes to the own roles (422 self_grant)', async () => {
    const res = await as.orgadminA.post(`/api/users/${actors.orgadminA.id}/roles`, {
      role: 'secretary',
      orgId: tree.communityA1.id,
    });
    expect(res.statusCode).toBe(422);
    expect(reasonOf(res)).toBe('self_grant');
  });

  it('refuses an end date in the past', async () => {
    const res = await as.orgadminA.post(`/api/users/${worker}/roles`, {
      role: 'member',
      orgId: tree.branchA2.id,
      endsOn: '2026-06-14',
    });
    expect(reasonOf(res)).toBe('ends_in_past');
  });

  it('grants a role up to its own rank inside the subtree, effective at once, and audits it', async () => {
    const res = await as.orgadminA.post(`/api/users/${worker}/roles`, {
      role: 'org_admin',
      orgId: tree.communityA2.id,
      endsOn: '2029-06-30',
    });
    expect(res.statusCode).toBe(200);
    const assignment = res.json();
    expect(assignment).toMatchObject({ role: 'org_admin', orgName: '幸福社区党委', endsOn: '2029-06-30' });
    const [row] = await auditRows(t.deps.db, 'role.grant', assignment.id);
    expect(row).toMatchObject({
      entityType: 'role_assignment',
      orgId: tree.communityA2.id,
      actorUsername: 'orgadmin_a',
      role: 'org_admin',
    });
    expect(row?.diff).toMatchObject({ after: { userId: worker, username: 'worker_a', role: 'org_admin' } });
    const c = await loginAs(t, 'worker_a', TEST_PASSWORD);
    const seen = (await c.get('/api/users')).json().items.map((u: { username: string }) => u.username);
    expect(seen).toEqual(['worker_a']);
  });

  it('keeps the new org_admin inside its own subtree', async () => {
    const c = await loginAs(t, 'worker_a', TEST_PASSWORD);
    const res = await c.post(`/api/users/${actors.secretaryA1.id}/roles`, {
      role: 'member',
      orgId: tree.communityA1.id,
    });
    expect(res.statusCode).toBe(404);
  });

  it('refuses the same role at the same org twice', async () => {
    const res = await as.orgadminA.post(`/api/users/${worker}/roles`, {
      role: 'org_admin',
      orgId: tree.communityA2.id,
    });
    expect(res.statusCode).toBe(422);
    expect(reasonOf(res)).toBe('role_already_assigned');
  });
});

describe('DELETE /api/users/:id/roles/:assignmentId', () => {
  const assignmentOf = async (userId: number, role: string) => {
    const user = (await as.sysadmin.get(`/api/users/${userId}`)).json();
    return user.assignments.find((a: { role: string }) => a.role === role) as { id: number; orgId: number };
  };

  it('answers 401 without a session and 400 for malformed ids', async () => {
    const a = await assignmentOf(worker, 'org_admin');
    expect((await t.anon.delete(`/api/users/${worker}/roles/${a.id}`)).statusCode).toBe(401);
    const bad = await as.orgadminA.delete('/api/users/x/roles/y');
    expect(bad.statusCode).toBe(400);
    expect(issuePaths(bad)).toEqual(expect.arrayContaining(['params.id', 'params.assignmentId']));
  });

  it('answers 404 out of scope, for an unknown assignment, and for an assignment of another user', async () => {
    const a = await assignmentOf(worker, 'org_admin');
    expect((await as.orgadminB.delete(`/api/users/${worker}/roles/${a.id}`)).statusCode).toBe(404);
    expect((await as.orgadminA.delete(`/api/users/${worker}/roles/999999`)).statusCode).toBe(404);
    expect((await as.orgadminA.delete(`/api/users/${actors.secretaryA1.id}/roles/${a.id}`)).statusCode).toBe(
      404,
    );
  });

  it('refuses revoking the own role', async () => {
    const own = await assignmentOf(actors.orgadminA.id, 'org_admin');
    const res = await as.orgadminA.delete(`/api/users/${actors.orgadminA.id}/roles/${own.id}`);
    expect(reasonOf(res)).toBe('self_grant');
  });

  it('revokes: the row goes, the access ends at once, and the audit log keeps the history', async () => {
    const a = await assignmentOf(worker, 'org_admin');
    const c = await loginAs(t, 'worker_a', TEST_PASSWORD);
    const res = await as.orgadminA.delete(`/api/users/${worker}/roles/${a.id}`);
    expect(res.statusCode).toBe(200);
    expect((await as.sysadmin.get(`/api/users/${worker}`)).json().assignments).toEqual([]);
    expect((await c.get('/api/users')).statusCode).toBe(403);
    const [row] = await auditRows(t.deps.db, 'role.revoke', a.id);
    expect(row).toMatchObject({ entityType: 'role_assignment', orgId: a.orgId, actorUsername: 'orgadmin_a' });
    expect(row?.diff).toMatchObject({
      before: { userId: worker, role: 'org_admin', orgId: tree.communityA2.id },
    });
  });
});
