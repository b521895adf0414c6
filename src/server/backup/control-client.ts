import { once } from 'node:events';
import net from 'node:net';
import { BackupError } from './backup-error.ts';
import { ControlReply, controlSocketPath, PROTOCOL, readFirstLine } from './control-protocol.ts';
import type { Manifest } from './manifest.ts';

export type BackupStream = { archiveName: string; manifest: Manifest; bytes: AsyncIterable<Buffer> };

/** Asks the server running on `dataDir` for a backup; resolves once the server has taken its snapshot. */
export async function requestBackup(dataDir: string): Promise<BackupStream> {
  const file = controlSocketPath(dataDir);
  const conn = net.connect(file);
  try {
    await once(conn, 'connect');
  } catch (error) {
    conn.destroy();
    throw connectError(error as NodeJS.ErrnoException, file);
  }
  // The request is not followed by end(): a half-closed socket would make the server end its answer early.
  conn.write(`${JSON.stringify({ protocol: PROTOCOL, command: 'backup' })}\n`);
  const first = await readFirstLine(conn).catch(() => null);
  if (!first) {
    conn.destroy();
    throw new BackupError('服务没有应答就关闭了连接：请查看服务日志');
  }
  const answer = ControlReply.safeParse(parseJson(first.line));
  if (!answer.success) {
    conn.destroy();
    throw new BackupError('服务的应答无法识别：npm run backup 与运行中的服务版本不一致？请使用同一版本');
  }
  if (!answer.data.ok) {
    conn.destroy();
    throw new BackupError(answer.data.message);
  }
  return { archiveName: answer.data.archiveName, manifest: answer.data.manifest, bytes: first.rest };
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}

function connectError(error: NodeJS.ErrnoException, file: string): BackupError {
  switch (error.code) {
    case 'ENOENT':
      return new BackupError(
        `服务没有运行：找不到控制套接字 ${file}。请先启动服务（npm start）再备份，并确认 JICENG_DATA_DIR 与服务一致。`,
      );
    case 'ECONNREFUSED':
      return new BackupError(
        `服务没有运行：${file} 是上次服务异常退出留下的。请先启动服务（npm start）再备份。`,
      );
    case 'EACCES':
    case 'EPERM':
      return new BackupError(`没有权限连接 ${file}：请以运行服务的同一系统用户执行 npm run backup。`);
    default:
      return new BackupError(`无法连接服务的控制套接字 ${file}：${error.message}`);
  }
}
