import { and, eq, getTableColumns, getTableName } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { staleVersion } from '../errors.ts';
import type { Db } from './client.ts';

/** A table whose rows carry an optimistic-lock `version` (orgs, posts, users, members, transfers, settings). */
export type VersionedTable = PgTable & { readonly version: PgColumn };

function primaryKeyOf(table: PgTable): PgColumn {
  const key = Object.values(getTableColumns(table)).find((column) => column.primary);
  if (!key) throw new Error(`${getTableName(table)}: no single-column primary key`);
  return key;
}

/**
 * The optimistic lock, in one place: writes `values` to the row with this primary key only if it still has the
 * `version` the client read, and moves the version on. Answers the saved row; a row saved by someone else in
 * between (or gone) is 409 `stale_version`.
 */
export async function updateAtVersion<T extends VersionedTable>(
  db: Db,
  table: T,
  key: number | string,
  version: number,
  values: PgUpdateSetSource<T>,
): Promise<T['$inferSelect']> {
  const rows = await db
    .update(table)
    .set({ ...values, version: version + 1 } as PgUpdateSetSource<T>)
    .where(and(eq(primaryKeyOf(table), key), eq(table.version, version)))
    .returning();
  const [row] = rows as T['$inferSelect'][];
  if (!row) throw staleVersion();
  return row;
}
