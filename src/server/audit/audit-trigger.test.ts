import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { auditLog } from '../db/tables/audit.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { recordAudit } from './audit.ts';

/**
 * The audit log is append-only in the database itself (migration 0002_audit_log_append_only): whatever
 * code runs against it, UPDATE, DELETE and TRUNCATE are refused; INSERT works. Runs on PGlite, and on
 * PostgreSQL when DATABASE_URL is set.
 */
let database: Database;

beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

/** The error of a failed statement with its causes (drivers wrap the server's message differently). */
async function failure(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    const messages: string[] = [];
    for (let e: unknown = error; e instanceof Error; e = e.cause) messages.push(e.message);
    return messages.join(' | ');
  }
  throw new Error('the statement was not refused');
}

const audit = { actorId: 1, actorUsername: 'tester', ip: '127.0.0.1', userAgent: 'vitest', at: new Date() };
const rowCount = async () => {
  const [row] = await database.db.select({ n: count() }).from(auditLog);
  return row?.n ?? 0;
};

describe('audit_log append-only trigger', () => {
  it('accepts INSERT', async () => {
    await database.db.transaction((tx) =>
      recordAudit(
        { db: tx, audit },
        { action: 'settings.update', entityType: 'settings', entityId: 'security' },
      ),
    );
    await database.db.execute(
      sql`insert into audit_log (at, action, entity_type) values (now(), 'auth.logout', 'user')`,
    );
    expect(await rowCount()).toBe(2);
  });

  it('refuses UPDATE', async () => {
    const message = await failure(() =>
      database.db
        .update(auditLog)
        .set({ action: 'auth.logout' })
        .where(eq(auditLog.action, 'settings.update')),
    );
    expect(message).toContain('audit_log is append-only: UPDATE is not allowed');
    const [row] = await database.db.select().from(auditLog).where(eq(auditLog.entityId, 'security'));
    expect(row?.action).toBe('settings.update');
  });

  it('refuses DELETE', async () => {
    const message = await failure(() => database.db.delete(auditLog));
    expect(message).toContain('audit_log is append-only: DELETE is not allowed');
    expect(await rowCount()).toBe(2);
  });

  it('refuses TRUNCATE', async () => {
    const message = await failure(() => database.db.execute(sql`truncate audit_log`));
    expect(message).toContain('audit_log is append-only: TRUNCATE is not allowed');
    expect(await rowCount()).toBe(2);
  });

  it('refuses a change inside a transaction, and the transaction rolls back whole', async () => {
    const message = await failure(() =>
      database.db.transaction(async (tx) => {
        await recordAudit({ db: tx, audit }, { action: 'auth.login', entityType: 'user' });
        await tx.execute(sql`delete from audit_log where action = 'auth.logout'`);
      }),
    );
    expect(message).toContain('append-only');
    expect(await rowCount()).toBe(2);
  });
});
