import { desc, eq, sql } from 'drizzle-orm';
import type { LedgerClosing } from '../../../domain/membership/index.ts';
import type { Db } from '../../db/client.ts';
import { ledgerClosings } from '../../db/tables/ledger.ts';

export type ClosingRow = typeof ledgerClosings.$inferSelect;

/** Every closing, newest first. */
export async function findClosings(db: Db): Promise<ClosingRow[]> {
  return db.select().from(ledgerClosings).orderBy(desc(ledgerClosings.periodEnd));
}

/**
 * One advisory lock orders closings against event writes (PostgreSQL; PGlite runs one transaction at a time): a
 * writer holds it shared from before it reads the closings until it commits, a closing holds it exclusively. So a
 * period cannot be closed between the guard's read and the event's insert.
 */
const CLOSINGS_LOCK = sql`hashtext('jiceng.ledger_closings')`;

/** The closings as the guard on member events reads them, in the writer's transaction, after the shared lock. */
export async function closingsForWrite(db: Db): Promise<LedgerClosing[]> {
  await db.execute(sql`select pg_advisory_xact_lock_shared(${CLOSINGS_LOCK})`);
  return db
    .select({ periodEnd: ledgerClosings.periodEnd, closedOn: ledgerClosings.closedOn })
    .from(ledgerClosings);
}

/** Waits for the event writes under way to commit: taken by a closing before it reads and writes. */
export async function lockClosings(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${CLOSINGS_LOCK})`);
}

/** Inserts the closing; false when the period was closed concurrently (the primary key decides). */
export async function insertClosing(
  db: Db,
  row: { periodEnd: string; closedOn: string; closedBy: number | null; note: string | null; at: Date },
): Promise<boolean> {
  const inserted = await db
    .insert(ledgerClosings)
    .values({ ...row, closedAt: row.at })
    .onConflictDoNothing()
    .returning({ periodEnd: ledgerClosings.periodEnd });
  return inserted.length === 1;
}

export async function deleteClosing(db: Db, periodEnd: string): Promise<boolean> {
  const deleted = await db
    .delete(ledgerClosings)
    .where(eq(ledgerClosings.periodEnd, periodEnd))
    .returning({ periodEnd: ledgerClosings.periodEnd });
  return deleted.length === 1;
}
