import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeSecretKey, KEY_FILE_NAME, keyFingerprint } from '../security/crypto.ts';
import { BackupError } from './backup-error.ts';

/**
 * The ID-number key around a backup. It never goes into the archive (whoever holds the archive would then
 * read every ID number): it is written to a separate `.key` file that the operator stores elsewhere.
 */
export type KeySource = { readonly secretKey: string | undefined; readonly dataDir: string };

/**
 * The deployment's key as the server reads it (JICENG_SECRET_KEY, else `<dataDir>/secret.key`), or null
 * when neither exists. Unlike the server's loader it never creates a key file.
 */
export function readDeploymentKey(source: KeySource): { key: Buffer; origin: string } | null {
  if (source.secretKey !== undefined && source.secretKey.trim() !== '') {
    return { key: decodeSecretKey(source.secretKey, 'JICENG_SECRET_KEY'), origin: 'JICENG_SECRET_KEY' };
  }
  const file = path.join(source.dataDir, KEY_FILE_NAME);
  if (!existsSync(file)) return null;
  return { key: decodeSecretKey(readFileSync(file, 'utf8'), `密钥文件 ${file}`), origin: file };
}

/** Reads a key file given on the command line. */
export function readKeyFile(file: string): Buffer {
  if (!existsSync(file)) throw new BackupError(`找不到密钥文件 ${file}`);
  try {
    return decodeSecretKey(readFileSync(file, 'utf8'), `密钥文件 ${file}`);
  } catch (error) {
    throw new BackupError((error as Error).message);
  }
}

/** Writes a key file, mode 0600, never over an existing file. */
export async function writeKeyFile(file: string, key: Buffer): Promise<void> {
  await writeFile(file, `${key.toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
}

/** The key must be the one that encrypted the backed-up data: its fingerprint is in the manifest. */
export function assertKeyFits(key: Buffer, fingerprint: string | null, keyFile: string): void {
  if (fingerprint !== null && keyFingerprint(key) !== fingerprint) {
    throw new BackupError(
      `密钥与备份不匹配：${keyFile} 不是加密这份数据的密钥（指纹 ${keyFingerprint(key)}，备份要求 ${fingerprint}）。` +
        '请使用与该备份一同生成的 .key 文件。',
    );
  }
}

/**
 * Where the restored deployment will find its key: JICENG_SECRET_KEY when set (it must then be this key),
 * else `<dataDir>/secret.key` (written now, or already there with this same key). Checked before loading
 * anything, so that a restore never ends with data the server cannot start on.
 */
export function planKeyInstall(source: KeySource, key: Buffer): { write: string | null } {
  const present = readDeploymentKeyOrRefuse(source);
  if (!present) return { write: path.join(source.dataDir, KEY_FILE_NAME) };
  if (!present.key.equals(key)) {
    throw new BackupError(
      `${present.origin} 中已有另一把密钥，与备份的密钥不同：恢复后服务将无法启动。` +
        (present.origin === 'JICENG_SECRET_KEY'
          ? '请把 JICENG_SECRET_KEY 改为备份的密钥，或取消该变量以使用密钥文件。'
          : '请确认该数据目录确实应被覆盖后移走这个文件，再恢复。'),
    );
  }
  return { write: null };
}

function readDeploymentKeyOrRefuse(source: KeySource): { key: Buffer; origin: string } | null {
  try {
    return readDeploymentKey(source);
  } catch (error) {
    throw new BackupError((error as Error).message);
  }
}
