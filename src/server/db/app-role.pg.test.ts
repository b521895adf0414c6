import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConfiguredDatabase, openConfiguredDatabase } from '../database-setup.ts';
import { adminQuery, withDatabase } from '../testing/template.ts';
import { canAlterAuditLog } from './app-role.ts';
import { queryRows } from './client.ts';

const url = process.env.DATABASE_URL;

/**
 * On a PostgreSQL server the migrations run as the owner (DATABASE_MIGRATION_URL) and the app as a role with row
 * privileges only (DATABASE_URL), so that the app cannot switch the audit log's append-only trigger off. Before,
 * the app connected as the audit table's owner, who can.
 */
describe.skipIf(!url)('the app role on PostgreSQL', () => {
  const suffix = randomBytes(4).toString('hex');
  const dbName = `jiceng_t_roles_${suffix}`;
  const owner = `jiceng_t_owner_${suffix}`;
  const appRole = `jiceng_t_app_${suffix}`;
  let dataDir = '';
  const as = (role: string) => withDatabase(url as string, dbName).replace(/\/\/[^@/]*@/, `//${role}@`);
  let opened: ConfiguredDatabase;

  beforeAll(async () => {
    // Made here, not at collection, so that a run without PostgreSQL leaves no folder behind.
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'jiceng-roles-'));
    // The README's two CREATE ROLE lines, and a database the owner owns.
    await adminQuery(url as string, `CREATE ROLE ${owner} LOGIN`);
    await adminQuery(url as string, `CREATE ROLE ${appRole} LOGIN`);
    await adminQuery(url as string, `CREATE DATABASE ${dbName} OWNER ${owner}`);
    opened = await openConfiguredDatabase(
      { dataDir, databaseUrl: as(appRole), databaseMigrationUrl: as(owner) },
      { purpose: 'test' },
    );
  });
  afterAll(async () => {
    await opened?.close();
    await adminQuery(url as string, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await adminQuery(url as string, `DROP ROLE IF EXISTS ${appRole}`);
    await adminQuery(url as string, `DROP ROLE IF EXISTS ${owner}`);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const db = () => opened.database.db;
  const failure = (query: ReturnType<typeof sql>) =>
    db()
      .execute(query)
      .then(
        () => 'succeeded',
        (e: { cause?: { code?: string }; code?: string }) => e.cause?.code ?? e.code ?? 'failed',
      );

  it('migrates as the owner and connects as the app role', async () => {
    const [row] = await queryRows<{ me: string; tableOwner: string }>(
      db(),
      sql`select current_user as me, (select tableowner from pg_tables where tablename = 'audit_log') as "tableOwner"`,
    );
    expect(row).toEqual({ me: appRole, tableOwner: owner });
    expect(opened.appRoleSeparated).toBe(true);
    expect(await canAlterAuditLog(db())).toBe(false);
  });

  it('cannot disable the audit trigger or alter the audit table', async () => {
    expect(await failure(sql`alter table audit_log disable trigger audit_log_no_update_or_delete`)).toBe(
      '42501',
    );
    expect(await failure(sql`alter table audit_log disable trigger all`)).toBe('42501');
    expect(await failure(sql`drop trigger audit_log_no_update_or_delete on audit_log`)).toBe('42501');
    expect(await failure(sql`alter table audit_log add column x int`)).toBe('42501');
  });

  it('cannot update, delete or truncate audit rows, but appends and reads them', async () => {
    await db().execute(
      sql`insert into audit_log (at, action, entity_type, diff) values (now(), 'auth.login', 'user', '{}'::jsonb)`,
    );
    expect(await failure(sql`update audit_log set action = 'x'`)).toBe('42501');
    expect(await failure(sql`delete from audit_log`)).toBe('42501');
    expect(await failure(sql`truncate audit_log`)).toBe('42501');
    const [row] = await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from audit_log`);
    expect(row?.n).toBe(1);
  });

  it('reads and writes the other tables as the product needs', async () => {
    await db().execute(
      sql`insert into settings (key, value, version, updated_at) values ('t', '{}'::jsonb, 1, now())`,
    );
    await db().execute(sql`update settings set version = 2 where key = 't'`);
    await db().execute(sql`delete from settings where key = 't'`);
  });

  it('is reported when the app connects as the owner', async () => {
    const ownerOnly = await openConfiguredDatabase(
      { dataDir, databaseUrl: as(owner), databaseMigrationUrl: undefined },
      { purpose: 'test' },
    );
    expect(ownerOnly.appRoleSeparated).toBe(false);
    await ownerOnly.close();
  });
});
