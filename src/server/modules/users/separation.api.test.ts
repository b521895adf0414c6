import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../domain/access/index.ts';
import { roleAssignments, users } from '../../db/tables/users.ts';
import { auditRows, reasonOf } from '../../testing/actors.ts';
import { createUser, seedTree, TEST_PASSWORD, type Tree } from '../../testing/fixtures.ts';
import { loginAs, startTestApp, TEST_NOW, type TestApp, type TestClient } from '../../testing/test-app.ts';

/**
 * 三员分立 through the API, cell by cell: every actor role × every kind of target account × every account
 * action, each on a fresh target. The actors act from the root (the city), so that scope never explains a
 * refusal: what refuses is the separation of duties. Allowed answers 200; refused answers 403.
 */
let t: TestApp;
let tree: Tree;
const as = {} as Record<ActorName, TestClient>;
let n = 0;

type ActorName = 'system_admin' | 'security_admin' | 'audit_admin' | 'org_admin' | 'secretary' | 'member';
const ACTORS: readonly ActorName[] = [
  'system_admin',
  'security_admin',
  'audit_admin',
  'org_admin',
  'secretary',
  'member',
];
type Target = 'member' | 'secretary' | 'org_admin' | 'system_admin' | 'audit_admin' | 'security_admin';
const TARGETS: readonly Target[] = [
  'member',
  'secretary',
  'org_admin',
  'system_admin',
  'audit_admin',
  'security_admin',
];
const ADMIN_ROLES: readonly Role[] = ['system_admin', 'audit_admin', 'security_admin'];
const isAdmin = (r: Role) => ADMIN_ROLES.includes(r);

beforeAll(async () => {
  t = await startTestApp();
  tree = await seedTree(t.deps.db);
  for (const actor of ACTORS) {
    const orgId = actor === 'member' ? tree.branchA1.id : tree.root.id;
    await createUser(t.deps.db, { username: `as_${actor}`, orgId, roles: [{ role: actor }] });
    as[actor] = await loginAs(t, `as_${actor}`, TEST_PASSWORD);
  }
});
afterAll(() => t.close());

/** A fresh account holding `role` (administrators at the root, business roles in a branch), locked. */
async function freshTarget(role: Role): Promise<{ id: number; assignmentId: number }> {
  n += 1;
  const orgId = isAdmin(role) ? tree.root.id : tree.branchA1.id;
  const { id } = await createUser(t.deps.db, { username: `target${n}`, orgId, roles: [{ role }] });
  await t.deps.db
    .update(users)
    .set({ lockedUntil: new Date(TEST_NOW.getTime() + 600_000) })
    .where(eq(users.id, id));
  const [a] = await t.deps.db.select().from(roleAssignments).where(eq(roleAssignments.userId, id));
  return { id, assignmentId: (a as { id: number }).id };
}

type Attempt = (c: TestClient, role: Role) => Promise<{ statusCode: number; body: string }>;
const ATTEMPTS = {
  create: (c, role) =>
    c.post('/api/users', {
      username: `made${++n}`,
      name: '新账号',
      orgId: isAdmin(role) ? tree.root.id : tree.branchA1.id,
      initialPassword: 'Start#2026pass',
      roles: [{ role, orgId: isAdmin(role) ? tree.root.id : tree.branchA1.id }],
    }),
  edit: async (c, role) =>
    c.patch(`/api/users/${(await freshTarget(role)).id}`, { version: 1, name: '改名' }),
  reset_password: async (c, role) => c.post(`/api/users/${(await freshTarget(role)).id}/reset-password`, {}),
  reset_second_factor: async (c, role) =>
    c.post(`/api/users/${(await freshTarget(role)).id}/reset-second-factor`),
  unlock: async (c, role) => c.post(`/api/users/${(await freshTarget(role)).id}/unlock`),
  deactivate: async (c, role) =>
    c.post(`/api/users/${(await freshTarget(role)).id}/deactivate`, { version: 1 }),
  reactivate: async (c, role) => {
    const { id } = await freshTarget(role);
    await t.deps.db.update(users).set({ deactivatedAt: TEST_NOW }).where(eq(users.id, id));
    return c.post(`/api/users/${id}/reactivate`, { version: 1 });
  },
  // The same role again at another org: allowed by the role-mix rule, so only the duty decides.
  grant: async (c, role) =>
    c.post(`/api/users/${(await freshTarget(role)).id}/roles`, {
      role,
      orgId: isAdmin(role) ? tree.districtA.id : tree.branchB1.id,
    }),
  revoke: async (c, role) => {
    const { id, assignmentId } = await freshTarget(role);
    return c.delete(`/api/users/${id}/roles/${assignmentId}`);
  },
} satisfies Record<string, Attempt>;
type Action = keyof typeof ATTEMPTS;

/** Who may do what: the business roles' accounts and the administrators' accounts, by actor. */
const BUSINESS_DUTIES: readonly Action[] = [
  'create',
  'edit',
  'reset_password',
  'deactivate',
  'reactivate',
  'grant',
  'revoke',
];
const ALLOWED: Record<ActorName, { business: readonly Action[]; admin: readonly Action[] }> = {
  system_admin: { business: BUSINESS_DUTIES, admin: [] },
  security_admin: { business: ['unlock', 'reset_second_factor'], admin: Object.keys(ATTEMPTS) as Action[] },
  audit_admin: { business: [], admin: [] },
  org_admin: { business: [...BUSINESS_DUTIES, 'unlock'], admin: [] },
  secretary: { business: [], admin: [] },
  member: { business: [], admin: [] },
};

