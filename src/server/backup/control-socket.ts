import { once } from 'node:events';
import { chmod, lstat, mkdir, unlink } from 'node:fs/promises';
import net from 'node:net';
import { pipeline } from 'node:stream/promises';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/client.ts';
import { archiveName, archiveStream, blobBytes } from './archive.ts';
import { recordBackupAudit } from './backup-audit.ts';
import { type ControlReply, ControlRequest, controlSocketPath, readFirstLine } from './control-protocol.ts';
import { snapshotPglite } from './pglite-snapshot.ts';

export type ControlSocketOptions = {
  readonly database: Database;
  readonly dataDir: string;
  readonly log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  readonly clock: Clock;
  /** Names the archive in local time (JICENG_TIMEZONE). */
  readonly timeZone?: string;
};

export type ControlSocket = { readonly path: string; close(): Promise<void> };

const REQUEST_TIMEOUT_MS = 10_000;

/** sun_path holds 108 bytes on Linux (104 on macOS), with its terminating NUL. */
const MAX_SOCKET_PATH = 103;

/**
 * Listens on `<dataDir>/control.sock` for `npm run backup`. A socket file left by a crash is removed; a socket
 * that still answers means another server runs on this data folder, which must not happen (two processes
 * writing one PGlite folder corrupt it), so the start is refused.
 */
export async function startControlSocket(options: ControlSocketOptions): Promise<ControlSocket> {
  const file = controlSocketPath(options.dataDir);
  if (Buffer.byteLength(file) > MAX_SOCKET_PATH) {
    throw new Error(
      `数据目录路径过长，无法创建备份用的控制套接字 ${file}（最多 ${MAX_SOCKET_PATH} 字节）：请缩短 JICENG_DATA_DIR。`,
    );
  }
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  await clearStaleSocket(file);
  const connections = new Set<net.Socket>();
  const state = { busy: false };
  const server = net.createServer((conn) => {
    connections.add(conn);
    conn.once('close', () => connections.delete(conn));
    conn.on('error', (error) => options.log.warn({ err: error }, '备份控制套接字：连接出错'));
    void serve(conn, options, state);
  });
  await listenPrivately(server, file);
  // The HTTP server keeps the process alive, not this socket: it must not delay an exit.
  server.unref();
  options.log.info({ path: file }, '备份控制套接字已就绪（npm run backup）');
  return {
    path: file,
    close: async () => {
      for (const conn of connections) conn.destroy();
      // Closing a listening Unix socket removes its file.
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function clearStaleSocket(file: string): Promise<void> {
  const found = await lstat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (!found) return;
  if (!found.isSocket()) throw new Error(`${file} 已存在且不是套接字：请检查后删除它再启动。`);
  if (await answers(file)) {
    throw new Error(`另一个服务进程正在使用数据目录（${file} 有应答）：同一数据目录不能同时运行两个服务。`);
  }
  await unlink(file);
}

/** Whether something listens on a socket file: a stale one refuses the connection. */
function answers(file: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = net.connect(file);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED' || error.code === 'ENOENT') resolve(false);
      else reject(error);
    });
  });
}

/** Binds with umask 0177, so that the socket is never connectable by others, not even for a moment. */
async function listenPrivately(server: net.Server, file: string): Promise<void> {
  let previous: number | null = null;
  try {
    previous = process.umask(0o177);
  } catch {
    // Worker threads cannot change the umask; the chmod below still closes the socket before any request.
  }
  try {
    server.listen(file);
  } finally {
    if (previous !== null) process.umask(previous);
  }
  await once(server, 'listening');
  await chmod(file, 0o600);
}

function reply(conn: net.Socket, answer: ControlReply): void {
  conn.end(`${JSON.stringify(answer)}\n`);
}

function parseRequest(line: string): ControlRequest | null {
  try {
    return ControlRequest.parse(JSON.parse(line));
  } catch {
    return null;
  }
}

/** Why a request is not served, or null when a backup may start. */
function refusal(line: string, options: ControlSocketOptions, state: { busy: boolean }): string | null {
  if (!parseRequest(line)) return '无法识别的请求：请使用与服务同一版本的 npm run backup';
  if (!options.database.pglite) {
    return '本服务使用 PostgreSQL：请在设置了 DATABASE_URL 的环境中运行 npm run backup（直接调用 pg_dump）';
  }
  return state.busy ? '已有一个备份正在进行，请稍后再试' : null;
}

async function serve(conn: net.Socket, options: ControlSocketOptions, state: { busy: boolean }) {
  const sent = { header: false };
  // A client that connects and says nothing is let go; once the backup runs, it may take its time.
  conn.setTimeout(REQUEST_TIMEOUT_MS, () => conn.destroy());
  try {
    const first = await readFirstLine(conn);
    conn.setTimeout(0);
    if (!first) return void conn.end();
    const refused = refusal(first.line, options, state);
    if (refused) return reply(conn, { ok: false, message: refused });
    state.busy = true;
    try {
      await sendBackup(conn, options, sent);
    } finally {
      state.busy = false;
    }
  } catch (error) {
    options.log.error({ err: error }, '经控制套接字备份失败');
    if (sent.header) conn.destroy();
    else reply(conn, { ok: false, message: `服务端备份失败：${(error as Error).message}` });
  }
}

/** Snapshot, audit row, then the answer line and the archive's bytes. */
async function sendBackup(conn: net.Socket, options: ControlSocketOptions, sent: { header: boolean }) {
  const pglite = options.database.pglite as NonNullable<Database['pglite']>;
  const { manifest, dump } = await snapshotPglite(pglite, () => options.clock.now());
  const name = archiveName(new Date(manifest.createdAt), options.timeZone ?? 'Asia/Shanghai');
  await recordBackupAudit(options.database.db, options.clock.now(), 'system.backup', name, manifest);
  options.log.info({ archive: name }, '备份：正在发送备份文件');
  conn.write(`${JSON.stringify({ ok: true, archiveName: name, manifest } satisfies ControlReply)}\n`);
  sent.header = true;
  await pipeline(archiveStream(manifest, blobBytes(dump)), conn);
}
