import path from 'node:path';
import type { Config } from './config.ts';
import { acquireDataLock, type DataLock, ensurePrivateDataDir } from './data-folder.ts';
import { canAlterAuditLog, currentRole, grantAppRole } from './db/app-role.ts';
import { type Database, openDatabase } from './db/client.ts';
import { migrate } from './db/migrate.ts';

export type ConfiguredDatabase = {
  readonly database: Database;
  /** False when the app's role could alter the audit table (it owns it, or is a superuser). */
  readonly appRoleSeparated: boolean;
  /** Closes the database, then frees the data folder. */
  close(): Promise<void>;
};

type Options = {
  /** Who opens the folder (shown to a second process that finds it locked). */
  readonly purpose: string;
  readonly onIdleError?: (error: Error) => void;
};

/**
 * Opens the database the configuration names and brings it to the current migration: the embedded one in a
 * private, locked data folder; or a PostgreSQL server, migrated by its owner role when DATABASE_MIGRATION_URL is
 * given, the app then connecting as DATABASE_URL's role with row privileges only. The data folder (key file,
 * upload temp files, the embedded database) is private in both cases.
 */
export async function openConfiguredDatabase(
  config: Pick<Config, 'dataDir' | 'databaseUrl' | 'databaseMigrationUrl'>,
  options: Options,
): Promise<ConfiguredDatabase> {
  ensurePrivateDataDir(config.dataDir);
  if (!config.databaseUrl) return openEmbedded(config.dataDir, options);
  const database = await openDatabase({
    kind: 'postgres',
    url: config.databaseUrl,
    ...(options.onIdleError ? { onIdleError: options.onIdleError } : {}),
  });
  try {
    if (config.databaseMigrationUrl) await migrateAsOwner(config.databaseMigrationUrl, database);
    else await migrate(database);
    const appRoleSeparated = !(await canAlterAuditLog(database.db));
    return { database, appRoleSeparated, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}

async function openEmbedded(dataDir: string, options: Options): Promise<ConfiguredDatabase> {
  const lock: DataLock = acquireDataLock(dataDir, options.purpose);
  try {
    const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
    await migrate(database);
    return {
      database,
      appRoleSeparated: true,
      close: async () => {
        try {
          await database.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function migrateAsOwner(ownerUrl: string, app: Database): Promise<void> {
  const owner = await openDatabase({ kind: 'postgres', url: ownerUrl, poolSize: 1 });
  try {
    await migrate(owner);
    const appRole = await currentRole(app.db);
    if (appRole !== (await currentRole(owner.db))) await grantAppRole(owner.db, appRole);
  } finally {
    await owner.close();
  }
}
