import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../testing/test-db.ts';
import { type Database, queryRows } from './client.ts';

/**
 * The database itself refuses a value outside a closed vocabulary (migrations 0012_closed_vocabularies and
 * 0018_closed_vocabularies_more: CHECK constraints), whatever code writes it: SQL straight into the tables, as a script or a hand-made fix would.
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
      sql`insert into member_events (member_id, kind, org_id, effective_on, counted_on)
        values (-1, ${kind}, -1, '2026-01-01', '2026-01-01')`;
    expect(await failure(event('transfer_in'))).toContain('member_events_kind_check');
    // The same row with a known kind passes the check and fails only on its missing member.
    const known = await failure(event('registered'));
    expect(known).not.toContain('member_events_kind_check');
    expect(known).toContain('member_events_member_id_members_id_fk');
  });

  const refusal = (action: string, reason: string) =>
    sql`insert into audit_log (at, action, entity_type, diff)
        values (now(), ${action}, 'user', ${JSON.stringify({ note: { reason } })}::jsonb)`;

  it('audit_log refuses a refusal whose reason is outside its vocabulary (migration 0018)', async () => {
    expect(await failure(refusal('auth.login_failed', 'guessed_badly'))).toContain(
      'audit_log_note_reason_check',
    );
    expect(await failure(refusal('member.id_conflict', 'wrong_password '))).toContain(
      'audit_log_note_reason_check',
    );
    await database.db.execute(refusal('auth.login_failed', 'wrong_password'));
    await database.db.execute(refusal('auth.second_factor_failed', 'code_already_used'));
    // Another action's note may carry a person's own words as its reason (a status change's 原因).
    await database.db.execute(refusal('member.status_change', '本人申请'));
    const rows = await queryRows<{ reason: string }>(
      database.db,
      sql`select diff -> 'note' ->> 'reason' as reason from audit_log where diff ? 'note' order by id`,
    );
    expect(rows.map((r) => r.reason)).toEqual(['wrong_password', 'code_already_used', '本人申请']);
  });

  it('org_events refuses an unknown kind (migration 0018)', async () => {
    const event = (kind: string) =>
      sql`insert into org_events (org_id, kind, effective_on) values (-1, ${kind}, '2026-01-01')`;
    expect(await failure(event('renamed'))).toContain('org_events_kind_check');
    const known = await failure(event('moved'));
    expect(known).not.toContain('org_events_kind_check');
    expect(known).toContain('org_events_org_id_orgs_id_fk');
  });

  it.each([
    ['cause', { cause: 'late_arrival' }],
    ['status', { status: 'pending' }],
    ['outcome', { outcome: 'forgiven' }],
  ])('lapse_cases refuses an unknown %s (党章第九条 cases)', async (column, value) => {
    const lapse = (v: Record<string, string>) => {
      const row = { cause: 'org_life_absence', status: 'open', outcome: null, ...v };
      return sql`insert into lapse_cases (member_id, org_id, cause, run_from, run_to, opened_on, status, outcome)
        values (-1, -1, ${row.cause}, '2026-01', '2026-06', '2026-07-01', ${row.status}, ${row.outcome})`;
    };
    expect(await failure(lapse(value))).toContain(`lapse_cases_${column}_check`);
    const known = await failure(lapse({}));
    expect(known).not.toContain('_check');
    expect(known).toContain('lapse_cases_member_id_members_id_fk');
  });

  it.each([
    ['format', { format: 'csv' }],
    ['mode', { mode: 'best_effort' }],
    ['status', { status: 'rolled_back' }],
  ])('import_batches refuses an unknown %s (migration 0018)', async (column, value) => {
    const batch = (v: Record<string, string>) => {
      const row = { format: 'template', mode: 'valid_rows', status: 'committed', ...v };
      return sql`insert into import_batches (org_id, file_name, format, mode, status, row_count, imported_count,
        error_count) values (-1, 'a.xlsx', ${row.format}, ${row.mode}, ${row.status}, 0, 0, 0)`;
    };
    expect(await failure(batch(value))).toContain(`import_batches_${column}_check`);
    const known = await failure(batch({}));
    expect(known).not.toContain('_check');
    expect(known).toContain('import_batches_org_id_orgs_id_fk');
  });
});
