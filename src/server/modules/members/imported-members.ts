import type { WorkCtx } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { recordRosterChanges } from '../stats/index.ts';
import { countChangedMembers, deleteBatchMembers, lockBatchMembers } from './imported-members.repo.ts';

/**
 * 撤销导入, the members' part: the members of an import batch go — their history, their persons (unless an
 * account or another member row still refers to one) — and leave the statistics (the rollup), in the caller's
 * transaction. Only while every one of them is exactly as imported: a later event, an edit or a transfer would be
 * lost, so the batch is refused (422) with their count. The member-excel module locks the batch and writes the
 * audit row.
 */
export async function removeImportedMembers(
  tx: WorkCtx,
  batchId: number,
): Promise<{ removedMembers: number; removedPersons: number }> {
  const changed = await countChangedMembers(tx.db, batchId);
  if (changed > 0) {
    throw new AppError(
      'rule_violation',
      `该批次有${changed}名党员在导入后发生了变动（变更、编辑或转接），不能撤销`,
      { reason: 'batch_members_changed', changedCount: changed },
    );
  }
  const list = await lockBatchMembers(tx.db, batchId);
  await recordRosterChanges(
    tx,
    list.map((m) => ({ before: m, after: null })),
  );
  const removedPersons = await deleteBatchMembers(tx.db, batchId, list);
  return { removedMembers: list.length, removedPersons };
}
