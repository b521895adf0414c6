import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkIdNumber } from '../domain/people/index.ts';
import { manualClock } from './clock.ts';
import type { Database } from './db/client.ts';
import { queryRows } from './db/client.ts';
import { leadershipPosts, orgs } from './db/tables/orgs.ts';
import { memberEvents, members, persons } from './db/tables/people.ts';
import { roleAssignments, users } from './db/tables/users.ts';
import { getSecurityPolicy } from './modules/settings/index.ts';
import { createIdCipher } from './security/crypto.ts';
import { verifyPassword } from './security/passwords.ts';
import { prepareDeployment } from './startup.ts';
import { auditRows } from './testing/audit-rows.ts';
import { TEST_NOW } from './testing/test-app.ts';
import { freshDatabase } from './testing/test-db.ts';

let database: Database;
const clock = manualClock(TEST_NOW);
const cipher = createIdCipher(randomBytes(32));
const base = { seedDemo: false, demoPassword: undefined, adminPassword: undefined, rootOrgName: '某某市委' };

beforeEach(async () => {
  database = await freshDatabase();
});
afterEach(() => database.close());

describe('first start on an empty database', () => {
  it('creates the root org and admin with a generated password that must be changed', async () => {
    const report = await prepareDeployment(database.db, clock, base, cipher);
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
    const report = await prepareDeployment(
      database.db,
      clock,
      { ...base, adminPassword: 'Chosen#Pass2026' },
      cipher,
    );
    expect(report.generatedAdminPassword).toBeUndefined();
    const [admin] = await database.db.select().from(users).where(eq(users.username, 'admin'));
    expect(admin?.mustChangePassword).toBe(false);
  });

  it('does nothing the second time', async () => {
    await prepareDeployment(database.db, clock, base, cipher);
    const again = await prepareDeployment(database.db, clock, base, cipher);
    expect(again).toMatchObject({ adminCreated: false, seededDemo: false });
    expect((await database.db.select().from(users)).length).toBe(1);
  });
});

describe('the demo city', () => {
  it('is seeded deterministically with the documented shape, posts and one account per role and level', async () => {
    const report = await prepareDeployment(database.db, clock, { ...base, seedDemo: true }, cipher);
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
    // Trying the demo as an org_admin needs no authenticator; the security administrator is warned about it.
    expect((await getSecurityPolicy(database.db)).totpRequiredForOrgAdmin).toBe(false);

    const again = await freshDatabase();
    try {
      await prepareDeployment(again.db, clock, { ...base, seedDemo: true }, cipher);
      const names = (await again.db.select({ name: orgs.name }).from(orgs).orderBy(orgs.id)).map(
        (o) => o.name,
      );
      expect(names).toEqual(all.sort((a, b) => a.id - b.id).map((o) => o.name));
      const people = (db: typeof database.db) =>
        db.select({ name: persons.name, birthDate: persons.birthDate }).from(persons).orderBy(persons.id);
      expect(await people(again.db)).toEqual(await people(database.db));
    } finally {
      await again.close();
    }
  }, 180_000); // seeds the demo city twice (roster and a year of meetings): minutes on a busy 2-core machine
});

describe('the demo roster', () => {
  it('has about 5,000 members with valid encrypted ID numbers, a spread of standings, counted in the rollup', async () => {
    const report = await prepareDeployment(database.db, clock, { ...base, seedDemo: true }, cipher);
    const rows = await database.db
      .select({ person: persons, member: members })
      .from(members)
      .innerJoin(persons, eq(persons.id, members.personId));
    expect(rows.length).toBeGreaterThan(4500);
    expect(rows.length).toBeLessThan(5500);
    for (const { person } of rows) {
      const id = cipher.decrypt(person.idNumberEnc ?? '');
      const parsed = checkIdNumber(id, { today: clock.today() });
      expect(parsed.ok, id).toBe(true);
      if (!parsed.ok) continue;
      expect([parsed.gender, parsed.birthDate]).toEqual([person.gender, person.birthDate]);
      expect(person.idNumberHash).toBe(cipher.hash(id));
      expect(id.slice(2, 4)).toBe('99'); // an invented prefecture: never a real person's number
      expect(person.nameInitials.length).toBe([...person.name].length);
    }
    const byStatus = (s: string) => rows.filter((r) => r.member.status === s).length;
    expect(byStatus('full') / rows.length).toBeGreaterThan(0.8);
    for (const s of ['probationary', 'suspended', 'unreachable', 'left', 'transferred_out']) {
      expect(byStatus(s), s).toBeGreaterThan(0);
    }
    const dueForConfirmation = rows.filter(
      (r) => r.member.status === 'probationary' && (r.member.probationEndsOn ?? '') <= clock.today(),
    );
    expect(dueForConfirmation.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.member.admittedOn < '1949-10-01').length).toBeGreaterThan(0);
    const retired = rows.filter((r) => r.person.workPost === '502').length;
    expect(retired / rows.length).toBeGreaterThan(0.3);
    expect(rows.filter((r) => r.person.ethnicity !== '01').length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.member.isMobile && r.member.outflowDestination).length).toBeGreaterThan(0);
    // 党员总数: 停止党籍 is outside it (docs/membership.md §1).
    const onRoster = rows.filter((r) => ['probationary', 'full', 'unreachable'].includes(r.member.status));
    const [counted] = await queryRows<{ n: number }>(
      database.db,
      sql`select sum(member_count)::int as n from org_stats`,
    );
    expect(counted?.n).toBe(onRoster.length);
    const events = await database.db.select().from(memberEvents);
    expect(events.filter((e) => e.kind === 'registered')).toHaveLength(rows.length);
    expect(events.filter((e) => e.kind === 'left').length).toBe(byStatus('left'));

    const [member] = await database.db.select().from(users).where(eq(users.username, 'member'));
    const own = rows.find((r) => r.person.id === member?.personId);
    expect(own?.member).toMatchObject({ orgId: member?.orgId, status: 'full' });
    expect(report.demoAccounts.find((a) => a.username === 'member')).toBeDefined();
  });
});
