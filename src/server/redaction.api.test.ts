import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { manualClock } from './clock.ts';
import { type Database, queryRows } from './db/client.ts';
import type { Deps } from './deps.ts';
import { createLogger } from './logging.ts';
import { createIdCipher } from './security/crypto.ts';
import { prepareDeployment } from './startup.ts';
import { memberRow, postImport, templateWorkbook } from './testing/fixtures/member-import.ts';
import { loginAs, TEST_NOW, type TestClient } from './testing/test-app.ts';
import { freshDatabase } from './testing/test-db.ts';

/**
 * A whole working session on the demo city, logged at `trace` (every request, every error), and then the log and
 * the audit table searched for every phone number and ID number of the city's roster: none may appear. The calls
 * are the ones that carry personal data in (searches by phone and ID number, reveals, a duplicate number, an
 * import, a member editing their own phone) and the ones that fail.
 */
const lines: string[] = [];
let database: Database;
let deps: Deps;
let app: Awaited<ReturnType<typeof buildApp>>;
let orgAdmin: TestClient;
let member: TestClient;
let people: { phone: string | null; landline: string | null; idNumber: string; memberId: number }[];

beforeAll(async () => {
  database = await freshDatabase();
  const clock = manualClock(TEST_NOW);
  const idCipher = createIdCipher(randomBytes(32));
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const log = createLogger('trace', sink);
  const base = { seedDemo: true, demoPassword: undefined, adminPassword: undefined, rootOrgName: '示例市委' };
  const report = await prepareDeployment(database.db, clock, base, idCipher);
  deps = {
    db: database.db,
    database,
    clock,
    log,
    secureCookie: false,
    loginRateLimitPerMinute: 10_000,
    idCipher,
  };
  app = await buildApp(deps, { logger: log, serveWeb: false });
  const harness = { app, deps, clock };
  orgAdmin = await loginAs(harness, 'city_org', report.demoPassword as string);
  member = await loginAs(harness, 'member', report.demoPassword as string);
  const rows = await queryRows<{
    phone: string | null;
    landline: string | null;
    enc: string;
    memberId: number;
  }>(
    database.db,
    sql`select p.phone_mobile as phone, p.phone_landline as landline, p.id_number_enc as enc, m.id as "memberId"
          from persons p join members m on m.person_id = p.id where p.id_number_enc is not null`,
  );
  people = rows.map((r) => ({ ...r, idNumber: idCipher.decrypt(r.enc) }));
}, 180_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

async function workingSession(): Promise<void> {
  const [first, second, third] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
  await orgAdmin.get(`/api/members?q=${first.phone}`);
  await orgAdmin.get(`/api/members?q=${first.idNumber}&page=1`);
  await orgAdmin.get(`/api/members/${second.memberId}?reveal=idNumber`);
  await orgAdmin.get(`/api/members/${second.memberId}`);
  // A duplicate ID number, a malformed phone, a body the database refuses: refusals with personal data in them.
  const branch = (await orgAdmin.get(`/api/members/${third.memberId}`)).json().orgId;
  await orgAdmin.post('/api/members', {
    orgId: branch,
    status: 'full',
    category: 'employed',
    admittedOn: '2000-07-01',
    confirmedOn: '2001-07-01',
    isMobile: false,
    isHardship: false,
    person: { name: '重复者', idNumber: third.idNumber, phoneMobile: third.phone ?? '13900000000' },
  });
  await orgAdmin.post('/api/members', {
    orgId: branch,
    person: { name: '错号', phoneMobile: `${first.phone}99` },
  });
  await orgAdmin.get(`/api/members/export?q=${first.phone}`);
  const rows = [
    memberRow(0, '不存在的支部', { idNumber: second.idNumber, phoneMobile: second.phone ?? undefined }),
  ];
  await postImport(app, orgAdmin.headers, await templateWorkbook(rows), { dryRun: 'true' });
  const own = (await member.get('/api/me/member')).json();
  await member.patch('/api/me/member', { version: own.version, phoneMobile: '13911112222' });
  await member.patch('/api/me/member', { version: own.version, phoneMobile: first.phone });
  await orgAdmin.get(`/api/members?q=${encodeURIComponent(first.idNumber.slice(0, 10))}`);
}

describe('personal data in logs and the audit trail', () => {
  it('appears in neither, after a working session logged at trace', async () => {
    await workingSession();
    const log = lines.join('');
    expect(log.length).toBeGreaterThan(1000);
    expect(log).toContain('/api/members');
    const auditRows = await queryRows<{ action: string; diff: unknown }>(
      database.db,
      sql`select action, diff from audit_log`,
    );
    expect(auditRows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['member.reveal', 'member.self_update', 'member.export']),
    );
    const audit = auditRows.map((r) => JSON.stringify(r.diff)).join('\n');
    const values = people.flatMap((p) => [p.phone, p.landline, p.idNumber]).filter((v): v is string => !!v);
    values.push('13911112222');
    expect(values.length).toBeGreaterThan(1000);
    const inLog = values.filter((v) => log.includes(v));
    const inAudit = values.filter((v) => audit.includes(v));
    expect(inLog).toEqual([]);
    expect(inAudit).toEqual([]);
  });
});
