import { recordAudit } from '../audit/audit.ts';
import { jobAudit } from '../context.ts';
import type { Db } from '../db/client.ts';
import { type Manifest, rowCounts } from './manifest.ts';

/** Backups and restores are run by the operator at the server's console, not by a signed-in user. */
export const CONSOLE_ACTOR = '命令行';

/**
 * One audit row for a backup (in the live database, once the data has been read out: like an export, what is
 * recorded is that the data left the database) or a restore (in the restored database, after it was verified).
 * The note names the archive and the table counts; never the key.
 */
export async function recordBackupAudit(
  db: Db,
  at: Date,
  action: 'system.backup' | 'system.restore',
  archive: string,
  manifest: Manifest,
): Promise<void> {
  await recordAudit(
    { db, audit: jobAudit(at, CONSOLE_ACTOR) },
    {
      action,
      entityType: 'backup',
      entityId: archive,
      note: {
        archive,
        database: manifest.database,
        backupCreatedAt: manifest.createdAt,
        appVersion: manifest.appVersion,
        tables: rowCounts(manifest.tables),
      },
    },
  );
}
