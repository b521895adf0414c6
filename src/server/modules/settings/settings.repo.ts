import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { settings } from '../../db/tables/settings.ts';
import { updateAtVersion } from '../../db/versioned.ts';

export type StoredSetting = typeof settings.$inferSelect;

export async function findSetting(db: Db, key: string): Promise<StoredSetting | undefined> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key));
  return row;
}

export async function insertSetting(
  db: Db,
  key: string,
  value: Record<string, unknown>,
  by: number | null,
): Promise<boolean> {
  const rows = await db
    .insert(settings)
    .values({ key, value, version: 1, updatedBy: by })
    .onConflictDoNothing()
    .returning({ key: settings.key });
  return rows.length > 0;
}

/** Saves a group at the version read (409 `stale_version` when someone saved it since: updateAtVersion). */
export async function updateSetting(
  db: Db,
  key: string,
  value: Record<string, unknown>,
  version: number,
  by: number,
  at: Date,
): Promise<StoredSetting> {
  return updateAtVersion(db, settings, key, version, { value, updatedBy: by, updatedAt: at });
}
