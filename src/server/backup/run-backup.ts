import { randomBytes } from 'node:crypto';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { keyFingerprint } from '../security/crypto.ts';
import {
  archiveName,
  archiveStream,
  digest,
  fileBytes,
  keyFileFor,
  openArchive,
  saveArchive,
} from './archive.ts';
import { recordBackupAudit } from './backup-audit.ts';
import { BackupError } from './backup-error.ts';
import { requestBackup } from './control-client.ts';
import { controlSocketPath } from './control-protocol.ts';
import { readDeploymentKey, writeKeyFile } from './key-file.ts';
import { appVersion, type Manifest } from './manifest.ts';
import { findPgTool } from './pg-tools.ts';
import { databaseName, dumpPostgres } from './postgres.ts';
import { describeManifest, KEY_REMINDER } from './report.ts';

export type BackupConfig = Pick<
  Config,
  'dataDir' | 'databaseUrl' | 'databaseMigrationUrl' | 'secretKey' | 'timeZone'
>;

export type BackupOptions = {
  readonly config: BackupConfig;
  /** The folder the archive goes into (created 0700). */
  readonly dir: string;
  readonly now: () => Date;
  /** One line for the operator. */
  readonly say: (line: string) => void;
};

export type BackupResult = { archivePath: string; keyPath: string | null; manifest: Manifest };

/**
 * `npm run backup`: the embedded database through the running server's control socket, or a PostgreSQL
 * database with pg_dump. Then the archive is read back and checked, and the key written next to it.
 */
export async function runBackup(options: BackupOptions): Promise<BackupResult> {
  const dir = path.resolve(options.dir);
  await prepareFolder(dir, options.say);
  const { archivePath, manifest } = options.config.databaseUrl
    ? await backupPostgres(options, dir, options.config.databaseMigrationUrl ?? options.config.databaseUrl)
    : await backupEmbedded(options, dir);
  await checkSaved(archivePath);
  const keyPath = await saveKey(options, archivePath, manifest);
  const { size } = await stat(archivePath);
  options.say(`备份完成：${archivePath}（${megabytes(size)}，已读回核对，文件完整）`);
  options.say(describeManifest(manifest, options.config.timeZone));
  if (keyPath) {
    options.say(`密钥文件：${keyPath}（权限 0600）`);
    options.say(KEY_REMINDER);
  }
  return { archivePath, keyPath, manifest };
}

/** The file on disk, not only the stream, must be whole and match its manifest: else it is not kept. */
async function checkSaved(archivePath: string): Promise<void> {
  try {
    await openArchive(archivePath);
  } catch (error) {
    await rm(archivePath, { force: true });
    throw new BackupError(
      `写入的备份文件读回核对失败，已删除（${(error as Error).message}）：传输可能中断，请重新备份`,
    );
  }
}

async function prepareFolder(dir: string, say: (line: string) => void): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const mode = (await stat(dir)).mode & 0o777;
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    say(
      `注意：备份目录 ${dir} 的权限为 ${mode.toString(8).padStart(4, '0')}，其他用户可以进入；` +
        `备份文件本身为 0600，仍建议执行 chmod 700 ${dir}`,
    );
  }
}

async function backupEmbedded(options: BackupOptions, dir: string) {
  options.say(`正在通过运行中的服务备份内嵌数据库（${controlSocketPath(options.config.dataDir)}）…`);
  const stream = await requestBackup(options.config.dataDir);
  const archivePath = await saveArchive(dir, stream.archiveName, stream.bytes);
  return { archivePath, manifest: stream.manifest };
}

async function backupPostgres(options: BackupOptions, dir: string, url: string) {
  findPgTool('pg_dump');
  options.say(`正在用 pg_dump 备份 PostgreSQL 数据库 ${databaseName(url)}（数据库服务无需停止）…`);
  const work = path.join(dir, `.jiceng-backup-${randomBytes(6).toString('hex')}.dump`);
  try {
    const { facts, createdAt } = await dumpPostgres(url, work, options.now);
    const { sha256, bytes } = await digest(fileBytes(work));
    const manifest: Manifest = {
      format: 'jiceng-backup',
      formatVersion: 1,
      database: 'postgres',
      appVersion: appVersion(),
      createdAt,
      ...facts,
      dump: { file: 'database.dump', bytes, sha256 },
    };
    const name = archiveName(new Date(createdAt), options.config.timeZone);
    const database = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
    try {
      await recordBackupAudit(database.db, options.now(), 'system.backup', name, manifest);
    } finally {
      await database.close();
    }
    const archivePath = await saveArchive(dir, name, archiveStream(manifest, fileBytes(work)));
    return { archivePath, manifest };
  } finally {
    await rm(work, { force: true });
  }
}

/** The key next to the archive, only if it is the key of the data: never a wrong key that looks right. */
async function saveKey(options: BackupOptions, archivePath: string, manifest: Manifest) {
  let found: ReturnType<typeof readDeploymentKey>;
  try {
    found = readDeploymentKey(options.config);
  } catch (error) {
    throw new BackupError(`备份文件已保存（${archivePath}），但读取密钥失败：${(error as Error).message}`);
  }
  if (!found) {
    options.say(
      `注意：没有找到密钥（未设置 JICENG_SECRET_KEY，${options.config.dataDir} 中也没有 secret.key），没有生成 .key 文件。` +
        '请确认另外妥善保存了服务使用的密钥：没有它，备份中的身份证号无法读取。',
    );
    return null;
  }
  if (manifest.idKeyFingerprint && keyFingerprint(found.key) !== manifest.idKeyFingerprint) {
    throw new BackupError(
      `备份文件已保存（${archivePath}），但 ${found.origin} 中的密钥与数据库的数据不匹配，没有生成 .key 文件：` +
        '请检查 JICENG_SECRET_KEY 和 JICENG_DATA_DIR 是否与服务使用的一致。',
    );
  }
  const keyPath = keyFileFor(archivePath);
  await writeKeyFile(keyPath, found.key);
  return keyPath;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
