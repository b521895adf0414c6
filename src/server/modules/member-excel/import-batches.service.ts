import type { ImportBatchView } from '../../../contracts/member-import.ts';
import { found, orgIn, requireAt, requirePermission, scopeFor, scopeOf } from '../../access/index.ts';
import { recordAudit } from '../../audit/audit.ts';
import { type Ctx, inTransaction } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError, notFound } from '../../errors.ts';
import { removeImportedMembers } from '../members/index.ts';
import { accountNames } from '../users/index.ts';
import { lockBatch, markBatchUndone } from './import-batches.repo.ts';
import { openErrorFile } from './import-files.ts';
import {
  type BatchRow,
  deleteBatchImportFiles,
  findBatchInScope,
  findImportFile,
  listBatches,
} from './member-import.repo.ts';

/** 导入批次 as the UI lists them, with who imported and who undid them; the path for scoping stays here. */
async function batchViews(db: Db, rows: readonly NonNullable<BatchRow>[]): Promise<ImportBatchView[]> {
  const names = await accountNames(
    db,
    rows.flatMap((r) => [r.createdById, r.undoneById]),
  );
  return rows.map(({ orgPath: _path, createdById, undoneById, createdAt, undoneAt, ...rest }) => {
    const creator = createdById === null ? undefined : names.get(createdById);
    const undoer = undoneById === null ? undefined : names.get(undoneById);
    return {
      ...rest,
      createdBy: creator?.username ?? null,
      createdByName: creator?.name ?? null,
      createdAt: createdAt.toISOString(),
      undoneBy: undoer?.username ?? null,
      undoneByName: undoer?.name ?? null,
      undoneAt: undoneAt?.toISOString() ?? null,
    };
  });
}

export async function batchView(db: Db, row: NonNullable<BatchRow>): Promise<ImportBatchView> {
  const [view] = await batchViews(db, [row]);
  if (!view) throw new Error('unreachable: one row gives one view');
  return view;
}

export async function listImportBatches(
  ctx: Ctx,
  input: {
    page: number;
    pageSize: number;
    orgId?: number | undefined;
    status?: 'committed' | 'undone' | undefined;
  },
) {
  const scope = scopeFor(ctx, 'member.read');
  const within = input.orgId ? (await orgIn(ctx, scope, input.orgId, '党组织')).path : null;
  const { rows, total } = await listBatches(
    ctx.db,
    { scope, within, status: input.status },
    { limit: input.pageSize, offset: (input.page - 1) * input.pageSize },
  );
  return { items: await batchViews(ctx.db, rows), total };
}

/** The batch, locked, is still committed (409). */
async function ensureCommitted(tx: Ctx, id: number): Promise<void> {
  const batch = await lockBatch(tx.db, id);
  if (batch?.status !== 'committed') {
    throw new AppError('conflict', '该导入批次已撤销', { reason: 'batch_already_undone' });
  }
}

/**
 * 撤销导入: removes a batch whose members are exactly as imported (no later event, edit or transfer),
 * their history and their persons, and takes them out of the statistics (the rollup, in the same
 * transaction). A batch with changed members is refused with their count: undo would lose those changes.
 */
export async function undoImportBatch(ctx: Ctx, input: { id: number }) {
  const { id } = input;
  // No 403 first: without member.manage anywhere the scope is empty, and the batch is not found (404).
  const scope = scopeOf(ctx, 'member.manage');
  const batchInScope = found(await findBatchInScope(ctx.db, scope, id), '导入批次');
  const role = requireAt(ctx, 'member.manage', batchInScope.orgPath, '导入批次');
  const removed = await inTransaction(ctx, async (tx) => {
    await ensureCommitted(tx, id);
    // The members module removes the members, or refuses (422) when any changed since the import.
    const { removedMembers, removedPersons } = await removeImportedMembers(tx, id);
    // Its error workbook holds rows of the same upload: it goes with the batch.
    const removedErrorFiles = await deleteBatchImportFiles(tx.db, id);
    await markBatchUndone(tx.db, id, tx.audit.actorId, tx.at);
    await recordAudit(tx, {
      action: 'import_batch.undo',
      entityType: 'import_batch',
      entityId: id,
      orgId: batchInScope.orgId,
      role,
      note: { removedMembers, removedPersons, removedErrorFiles },
    });
    return { removedMembers, removedPersons };
  });
  const batch = await findBatchInScope(ctx.db, scope, id);
  return { batch: await batchView(ctx.db, batch as NonNullable<BatchRow>), ...removed };
}

/**
 * An error workbook, decrypted, to the user who made it, within its retention time; anyone else, or a file
 * that does not decrypt, gets 404.
 */
export async function getErrorFile(ctx: Ctx, input: { id: string }) {
  const { id } = input;
  requirePermission(ctx, 'member.manage');
  const file = await findImportFile(ctx.db, id, ctx.actor.userId, ctx.at);
  const content = file ? openErrorFile(ctx.idCipher, id, file.content) : null;
  if (!file || !content) throw notFound('错误说明文件');
  return { fileName: file.fileName, content };
}
