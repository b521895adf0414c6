import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from './clock.ts';
import type { Database } from './db/client.ts';
import { leadershipPosts, orgs } from './db/tables/orgs.ts';
import { roleAssignments, users } from './db/tables/users.ts';
import { verifyPassword } from './security/passwords.ts';
import { prepareDeployment } from './startup.ts';
import { auditRows } from './testing/audit-rows.ts';
import { TEST_NOW } from './testing/test-app.ts';
import { freshDatabase } from './testing/test-db.ts';

let database: Database;
const clock = manualClock(TEST_NOW);
const base = { seedDemo: false, demoPassword: undefined, adminPassword: undefined, rootOrgName: '某某市委' };

beforeEach(async () => {
  database = await freshDatabase();
});
afterEach(() => database.close());

describe('first start on an empty database', () => {
  it('creates the root org and admin with a generated password that must be changed', async () => {
    const report = await prepareDeployment(database.db, clock, base);
    expect(report.generatedAdminPassword).toMatch(/^.{16}$/);
    const [admin] = await database.db.select().from(users).where(eq(users.username, 'admin'));
    expect(admin?.mustChangePassword).toBe(true);
    expect(await verifyPassword(admin?.passwordHash ?? '', report.generatedAdminPassword ?? '')).toBe(true);
    const [grant] = await database.db
      .select()
      .from(roleAssignments)
      .where(eq(roleAssignments.userId, admin?.id ?? 0));
    expect(grant?.role).toBe('system_admin');
    const [root] = await database.db.select().from(orgs);
    expect(root).toMatchObject({
      name: '某某市委',
      kind: 'local_committee',
      parentId: null,
      path: String(root?.id),
    });
    expect((await auditRows(database.db, 'user.bootstrap')).length).toBe(1);
  });

  it('takes the admin password from JICENG_ADMIN_PASSWORD without forcing a change', async () => {
    const report = await prepareDeployment(database.db, clock, { ...base, adminPassword: 'Chosen#Pass2026' });
    expect(report.generatedAdminPassword).toBeUndefined();
    const [admin] = await database.db.select().from(users).where(eq(users.username, 'admin'));
    expect(admin?.mustChangePassword).toBe(false);
  });

  it('does nothing the second time', async () => {
    await prepareDeployment(database.db, clock, base);
    const again = await prepareDeployment(database.db, clock, base);
    expect(again).toMatchObject({ adminCreated: false, seededDemo: false });
    expect((await database.db.select().from(users)).length).toBe(1);
  });
});

describe('the demo city', () => {
  it('is seeded deterministically with the documented shape, posts and one account per role and level', async () => {
    const report = await prepareDeployment(database.db, clock, { ...base, seedDemo: true });
    expect(report.seededDemo).toBe(true);
    const all = await database.db.select().from(orgs);
    const byKind = (k: string) => all.filter((o) => o.kind === k);
    const root = all.find((o) => o.parentId === null);
    expect(root?.name).toBe('示例市委');
    expect(all.filter((o) => o.parentId === root?.id)).toHaveLength(3);
    expect(byKind('working_committee').length).toBeGreaterThanOrEqual(6);
    expect(byKind('working_committee').length).toBeLessThanOrEqual(12);
    expect(byKind('group').length).toBeGreaterThan(0);
    for (const street of byKind('working_committee')) {
      const n = all.filter((o) => o.parentId === street.id).length;
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(6);
    }
    expect((await database.db.select().from(leadershipPosts)).length).toBeGreaterThan(all.length);
    expect(report.demoAccounts.map((a) => a.role).sort()).toEqual(
      [
        'audit_admin',
        'member',
        'org_admin',
        'org_admin',
        'org_admin',
        'secretary',
        'secretary',
        'security_admin',
      ].sort(),
    );

    const again = await freshDatabase();
    try {
      await prepareDeployment(again.db, clock, { ...base, seedDemo: true });
      const names = (await again.db.select({ name: orgs.name }).from(orgs).orderBy(orgs.id)).map(
        (o) => o.name,
      );
      expect(names).toEqual(all.sort((a, b) => a.id - b.id).map((o) => o.name));
    } finally {
      await again.close();
    }
  });
});
