import { and, desc, eq, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { orgInScope, pathInScope, type Scope } from '../../db/scope.ts';
import { orgs } from '../../db/tables/orgs.ts';
import { importBatches, importFiles } from '../../db/tables/people.ts';

/** Orgs in the scope whose full name or 组织代码 is `text` (a dissolved one too, for a clear refusal). */
export async function findOrgsByNameOrCode(db: Db, scope: Scope, text: string) {
  return db
    .select({ id: orgs.id, kind: orgs.kind, code: orgs.code, dissolvedOn: orgs.dissolvedOn })
    .from(orgs)
    .where(and(or(eq(orgs.name, text), eq(orgs.code, text)), pathInScope(scope, orgs.path)))
    .limit(20);
}

export type NewBatch = typeof importBatches.$inferInsert;

export async function insertBatch(tx: Db, values: NewBatch): Promise<number> {
  const [row] = await tx.insert(importBatches).values(values).returning({ id: importBatches.id });
  return (row as { id: number }).id;
}

export async function saveImportFile(db: Db, values: typeof importFiles.$inferInsert): Promise<void> {
  await db.insert(importFiles).values(values);
}

/** Error workbooks past their retention time (import-files.ts sweeps them). */
export async function deleteExpiredImportFiles(db: Db, now: Date): Promise<number> {
  const gone = await db
    .delete(importFiles)
    .where(lte(importFiles.expiresAt, now))
    .returning({ id: importFiles.id });
  return gone.length;
}

/** The error workbooks of a batch, deleted with its undo. */
export async function deleteBatchImportFiles(tx: Db, batchId: number): Promise<number> {
  const gone = await tx
    .delete(importFiles)
    .where(eq(importFiles.batchId, batchId))
    .returning({ id: importFiles.id });
  return gone.length;
}

/** A file of this user that has not expired. */
export async function findImportFile(db: Db, id: string, userId: number, now: Date) {
  const [row] = await db
    .select({ fileName: importFiles.fileName, content: importFiles.content })
    .from(importFiles)
    .where(
      and(eq(importFiles.id, id), eq(importFiles.createdBy, userId), sql`${importFiles.expiresAt} > ${now}`),
    );
  return row;
}

const batchColumns = {
  id: importBatches.id,
  orgId: importBatches.orgId,
  orgName: orgs.name,
  orgPath: orgs.path,
  fileName: importBatches.fileName,
  format: importBatches.format,
  mode: importBatches.mode,
  rowCount: importBatches.rowCount,
  importedCount: importBatches.importedCount,
  errorCount: importBatches.errorCount,
  status: importBatches.status,
  createdById: importBatches.createdBy,
  createdAt: importBatches.createdAt,
  undoneById: importBatches.undoneBy,
  undoneAt: importBatches.undoneAt,
};
export type BatchRow = Awaited<ReturnType<typeof findBatchInScope>> & {};

function batchQuery(db: Db, where: SQL | undefined) {
  return db
    .select(batchColumns)
    .from(importBatches)
    .innerJoin(orgs, eq(orgs.id, importBatches.orgId))
    .where(where);
}

export async function findBatchInScope(db: Db, scope: Scope, id: number) {
  const [row] = await batchQuery(db, and(eq(importBatches.id, id), pathInScope(scope, orgs.path)));
  return row;
}

export async function listBatches(
  db: Db,
  filter: { scope: Scope; within: string | null; status: 'committed' | 'undone' | undefined },
  page: { limit: number; offset: number },
) {
  const where = and(
    orgInScope(filter.scope, importBatches.orgId),
    filter.within === null ? undefined : sql`${orgs.path} <@ ${filter.within}::ltree`,
    filter.status === undefined ? undefined : eq(importBatches.status, filter.status),
  );
  const rows = await batchQuery(db, where)
    .orderBy(desc(importBatches.createdAt), desc(importBatches.id))
    .limit(page.limit)
    .offset(page.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(importBatches)
    .innerJoin(orgs, eq(orgs.id, importBatches.orgId))
    .where(where);
  return { rows, total: count?.n ?? 0 };
}
