import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { acquireDataLock, type DataLock, ensurePrivateDataDir } from '../data-folder.ts';
import { openDatabase } from '../db/client.ts';
import { keyFingerprint } from '../security/crypto.ts';
import { openArchive, readManifest } from './archive.ts';
import { recordBackupAudit } from './backup-audit.ts';
import { BackupError } from './backup-error.ts';
import { assertKeyFits, planKeyInstall, readKeyFile, writeKeyFile } from './key-file.ts';
import { type DatabaseFacts, type Manifest, migrationJournal, tableMismatches } from './manifest.ts';
import { restorePgliteFolder } from './pglite-restore.ts';
import { assertEmptyDatabase, databaseName, loadPostgres, postgresFacts } from './postgres.ts';
import { describeManifest } from './report.ts';
import type { BackupConfig } from './run-backup.ts';

export type RestoreOptions = {
  readonly config: BackupConfig;
  readonly archive: string;
  readonly keyFile: string;
  readonly now: () => Date;
  readonly say: (line: string) => void;
};

/**
 * `npm run restore -- <archive> --key <keyfile>`: into an empty data folder (embedded database) or an empty
 * PostgreSQL database. Refuses before touching anything when the target is not empty, the key is not the
 * data's or the archive is damaged; after loading, every table is checked against the manifest.
 */
export async function runRestore(options: RestoreOptions): Promise<Manifest> {
  const { config } = options;
  const archive = path.resolve(options.archive);
  if (!existsSync(archive)) throw new BackupError(`找不到备份文件 ${archive}`);
  const key = readKeyFile(options.keyFile);
  const url = config.databaseUrl ? (config.databaseMigrationUrl ?? config.databaseUrl) : null;
  const lock = claimDataFolder(config.dataDir, url === null);
  const work = await mkdtemp(path.join(config.dataDir, '.restore-'));
  try {
    if (url) await assertEmptyDatabase(url);
    else assertEmptyFolder(path.join(config.dataDir, 'pglite'));
    const manifest = await readManifest(archive);
    assertRestorable(manifest, url);
    assertKeyFits(key, manifest.idKeyFingerprint, options.keyFile);
    const keyPlan = planKeyInstall(config, key);
    options.say(describeManifest(manifest, config.timeZone));
    const dumpPath = await unpackDump(archive, work, manifest, options.say);
    const verify = (facts: DatabaseFacts) => assertMatches(manifest, facts, key);
    if (url) await restorePostgres(options, url, manifest, dumpPath, verify);
    else await restoreEmbedded(options, manifest, dumpPath, verify);
    if (keyPlan.write) await writeKeyFile(keyPlan.write, key);
    options.say('恢复完成：每张表的行数和校验值均与备份清单一致。');
    options.say(
      keyPlan.write
        ? `密钥已写入 ${keyPlan.write}（权限 0600）。现在可以启动服务（npm start）。`
        : '服务将使用已配置的同一把密钥。现在可以启动服务（npm start）。',
    );
    return manifest;
  } finally {
    await rm(work, { recursive: true, force: true });
    lock?.release();
  }
}

/**
 * The data folder must be private (the key goes there); for the embedded database it is locked as the server
 * locks it, so that no server starts on it half-way and none is running on it now.
 */
function claimDataFolder(dataDir: string, embedded: boolean): DataLock | null {
  try {
    ensurePrivateDataDir(dataDir);
    return embedded ? acquireDataLock(dataDir, 'npm run restore') : null;
  } catch (error) {
    throw new BackupError((error as Error).message);
  }
}

async function unpackDump(archive: string, work: string, manifest: Manifest, say: (line: string) => void) {
  say(`正在读取并校验备份文件 ${archive}…`);
  const opened = await openArchive(archive, work);
  if (JSON.stringify(opened.manifest) !== JSON.stringify(manifest)) {
    throw new BackupError(`备份文件 ${archive} 在恢复过程中被改动了：请勿在恢复时修改它`);
  }
  return opened.dumpPath as string;
}

async function restoreEmbedded(
  options: RestoreOptions,
  manifest: Manifest,
  dumpPath: string,
  verify: (facts: DatabaseFacts) => void,
): Promise<void> {
  options.say('正在载入内嵌数据库…');
  const name = path.basename(options.archive);
  await restorePgliteFolder(options.config.dataDir, dumpPath, verify, (db) =>
    recordBackupAudit(db, options.now(), 'system.restore', name, manifest),
  );
}

async function restorePostgres(
  options: RestoreOptions,
  url: string,
  manifest: Manifest,
  dumpPath: string,
  verify: (facts: DatabaseFacts) => void,
): Promise<void> {
  options.say(`正在用 pg_restore 恢复到 PostgreSQL 数据库 ${databaseName(url)}…`);
  await loadPostgres(url, dumpPath);
  try {
    verify(await postgresFacts(url));
  } catch (error) {
    throw new BackupError(
      `${(error as Error).message}\n数据库 ${databaseName(url)} 中已载入的数据不可信：请勿启动服务，删除并重建该数据库后再恢复。`,
    );
  }
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
  try {
    await recordBackupAudit(
      database.db,
      options.now(),
      'system.restore',
      path.basename(options.archive),
      manifest,
    );
  } finally {
    await database.close();
  }
}

function assertEmptyFolder(folder: string): void {
  if (existsSync(folder) && readdirSync(folder).length > 0) {
    throw new BackupError(
      `数据目录 ${folder} 中已有数据：恢复只能写入空的数据目录，以免覆盖现有数据。` +
        `请停止服务，把 ${folder} 移走（或让 JICENG_DATA_DIR 指向一个新目录）后再恢复。`,
    );
  }
}

function assertRestorable(manifest: Manifest, url: string | null): void {
  if (manifest.database === 'pglite' && url) {
    throw new BackupError(
      '这是内嵌数据库（PGlite）的备份，只能恢复到内嵌数据库：请取消 DATABASE_URL，恢复到一个空的数据目录。',
    );
  }
  if (manifest.database === 'postgres' && !url) {
    throw new BackupError(
      '这是 PostgreSQL 数据库的备份：请设置 DATABASE_URL 指向一个新建的空数据库后再恢复。',
    );
  }
  const known = migrationJournal().length;
  if (manifest.migrations.count > known) {
    throw new BackupError(
      `备份来自更新的程序版本（${manifest.appVersion}，数据库迁移 ${manifest.migrations.count} 个；本程序只有 ${known} 个）：` +
        '请先升级到不低于该版本的程序再恢复。',
    );
  }
}

/** Every table as the manifest says, and the data encrypted under this key; else the restore is not used. */
function assertMatches(manifest: Manifest, facts: DatabaseFacts, key: Buffer): void {
  const problems = tableMismatches(manifest.tables, facts.tables);
  if (problems.length > 0) {
    throw new BackupError(
      `恢复后的数据与备份清单不一致，恢复未完成：\n  ${problems.join('\n  ')}\n备份文件可能已损坏或被改动。`,
    );
  }
  if (facts.idKeyFingerprint !== null && facts.idKeyFingerprint !== keyFingerprint(key)) {
    throw new BackupError('密钥与恢复的数据不匹配：数据中记录的密钥指纹不是这把密钥的，恢复未完成。');
  }
}
