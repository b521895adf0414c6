import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDACTED } from '../../audit/redact.ts';
import {
  type ActorClients,
  auditRows,
  issuePaths,
  loginActors,
  reasonOf,
  seedActors,
} from '../../testing/actors.ts';
import { seedTree, type Tree } from '../../testing/fixtures.ts';
import { clientFor, loginAs, startTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let tree: Tree;
let as: ActorClients;

beforeAll(async () => {
  t = await startTestApp();
  tree = await seedTree(t.deps.db);
  await seedActors(t.deps.db, tree);
  as = await loginActors(t);
});
afterAll(() => t.close());

const INITIAL = 'Start#2026pass';
const body = (over: Record<string, unknown> = {}) => ({
  username: 'chen.jie',
  name: '陈杰',
  orgId: tree.communityA1.id,
  initialPassword: INITIAL,
  roles: [],
  ...over,
});

describe('POST /api/users', () => {
  it('answers 401 without a session', async () => {
    expect((await t.anon.post('/api/users', body())).statusCode).toBe(401);
  });

  it('answers 403 to roles that do not manage accounts (审计管理员, 书记)', async () => {
    for (const c of [as.auditadmin, as.secretaryA1]) {
      const res = await c.post('/api/users', body({ username: 'nobody' }));
      expect(res.statusCode).toBe(403);
      expect(reasonOf(res)).toBe('permission_denied');
    }
  });

  it('answers 403 to the security administrator for a business account (三员分立)', async () => {
    const res = await as.secadmin.post('/api/users', body({ username: 'nobody' }));
    expect(res.statusCode).toBe(403);
    expect(reasonOf(res)).toBe('separation_of_duties');
  });

  it('answers 404 for a home org outside the scope', async () => {
    const res = await as.orgadminB.post('/api/users', body({ username: 'outsider' }));
    expect(res.statusCode).toBe(404);
  });

  it('answers 400 with field paths for invalid input', async () => {
    const res = await as.orgadminA.post('/api/users', {
      username: '1abc',
      name: '',
      orgId: 'x',
      roles: [{ role: 'king', orgId: 1 }],
    });
    expect(res.statusCode).toBe(400);
    expect(issuePaths(res)).toEqual(
      expect.arrayContaining([
        'body.username',
        'body.name',
        'body.orgId',
        'body.initialPassword',
        'body.roles.0.role',
      ]),
    );
  });

  it('answers 422 with the policy reason for a weak initial password', async () => {
    const weak = await as.orgadminA.post('/api/users', body({ initialPassword: 'short1A' }));
    expect(weak.statusCode).toBe(422);
    expect(reasonOf(weak)).toBe('password_too_short');
    const withName = await as.orgadminA.post('/api/users', body({ initialPassword: 'Xchen.jie#2026' }));
    expect(reasonOf(withName)).toBe('password_contains_username');
  });

  it('creates the account with its roles, and audits both with the password hash hidden', async () => {
    const res = await as.orgadminA.post(
      '/api/users',
      body({
        roles: [
          { role: 'secretary', orgId: tree.communityA1.id },
          { role: 'member', orgId: tree.branchA1.id, endsOn: '2027-06-30' },
        ],
      }),
    );
    expect(res.statusCode).toBe(200);
    const user = res.json();
    expect(user).toMatchObject({
      username: 'chen.jie',
      status: 'active',
      mustChangePassword: true,
      version: 1,
    });
    expect(user.assignments.map((a: { role: string }) => a.role)).toEqual(['secretary', 'member']);
    const [created] = await auditRows(t.deps.db, 'user.create', user.id);
    expect(created).toMatchObject({
      actorUsername: 'orgadmin_a',
      role: 'org_admin',
      orgId: tree.communityA1.id,
    });
    expect(created?.diff).toMatchObject({ after: { username: 'chen.jie', passwordHash: REDACTED } });
    expect(JSON.stringify(created?.diff)).not.toContain('argon2');
    const grants = await auditRows(t.deps.db, 'role.grant');
    expect(
      grants.map((g) => [g.entityType, g.orgId, (g.diff as { after: { role: string } }).after.role]),
    ).toEqual([
      ['role_assignment', tree.branchA1.id, 'member'],
      ['role_assignment', tree.communityA1.id, 'secretary'],
    ]);
  });

  it('answers 409 username_taken for a username in use', async () => {
    const res = await as.orgadminA.post('/api/users', body({ name: '另一个陈杰' }));
    expect(res.statusCode).toBe(409);
    expect(reasonOf(res)).toBe('username_taken');
  });

  it('refuses a role outside the subtree (404) and creates nothing', async () => {
    const res = await as.orgadminA.post(
      '/api/users',
      body({ username: 'half.made', roles: [{ role: 'member', orgId: tree.branchB1.id }] }),
    );
    expect(res.statusCode).toBe(404);
    expect((await as.sysadmin.get('/api/users?q=half.made')).json().total).toBe(0);
  });

  it('refuses administrator roles to the system administrator (三员分立) and a second one to anyone', async () => {
    const sys = await as.sysadmin.post(
      '/api/users',
      body({
        username: 'would.be.sec',
        orgId: tree.root.id,
        roles: [{ role: 'security_admin', orgId: tree.root.id }],
      }),
    );
    expect(sys.statusCode).toBe(403);
    const twice = await as.sysadmin.post(
      '/api/users',
      body({
        username: 'double.role',
        roles: [
          { role: 'member', orgId: tree.branchA1.id },
          { role: 'member', orgId: tree.branchA1.id },
        ],
      }),
    );
    expect(twice.statusCode).toBe(422);
    expect(reasonOf(twice)).toBe('role_already_assigned');
  });
});

describe('first login of a created account', () => {
  it('must change the initial password before anything else', async () => {
    const created = await as.sysadmin.post(
      '/api/users',
      body({
        username: 'first.login',
        orgId: tree.streetA.id,
        roles: [{ role: 'secretary', orgId: tree.streetA.id }],
      }),
    );
    expect(created.statusCode).toBe(200);
    const c = await loginAs(t, 'first.login', INITIAL);
    const blocked = await c.get('/api/users');
    expect(blocked.statusCode).toBe(403);
    expect(reasonOf(blocked)).toBe('password_change_required');
    const changed = await c.post('/api/auth/password', {
      currentPassword: INITIAL,
      newPassword: 'Changed#2026pw',
    });
    expect(changed.statusCode).toBe(200);
    const me = await clientFor(t.app, c.headers).get('/api/auth/me');
    expect(me.json().mustChangePassword).toBe(false);
  });
});
