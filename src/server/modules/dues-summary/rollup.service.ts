import type { Db } from '../../db/client.ts';
import { transactionWithRetry } from '../../db/retry.ts';
import { lockRollup, refreshMarked, rollupMarked, withoutJit } from './rollup.repo.ts';

/*
 * Keeping the dues roll-up (docs/dues.md §10):
 *
 * - Rows: per branch (the org its charges are owed to) and month, the figures of src/domain/dues/collection.ts;
 *   per org and month the same summed over its subtree, itself included, so that the city root reads one row per
 *   month and each child one. A row never changes with the date alone ("on time" is decided by the month's last
 *   day, fixed), so there is no daily pass.
 * - Writes: triggers (migration 0043) mark, in the writer's transaction, the branch and month of every charge
 *   written and of every ledger entry for a charged month (wherever the money was collected), and the rows of an
 *   org whose path a move changed. A payment costs its writer one insert.
 * - Refresh before reads: one cheap question (marks waiting?), else, under the roll-up's lock, one statement takes
 *   the marks, recomputes those branch-months in SQL and moves the differences along the ancestors. Marks of
 *   writers not yet committed stay for the next read; the statement reads the charges and the ledger in the same
 *   snapshot as the marks it takes, so nothing committed is ever missed.
 */
export async function keepDuesRollupCurrent(ctx: { readonly db: Db }): Promise<void> {
  if (!(await rollupMarked(ctx.db))) return;
  await transactionWithRetry(ctx.db, async (db) => {
    await lockRollup(db);
    await withoutJit(db);
    await refreshMarked(db);
  });
}
