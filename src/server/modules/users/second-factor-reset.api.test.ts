import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoveryCodes, users } from '../../db/tables/users.ts';
import { type ActorClients, auditRows, loginActors, reasonOf, seedActors } from '../../testing/actors.ts';
import { createUser, seedTree, TEST_PASSWORD } from '../../testing/fixtures.ts';
import { loginAs, startTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let as: ActorClients;
let targetId: number;

beforeAll(async () => {
  t = await startTestApp();
  const tree = await seedTree(t.deps.db);
  await seedActors(t.deps.db, tree);
  targetId = (
    await createUser(t.deps.db, {
      username: 'lost_phone',
      orgId: tree.streetA.id,
      roles: [{ role: 'org_admin' }],
    })
  ).id;
  as = await loginActors(t);
});
afterAll(() => t.close());

const target = async () => (await t.deps.db.select().from(users).where(eq(users.id, targetId)))[0];
const codesOf = async () => t.deps.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, targetId));

describe('POST /api/users/:id/reset-second-factor', () => {
  it('is refused to everyone but the security administrator, and the factor stays', async () => {
    const session = await loginAs(t, 'lost_phone', TEST_PASSWORD); // enrols, as the policy requires
    expect((await target())?.totpEnabledAt).not.toBeNull();
    for (const client of [as.sysadmin, as.orgadminA, as.auditadmin, as.secretaryA1]) {
      const res = await client.post(`/api/users/${targetId}/reset-second-factor`);
      expect([403, 404]).toContain(res.statusCode);
    }
    expect((await target())?.totpEnabledAt).not.toBeNull();
    expect((await session.get('/api/auth/me')).statusCode).toBe(200);
    const view = (await as.orgadminA.get(`/api/users/${targetId}`)).json();
    expect(view).toMatchObject({ secondFactorEnabled: true, can: { reset_second_factor: false } });
  });

  it('lets the security administrator remove the key and the recovery codes and end the user’s sessions', async () => {
    const session = await loginAs(t, 'lost_phone', TEST_PASSWORD);
    expect(await codesOf()).toHaveLength(10);
    expect((await as.secadmin.get(`/api/users/${targetId}`)).json().can.reset_second_factor).toBe(true);

    const res = await as.secadmin.post(`/api/users/${targetId}/reset-second-factor`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ secondFactorEnabled: false });
    expect(await target()).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    expect(await codesOf()).toHaveLength(0);
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);

    const [audit] = await auditRows(t.deps.db, 'user.second_factor_reset', targetId);
    expect(audit).toMatchObject({ actorUsername: 'secadmin', role: 'security_admin' });
    expect(audit?.diff).toMatchObject({ note: { sessionsEnded: true, recoveryCodesRemoved: true } });
  });

  it('takes the user to a new enrolment at the next login', async () => {
    const login = await t.anon.post('/api/auth/login', { username: 'lost_phone', password: TEST_PASSWORD });
    expect(login.json().pendingStep).toBe('second_factor_enrolment');
  });

  it('refuses the security administrator’s own account (another security administrator resets it)', async () => {
    const [me] = await t.deps.db.select().from(users).where(eq(users.username, 'secadmin'));
    const res = await as.secadmin.post(`/api/users/${(me as { id: number }).id}/reset-second-factor`);
    expect(res.statusCode).toBe(422);
    expect(reasonOf(res)).toBe('own_account');
  });
});
