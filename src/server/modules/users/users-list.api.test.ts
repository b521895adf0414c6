import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/tables/users.ts';
import { type ActorClients, issuePaths, loginActors, seedActors } from '../../testing/actors.ts';
import { createUser, seedTree, type Tree } from '../../testing/fixtures.ts';
import { startTestApp, TEST_NOW, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let tree: Tree;
let as: ActorClients;
let lockedId: number;
let goneId: number;
let memberB1: number;

beforeAll(async () => {
  t = await startTestApp();
  tree = await seedTree(t.deps.db);
  await seedActors(t.deps.db, tree);
  await createUser(t.deps.db, {
    username: 'wang.fang',
    name: '王芳',
    orgId: tree.branchA1.id,
    roles: [{ role: 'member' }],
  });
  await createUser(t.deps.db, {
    username: 'li_na',
    name: '李娜',
    orgId: tree.communityA2.id,
    roles: [{ role: 'secretary' }],
  });
  lockedId = (await createUser(t.deps.db, { username: 'locked_a', orgId: tree.branchA2.id })).id;
  goneId = (await createUser(t.deps.db, { username: 'gone_a', orgId: tree.branchA1.id })).id;
  memberB1 = (await createUser(t.deps.db, { username: 'zhao_b', name: '赵伟', orgId: tree.branchB1.id })).id;
  await t.deps.db
    .update(users)
    .set({ lockedUntil: new Date(TEST_NOW.getTime() + 10 * 60_000) })
    .where(eq(users.id, lockedId));
  await t.deps.db.update(users).set({ deactivatedAt: TEST_NOW }).where(eq(users.id, goneId));
  as = await loginActors(t);
});
afterAll(() => t.close());

const usernames = (res: { json(): { items: { username: string }[] } }) =>
  res
    .json()
    .items.map((u) => u.username)
    .sort();

describe('GET /api/users', () => {
  it('answers 401 without a session', async () => {
    expect((await t.anon.get('/api/users')).statusCode).toBe(401);
  });

  it('answers 403 to roles without user.read (审计管理员, 书记)', async () => {
    expect((await as.auditadmin.get('/api/users')).statusCode).toBe(403);
    expect((await as.secretaryA1.get('/api/users')).statusCode).toBe(403);
  });

  it('lists only accounts whose home org lies in the scope', async () => {
    const res = await as.orgadminA.get('/api/users?pageSize=200');
    expect(res.statusCode).toBe(200);
    expect(usernames(res)).toEqual([
      'gone_a',
      'li_na',
      'locked_a',
      'orgadmin_a',
      'secretary_a1',
      'wang.fang',
    ]);
    expect(res.json().total).toBe(6);
    const b = await as.orgadminB.get('/api/users?pageSize=200');
    expect(usernames(b)).toEqual(['orgadmin_b', 'zhao_b']);
  });

  it('shows the whole deployment to the system and security administrators', async () => {
    const sys = await as.sysadmin.get('/api/users?pageSize=200');
    expect(sys.json().total).toBe(11);
    expect((await as.secadmin.get('/api/users?pageSize=1')).json().total).toBe(11);
  });

  it('filters by name or username, org subtree, role and status', async () => {
    expect(usernames(await as.sysadmin.get(`/api/users?q=${encodeURIComponent('王')}`))).toEqual([
      'wang.fang',
    ]);
    expect(usernames(await as.sysadmin.get('/api/users?q=LI_'))).toEqual(['li_na']);
    expect(usernames(await as.sysadmin.get('/api/users?q=%25'))).toEqual([]);
    expect(usernames(await as.orgadminA.get(`/api/users?orgId=${tree.communityA2.id}`))).toEqual([
      'li_na',
      'locked_a',
    ]);
    expect(usernames(await as.orgadminA.get('/api/users?role=secretary'))).toEqual(['li_na', 'secretary_a1']);
    expect(usernames(await as.orgadminA.get('/api/users?status=locked'))).toEqual(['locked_a']);
    expect(usernames(await as.orgadminA.get('/api/users?status=deactivated'))).toEqual(['gone_a']);
    const active = usernames(await as.orgadminA.get('/api/users?status=active'));
    expect(active).not.toContain('locked_a');
    expect(active).not.toContain('gone_a');
  });

  it('paginates', async () => {
    const p1 = await as.orgadminA.get('/api/users?page=1&pageSize=4');
    const p2 = await as.orgadminA.get('/api/users?page=2&pageSize=4');
    expect(p1.json().items).toHaveLength(4);
    expect(p2.json().items).toHaveLength(2);
    expect(p2.json().total).toBe(6);
  });

  it('answers 404 for an org filter outside the scope', async () => {
    const res = await as.orgadminA.get(`/api/users?orgId=${tree.communityB1.id}`);
    expect(res.statusCode).toBe(404);
  });

  it('answers 400 with field paths for invalid filters', async () => {
    const res = await as.orgadminA.get('/api/users?status=asleep&pageSize=0&role=king');
    expect(res.statusCode).toBe(400);
    expect(issuePaths(res)).toEqual(
      expect.arrayContaining(['querystring.status', 'querystring.pageSize', 'querystring.role']),
    );
  });
});

describe('GET /api/users/:id', () => {
  it('answers 401 without a session', async () => {
    expect((await t.anon.get(`/api/users/${memberB1}`)).statusCode).toBe(401);
  });

  it('answers the account with its status and roles', async () => {
    const res = await as.orgadminA.get(`/api/users/${lockedId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      username: 'locked_a',
      status: 'locked',
      orgName: '幸福社区第一党支部',
    });
    const gone = await as.orgadminA.get(`/api/users/${goneId}`);
    expect(gone.json()).toMatchObject({ status: 'deactivated', deactivatedAt: TEST_NOW.toISOString() });
    const all = await as.sysadmin.get('/api/users?q=li_na');
    expect(all.json().items[0].assignments[0]).toMatchObject({ role: 'secretary', orgName: '幸福社区党委' });
  });

  it('answers 404 out of scope and for an unknown id', async () => {
    expect((await as.orgadminA.get(`/api/users/${memberB1}`)).statusCode).toBe(404);
    expect((await as.orgadminA.get('/api/users/999999')).statusCode).toBe(404);
  });

  it('answers 400 for a malformed id', async () => {
    const res = await as.orgadminA.get('/api/users/abc');
    expect(res.statusCode).toBe(400);
    expect(issuePaths(res)).toEqual(['params.id']);
  });
});
