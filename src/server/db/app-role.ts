import { sql } from 'drizzle-orm';
import { type Db, queryRows } from './client.ts';

/**
 * On a PostgreSQL server the application does not run as the owner of its tables. The owner (DATABASE_MIGRATION_URL)
 * runs the migrations; the app role (DATABASE_URL) gets rows only: read, insert, update and delete, and on the audit
 * log insert and read alone. Only a table's owner (or a superuser) can ALTER it or DISABLE its triggers, so a
 * compromised app — or anyone holding its connection string — cannot switch off the append-only audit trigger.
 */
export async function currentRole(db: Db): Promise<string> {
  const [row] = await queryRows<{ role: string }>(db, sql`select current_user as role`);
  return (row as { role: string }).role;
}

/** Grants the app role what it needs after the owner has migrated; safe to run at every start. */
export async function grantAppRole(owner: Db, appRole: string): Promise<void> {
  const role = sql.identifier(appRole);
  await owner.execute(sql`grant usage on schema public to ${role}`);
  await owner.execute(sql`grant select, insert, update, delete on all tables in schema public to ${role}`);
  await owner.execute(sql`grant usage, select, update on all sequences in schema public to ${role}`);
  // The audit log is append-only for the app at the privilege level too, not only by trigger.
  await owner.execute(sql`revoke update, delete, truncate on audit_log from ${role}`);
}

/** Roles that could still switch the audit trigger off: superusers and the table's owner. */
export async function canAlterAuditLog(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ can: boolean }>(
    db,
    sql`select (select rolsuper from pg_roles where rolname = current_user)
          or pg_has_role(current_user, (select relowner from pg_class where relname = 'audit_log'), 'USAGE') as can`,
  );
  return row?.can === true;
}
