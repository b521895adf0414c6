import type { ImportBatchView } from '../../../contracts/member-import.ts';
import type { Actor } from '../../../domain/access/index.ts';
import { type AuditContext, recordAudit } from '../../audit/audit.ts';
import type { Deps } from '../../deps.ts';
import { requireAt, requirePermission, scopeOf } from '../../http/access.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { getOrgRef } from '../orgs/org-refs.ts';
import { recordRosterChanges } from '../stats/rollup.service.ts';
import {
  countChangedMembers,
  deleteBatchMembers,
  lockBatch,
  lockBatchMembers,
  markBatchUndone,
} from './import-batches.repo.ts';
import { openErrorFile } from './import-files.ts';
import {
  type BatchRow,
  deleteBatchImportFiles,
  findBatchInScope,
  findImportFile,
  listBatches,
} from './member-import.repo.ts';

/** 导入批次 as the UI lists them; the path used for scoping stays on the server. */
export function batchView(row: NonNullable<BatchRow>): ImportBatchView {
  const { orgPath: _path, createdAt, undoneAt, ...rest } = row;
  return { ...rest, createdAt: createdAt.toISOString(), undoneAt: undoneAt?.toISOString() ?? null };
}

export async function listImportBatches(
  deps: Deps,
  actor: Actor,
  input: {
    page: number;
    pageSize: number;
    orgId?: number | undefined;
    status?: 'committed' | 'undone' | undefined;
  },
) {
  const today = deps.clock.today();
  requirePermission(actor, 'member.read', today);
  const scope = scopeOf(actor, 'member.read', today);
  const within = input.orgId ? (await getOrgRef(deps.db, scope, input.orgId, '党组织')).path : null;
  const { rows, total } = await listBatches(
    deps.db,
    { scope, within, status: input.status },
    { limit: input.pageSize, offset: (input.page - 1) * input.pageSize },
  );
  return { items: rows.map(batchView), total };
}

/**
 * 撤销导入: removes a batch whose members are exactly as imported (no later event, edit or transfer),
 * their history and their persons, and takes them out of the statistics (the rollup, in the same
 * transaction). A batch with changed members is refused with their count: undo would lose those changes.
 */
export async function undoImportBatch(deps: Deps, actor: Actor, ctx: AuditContext, id: number) {
  const today = deps.clock.today();
  const scope = scopeOf(actor, 'member.manage', today);
  const found = await findBatchInScope(deps.db, scope, id);
  if (!found) throw notFound('导入批次');
  const role = requireAt(actor, 'member.manage', found.orgPath, today, '导入批次');
  const removed = await deps.db.transaction(async (tx) => {
    const batch = await lockBatch(tx, id);
    if (batch?.status !== 'committed') {
      throw new AppError('conflict', '该导入批次已撤销', { reason: 'batch_already_undone' });
    }
    const changed = await countChangedMembers(tx, id);
    if (changed > 0) {
      throw new AppError(
        'rule_violation',
        `该批次有${changed}名党员在导入后发生了变动（变更、编辑或转接），不能撤销`,
        {
          reason: 'batch_members_changed',
          changedCount: changed,
        },
      );
    }
    const list = await lockBatchMembers(tx, id);
    await recordRosterChanges(
      tx,
      today,
      list.map((m) => ({ before: m, after: null })),
    );
    const removedPersons = await deleteBatchMembers(tx, id, list);
    // Its error workbook holds rows of the same upload: it goes with the batch.
    const removedErrorFiles = await deleteBatchImportFiles(tx, id);
    await markBatchUndone(tx, id, ctx.actorId, ctx.at);
    await recordAudit(tx, ctx, {
      action: 'import_batch.undo',
      entityType: 'import_batch',
      entityId: id,
      orgId: found.orgId,
      role,
      note: { removedMembers: list.length, removedPersons, removedErrorFiles },
    });
    return { removedMembers: list.length, removedPersons };
  });
  const batch = await findBatchInScope(deps.db, scope, id);
  return { batch: batchView(batch as NonNullable<BatchRow>), ...removed };
}

/**
 * An error workbook, decrypted, to the user who made it, within its retention time; anyone else, or a file
 * that does not decrypt, gets 404.
 */
export async function getErrorFile(deps: Deps, actor: Actor, id: string) {
  requirePermission(actor, 'member.manage', deps.clock.today());
  const file = await findImportFile(deps.db, id, actor.userId, deps.clock.now());
  const content = file ? openErrorFile(deps.idCipher, id, file.content) : null;
  if (!file || !content) throw notFound('错误说明文件');
  return { fileName: file.fileName, content };
}
