import { and, count, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { AuditAction, AuditEntityType } from '../../../contracts/audit.ts';
import type { Db } from '../../db/client.ts';
import { orgInScope, orgInScopeOrDeploymentWide, type Scope } from '../../db/scope.ts';
import { auditLog } from '../../db/tables/audit.ts';
import { orgs } from '../../db/tables/orgs.ts';

export type AuditFilter = {
  /** The actor's `audit.read` scope. */
  readonly scope: Scope;
  /** Entries about orgs in this subtree. */
  readonly within?: Scope | undefined;
  /** `at >= from` */
  readonly from?: Date | undefined;
  /** `at < before` */
  readonly before?: Date | undefined;
  readonly actor?: string | undefined;
  readonly action?: AuditAction | undefined;
  readonly entityType?: AuditEntityType | undefined;
  readonly entityId?: string | undefined;
};

export type AuditRecord = typeof auditLog.$inferSelect & { orgName: string | null };

function filterCondition(f: AuditFilter): SQL | undefined {
  return and(
    orgInScopeOrDeploymentWide(f.scope, auditLog.orgId),
    f.within ? orgInScope(f.within, auditLog.orgId) : undefined,
    f.from ? gte(auditLog.at, f.from) : undefined,
    f.before ? lt(auditLog.at, f.before) : undefined,
    f.actor ? eq(auditLog.actorUsername, f.actor) : undefined,
    f.action ? eq(auditLog.action, f.action) : undefined,
    f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
    f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
  );
}

function selectEntries(db: Db, where: SQL | undefined) {
  return db
    .select({ entry: auditLog, orgName: orgs.name })
    .from(auditLog)
    .leftJoin(orgs, eq(orgs.id, auditLog.orgId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id));
}

const flatten = (r: { entry: typeof auditLog.$inferSelect; orgName: string | null }): AuditRecord => ({
  ...r.entry,
  orgName: r.orgName,
});

/** One page of entries, newest first. */
export async function listAuditEntries(
  db: Db,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: AuditRecord[]; total: number }> {
  const where = filterCondition(filter);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(auditLog).where(where);
  const rows = await selectEntries(db, where).limit(page.limit).offset(page.offset);
  return { rows: rows.map(flatten), total };
}

/**
 * Every matching entry, newest first, in batches: an export of a year's log never sits in memory at once.
 * Batches continue after the last (at, id) seen; `at` is always written from a JS Date (audit.ts), so the
 * millisecond precision of the cursor loses nothing.
 */
export async function* eachAuditEntryBatch(
  db: Db,
  filter: AuditFilter,
  batchSize = 1000,
): AsyncGenerator<AuditRecord[]> {
  const where = filterCondition(filter);
  let cursor: { at: Date; id: number } | undefined;
  for (;;) {
    const after = cursor
      ? sql`(${auditLog.at}, ${auditLog.id}) < (${cursor.at.toISOString()}::timestamptz, ${cursor.id})`
      : undefined;
    const rows = (await selectEntries(db, and(where, after)).limit(batchSize)).map(flatten);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1] as AuditRecord;
    cursor = { at: last.at, id: last.id };
  }
}
