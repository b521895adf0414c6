import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/tables/users.ts';
import { type ActorClients, loginActors, seedActors } from '../../testing/actors.ts';
import { createUser, seedTree } from '../../testing/fixtures.ts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let as: ActorClients;

beforeAll(async () => {
  t = await startTestApp();
  const tree = await seedTree(t.deps.db);
  await seedActors(t.deps.db, tree);
  as = await loginActors(t); // the three administrators enrol their second factor on the way in
  await createUser(t.deps.db, {
    username: 'new_auditor',
    orgId: tree.root.id,
    roles: [{ role: 'audit_admin' }],
  });
  const { id } = await createUser(t.deps.db, { username: 'locked_one', orgId: tree.branchA1.id });
  await t.deps.db
    .update(users)
    .set({ lockedUntil: new Date(t.clock.now().getTime() + 600_000) })
    .where(eq(users.id, id));
});
afterAll(() => t.close());

describe('GET /api/workbench/security (安全管理员的工作台)', () => {
  it('counts the administrators without a second factor and the locked accounts', async () => {
    const res = await as.secadmin.get('/api/workbench/security');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ adminsWithoutSecondFactor: 1, lockedAccounts: 1 });
    expect(res.json().notices.map((n: { key: string }) => n.key)).toEqual(['admins_without_second_factor']);
  });

  it('warns while the org_admin’s second factor is switched off, and stops once it is on again', async () => {
    const save = async (value: boolean) => {
      const { version } = (await as.secadmin.get('/api/settings/security')).json();
      await as.secadmin.put('/api/settings/security', { value: { totpRequiredForOrgAdmin: value }, version });
    };
    await save(false);
    const off = (await as.secadmin.get('/api/workbench/security')).json();
    expect(off.notices[0]).toMatchObject({ key: 'totp_org_admin_off' });
    expect(off.notices[0].message).toContain('组织管理员');
    await save(true);
    const on = (await as.secadmin.get('/api/workbench/security')).json();
    expect(on.notices.map((n: { key: string }) => n.key)).not.toContain('totp_org_admin_off');
  });

  it('is the security administrator’s alone', async () => {
    for (const client of [as.sysadmin, as.auditadmin, as.orgadminA, as.secretaryA1]) {
      expect((await client.get('/api/workbench/security')).statusCode).toBe(403);
    }
  });
});
