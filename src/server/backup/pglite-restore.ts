import { existsSync, openAsBlob } from 'node:fs';
import { mkdtemp, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { type Database, type Db, openDatabase } from '../db/client.ts';
import { BackupError } from './backup-error.ts';
import { type DatabaseFacts, readFacts } from './manifest.ts';

/**
 * Loads a PGlite data-folder dump into `<dataDir>/pglite`. It is unpacked into a staging folder beside it and
 * opened there, checked (`verify`), given its audit row, closed cleanly, and only then renamed into place: a
 * restore that fails half-way leaves no folder the server would start on.
 */
export async function restorePgliteFolder(
  dataDir: string,
  dumpPath: string,
  verify: (facts: DatabaseFacts) => void,
  audit: (db: Db) => Promise<void>,
): Promise<void> {
  const target = path.join(dataDir, 'pglite');
  const staging = await mkdtemp(path.join(dataDir, '.pglite-restoring-'));
  let database: Database | null = null;
  try {
    database = await openStaging(staging, dumpPath);
    const pglite = database.pglite as NonNullable<Database['pglite']>;
    verify(
      await pglite.transaction((tx) =>
        readFacts(async (text) => (await tx.query<Record<string, unknown>>(text)).rows),
      ),
    );
    await audit(database.db);
    await database.close();
    database = null;
    if (existsSync(target)) await rmdir(target); // empty (checked before); rmdir refuses anything else
    await rename(staging, target);
  } catch (error) {
    await database?.close().catch(() => undefined);
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

async function openStaging(staging: string, dumpPath: string): Promise<Database> {
  try {
    return await openDatabase({ kind: 'pglite', dataDir: staging, loadDataDir: await openAsBlob(dumpPath) });
  } catch (error) {
    throw new BackupError(
      `无法载入备份中的内嵌数据库：${(error as Error).message}。备份可能来自数据格式不同的程序版本。`,
    );
  }
}
