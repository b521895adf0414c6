import type { WorkCtx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import type { IdCipher } from '../../security/crypto.ts';
import { deleteExpiredImportFiles } from './member-import.repo.ts';
import { cleanUploadTemp } from './upload-temp.ts';

/**
 * Error workbooks hold the uploaded rows, full ID numbers included: they are stored encrypted like ID
 * numbers (AES-256-GCM under the deployment key, a subkey of their own), each bound to its id so that one
 * file's bytes cannot be served as another's, and deleted once their retention time has passed.
 */
const contextOf = (id: string) => `import_file:${id}`;

export function sealErrorFile(cipher: IdCipher, id: string, content: Uint8Array): Buffer {
  return cipher.encryptBytes(content, contextOf(id));
}

/** The workbook's bytes, or null when they do not decrypt (another key, tampered): served as 404, not 500. */
export function openErrorFile(cipher: IdCipher, id: string, sealed: Uint8Array): Buffer | null {
  try {
    return cipher.decryptBytes(sealed, contextOf(id));
  } catch {
    return null;
  }
}

/**
 * Deletes the error workbooks past their retention time: on every import, and at start-up (main.ts), so
 * that none outlives it however long the server runs without imports. Answers how many went.
 */
export async function sweepImportFiles(db: Db, now: Date): Promise<number> {
  return deleteExpiredImportFiles(db, now);
}

/**
 * Start-up housekeeping of the importer, a job (`ctx`, context.ts): expired error workbooks deleted, upload folders
 * left by a crash removed (under `uploadTempDir`, the system's temp folder by default). main.ts calls it once the
 * database is ready, before listening.
 */
export async function cleanUpImports(ctx: Pick<WorkCtx, 'db' | 'at'>, uploadTempDir?: string) {
  const files = await sweepImportFiles(ctx.db, ctx.at);
  const folders = await cleanUploadTemp(uploadTempDir);
  return { files, folders };
}
