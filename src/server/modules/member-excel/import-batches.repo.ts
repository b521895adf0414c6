import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { importBatches } from '../../db/tables/people.ts';

/** The batch row locked for the undo, so that two undos of one batch cannot both run. */
export async function lockBatch(tx: Db, id: number) {
  const [row] = await tx
    .select({ id: importBatches.id, status: importBatches.status })
    .from(importBatches)
    .where(eq(importBatches.id, id))
    .for('update');
  return row;
}

export async function markBatchUndone(tx: Db, id: number, userId: number | null, at: Date): Promise<void> {
  await tx
    .update(importBatches)
    .set({ status: 'undone', undoneBy: userId, undoneAt: at })
    .where(eq(importBatches.id, id));
}
