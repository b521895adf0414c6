import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../testing/test-db.ts';
import { type Database, queryRows } from './client.ts';

/**
 * The database itself refuses a value outside a closed vocabulary (migration 0012_closed_vocabularies: CHECK
 * constraints), whatever code writes it: SQL straight into the tables, as a script or a hand-made fix would.
 * Runs on PGlite, and on PostgreSQL when DATABASE_URL is set.
 */
let database: Database;

beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

/** The error of a failed statement with its causes (drivers wrap the server's message differently). */
async function failure(statement: ReturnType<typeof sql>): Promise<string> {
  try {
    await database.db.execute(statement);
  } catch (error) {
    const messages: string[] = [];
    for (let e: unknown = error; e instanceof Error; e = e.cause) messages.push(e.message);
    return messages.join(' | ');
  }
  throw new Error('the statement was not refused');
}

const auditRow = (action: string, entityType: string) =>
  sql`insert into audit_log (at, action, entity_type) values (now(), ${action}, ${entityType})`;

describe('closed vocabularies in the database', () => {
  it('audit_log takes a known action about a known kind of record', async () => {
    await database.db.execute(auditRow('auth.logout', 'user'));
    const rows = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from audit_log`);
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('audit_log refuses an unknown action', async () => {
    expect(await failure(auditRow('auth.forged', 'user'))).toContain('audit_log_action_check');
  });

  it('audit_log refuses an unknown entity type', async () => {
    expect(await failure(auditRow('auth.logout', 'spaceship'))).toContain('audit_log_entity_type_check');
  });

  it('member_events refuses an unknown kind, before anything else about the row is looked at', async () => {
    const event = (kind: string) =>
      sql`insert into member_events (member_id, kind, org_id, effective_on) values (-1, ${kind}, -1, '2026-01-01')`;
    expect(await failure(event('transfer_in'))).toContain('member_events_kind_check');
    // The same row with a known kind passes the check and fails only on its missing member.
    const known = await failure(event('registered'));
    expect(known).not.toContain('member_events_kind_check');
    expect(known).toContain('member_events_member_id_members_id_fk');
  });
});
