import { createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { readerLimits, type UploadLimits } from '../../../domain/shared/index.ts';
import { invalidInput } from '../../errors.ts';
import { notXlsx, overLimit } from '../../excel/xlsx/refusals.ts';
import type { UploadedFile } from './member-import.service.ts';
import { newUploadFolder } from './upload-temp.ts';

/**
 * Receives a multipart upload: the `file` part streamed to a file in a private temporary folder (never held
 * in memory, never past the 文件大小 limit), the other parts as text fields. The caller removes the folder
 * with `cleanup` when done; a refused upload leaves nothing behind.
 */
export type ReceivedUpload = {
  readonly file: UploadedFile;
  readonly fields: Record<string, string>;
  cleanup(): Promise<void>;
};

/** An .xlsx is a zip file (PK\3\4); the old binary .xls, and a workbook with an open password, start D0 CF 11 E0. */
async function checkXlsx(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    const head = buffer.subarray(0, bytesRead).toString('hex');
    if (head === 'd0cf11e0') {
      throw notXlsx(
        '这是旧版 .xls 文件（或设置了打开密码的工作簿），请在 Excel 中“另存为”.xlsx 格式后再导入',
      );
    }
    if (head !== '504b0304') throw notXlsx();
  } finally {
    await handle.close();
  }
}

const isTooLarge = (error: unknown) => (error as { code?: string })?.code === 'FST_REQ_FILE_TOO_LARGE';

/**
 * Every part is read to its end, even after the file passed the limit (busboy then discards its bytes), so
 * that the answer goes to a client that has finished sending rather than to a connection cut mid-body.
 */
async function saveParts(request: FastifyRequest, dir: string, limits: UploadLimits) {
  const fields: Record<string, string> = {};
  let file: UploadedFile | null = null;
  let tooLarge = false;
  const parts = request.parts({ limits: { fileSize: readerLimits(limits).fileBytes, files: 1, fields: 20 } });
  try {
    for await (const part of parts) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
      } else if (part.fieldname === 'file' && file === null && !tooLarge) {
        const target = path.join(dir, 'upload.xlsx');
        await pipeline(part.file, createWriteStream(target, { mode: 0o600 }));
        if (part.file.truncated) tooLarge = true;
        else file = { path: target, fileName: part.filename || 'upload.xlsx' };
      } else {
        part.file.resume();
      }
    }
  } catch (error) {
    if (!isTooLarge(error)) throw error;
    tooLarge = true;
  }
  if (tooLarge) throw overLimit('file', limits);
  return { fields, file };
}

export async function receiveUpload(
  request: FastifyRequest,
  limits: UploadLimits,
  tempRoot?: string,
): Promise<ReceivedUpload> {
  if (!request.isMultipart()) {
    throw invalidInput('请以 multipart/form-data 上传 .xlsx 文件', [
      { path: ['body', 'file'], message: '请选择文件' },
    ]);
  }
  const folder = await newUploadFolder(tempRoot);
  try {
    const { fields, file } = await saveParts(request, folder.path, limits);
    if (!file)
      throw invalidInput('请选择要导入的 .xlsx 文件', [{ path: ['body', 'file'], message: '请选择文件' }]);
    await checkXlsx(file.path);
    return { file, fields, cleanup: folder.remove };
  } catch (error) {
    await folder.remove();
    throw error;
  }
}
