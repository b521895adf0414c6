import { desc, eq } from 'drizzle-orm';
import type { AuditAction } from '../../contracts/audit.ts';
import type { Db } from '../db/client.ts';
import { auditLog } from '../db/tables/audit.ts';

/** The audit rows of one action, newest first: tests check that every write left its trace. */
export async function auditRows(db: Db, action: AuditAction) {
  return db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id));
}
