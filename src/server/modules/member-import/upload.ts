import { createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError, invalidInput } from '../../http/errors.ts';
import type { UploadedFile } from './member-import.service.ts';

/**
 * Receives a multipart upload: the `file` part streamed to a temporary file (never held in memory), the
 * other parts as text fields. The caller removes the folder with `cleanup` when done.
 */
export type ReceivedUpload = {
  readonly file: UploadedFile;
  readonly fields: Record<string, string>;
  cleanup(): Promise<void>;
};

const notXlsx = (message: string) => new AppError('invalid_input', message, { reason: 'not_xlsx' });

/** An .xlsx is a zip file (PK\3\4); the old binary .xls starts D0 CF 11 E0. */
async function checkXlsx(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    const head = buffer.subarray(0, bytesRead).toString('hex');
    if (head === 'd0cf11e0') throw notXlsx('这是旧版 .xls 文件，请在 Excel 中“另存为”.xlsx 格式后再导入');
    if (head !== '504b0304') throw notXlsx('文件不是有效的 .xlsx 工作簿');
  } finally {
    await handle.close();
  }
}

async function saveParts(request: FastifyRequest, dir: string) {
  const fields: Record<string, string> = {};
  let file: UploadedFile | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      fields[part.fieldname] = String(part.value);
    } else if (part.fieldname === 'file' && file === null) {
      const target = path.join(dir, 'upload.xlsx');
      await pipeline(part.file, createWriteStream(target));
      if (part.file.truncated)
        throw invalidInput('文件过大', [{ path: ['body', 'file'], message: '文件过大' }]);
      file = { path: target, fileName: part.filename || 'upload.xlsx' };
    } else {
      part.file.resume();
    }
  }
  return { fields, file };
}

export async function receiveUpload(request: FastifyRequest): Promise<ReceivedUpload> {
  if (!request.isMultipart()) {
    throw invalidInput('请以 multipart/form-data 上传 .xlsx 文件', [
      { path: ['body', 'file'], message: '请选择文件' },
    ]);
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'jiceng-import-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    const { fields, file } = await saveParts(request, dir);
    if (!file)
      throw invalidInput('请选择要导入的 .xlsx 文件', [{ path: ['body', 'file'], message: '请选择文件' }]);
    await checkXlsx(file.path);
    return { file, fields, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
