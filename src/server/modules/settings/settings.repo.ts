import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { settings } from '../../db/tables/settings.ts';

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

export async function updateSetting(
  db: Db,
  key: string,
  value: Record<string, unknown>,
  version: number,
  by: number,
  at: Date,
): Promise<StoredSetting | undefined> {
  const [row] = await db
    .update(settings)
    .set({ value, version: version + 1, updatedBy: by, updatedAt: at })
    .where(and(eq(settings.key, key), eq(settings.version, version)))
    .returning();
  return row;
}