const cells = ACTORS.flatMap((actor) =>
  TARGETS.flatMap((target) =>
    (Object.keys(ATTEMPTS) as Action[]).map((action) => {
      const duties = ALLOWED[actor][isAdmin(target) ? 'admin' : 'business'];
      return [actor, target, action, duties.includes(action) ? 200 : 403] as const;
    }),
  ),
);

describe('三员分立: every actor × target account × action', () => {
  it.each(cells)('%s on a %s account: %s → %i', async (actor, target, action, status) => {
    const res = await ATTEMPTS[action](as[actor], target);
    expect(res.statusCode, res.body).toBe(status);
  });
});

describe('the refusals say why', () => {
  it('names 三员分立 when the account kind is not the actor’s duty', async () => {
    const res = await ATTEMPTS.reset_password(as.system_admin, 'audit_admin');
    expect(res.statusCode).toBe(403);
    expect(JSON.parse(res.body).error.message).toContain('管理员账号只能由安全管理员管理');
    expect(JSON.parse(res.body).error.details.reason).toBe('separation_of_duties');
  });
});

describe('the scenarios that bypassed 三员分立', () => {
  it('a city org_admin cannot take over an administrator by resetting its password', async () => {
    for (const role of ADMIN_ROLES) {
      const { id } = await freshTarget(role);
      const res = await as.org_admin.post(`/api/users/${id}/reset-password`, {});
      expect(res.statusCode, role).toBe(403);
      expect(res.body).not.toContain('temporaryPassword');
    }
  });

  it('the system administrator cannot reset the security administrator or give the auditor a business role', async () => {
    const security = await freshTarget('security_admin');
    expect((await as.system_admin.post(`/api/users/${security.id}/reset-password`, {})).statusCode).toBe(403);
    const auditor = await freshTarget('audit_admin');
    const grant = await as.system_admin.post(`/api/users/${auditor.id}/roles`, {
      role: 'org_admin',
      orgId: tree.root.id,
    });
    expect(grant.statusCode).toBe(403);
  });

  it('the security administrator cannot give an administrator a business role either (no mixed account)', async () => {
    const auditor = await freshTarget('audit_admin');
    const res = await as.security_admin.post(`/api/users/${auditor.id}/roles`, {
      role: 'org_admin',
      orgId: tree.root.id,
    });
    expect(res.statusCode).toBe(403);
  });

  it('nobody creates an account mixing an administrator role with a business role', async () => {
    const res = await as.security_admin.post('/api/users', {
      username: `mixed${++n}`,
      name: '混合',
      orgId: tree.root.id,
      initialPassword: 'Start#2026pass',
      roles: [
        { role: 'audit_admin', orgId: tree.root.id },
        { role: 'member', orgId: tree.branchA1.id },
      ],
    });
    expect([403, 422]).toContain(res.statusCode);
    expect(
      (
        await t.deps.db
          .select()
          .from(users)
          .where(eq(users.username, `mixed${n}`))
      ).length,
    ).toBe(0);
  });

  it('the security administrator cannot promote an account someone else created (and knows the password of)', async () => {
    const { id } = await createUser(t.deps.db, { username: `plain${++n}`, orgId: tree.root.id });
    const res = await as.security_admin.post(`/api/users/${id}/roles`, {
      role: 'system_admin',
      orgId: tree.root.id,
    });
    expect(res.statusCode).toBe(403);
    expect(reasonOf(res)).toBe('separation_of_duties');
  });

  it('one administrator account never holds two administrator roles', async () => {
    const { id } = await freshTarget('system_admin');
    const res = await as.security_admin.post(`/api/users/${id}/roles`, {
      role: 'audit_admin',
      orgId: tree.root.id,
    });
    expect(res.statusCode).toBe(422);
    expect(reasonOf(res)).toBe('separation_of_duties');
  });
});

describe('one’s own account', () => {
  it.each<[string, (c: TestClient, id: number) => Promise<{ statusCode: number; body: string }>, string]>([
    [
      'reset the own password',
      (c, id) => c.post(`/api/users/${id}/reset-password`, {}),
      'own_password_reset',
    ],
    [
      'deactivate oneself',
      (c, id) => c.post(`/api/users/${id}/deactivate`, { version: 1 }),
      'self_deactivation',
    ],
    [
      'grant oneself a role',
      (c, id) => c.post(`/api/users/${id}/roles`, { role: 'audit_admin', orgId: tree.root.id }),
      'self_grant',
    ],
    [
      'rename oneself here',
      (c, id) => c.patch(`/api/users/${id}`, { version: 1, name: '我' }),
      'own_account',
    ],
    ['reset the own second factor', (c, id) => c.post(`/api/users/${id}/reset-second-factor`), 'own_account'],
  ])('a security administrator cannot %s (422)', async (_, attempt, reason) => {
    const [me] = await t.deps.db.select().from(users).where(eq(users.username, 'as_security_admin'));
    const res = await attempt(as.security_admin, (me as { id: number }).id);
    expect(res.statusCode, res.body).toBe(422);
    expect(JSON.parse(res.body).error.details.reason).toBe(reason);
  });

  it('another security administrator manages the security administrator’s account', async () => {
    const { id } = await freshTarget('security_admin');
    const res = await as.security_admin.post(`/api/users/${id}/reset-password`, {});
    expect(res.statusCode).toBe(200);
    const [audit] = await auditRows(t.deps.db, 'user.password_reset', id);
    expect(audit?.role).toBe('security_admin');
  });
});
