import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * The data folder holds the embedded database (names, phones, addresses, the audit table) and the ID-number
 * key. Only the server's own OS user may read it: the folder is created 0700, and a folder that other users
 * can enter or read is refused at start-up with the command that fixes it (as ssh refuses a readable private
 * key) rather than silently tightened — its contents may already have been read. Windows has no POSIX modes.
 */
export function ensurePrivateDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  assertPrivateFolder(dataDir);
  const pglite = path.join(dataDir, 'pglite');
  if (exists(pglite)) assertPrivateFolder(pglite);
}

export function assertPrivateFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const mode = statSync(folder).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new Error(
      `数据目录 ${folder} 的权限为 ${mode.toString(8).padStart(4, '0')}，其他用户可以访问其中的个人信息和审计记录。` +
        `请确认数据未被他人读取后执行 \`chmod -R go-rwx ${folder}\` 再启动。`,
    );
  }
}

function exists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}

const LOCK_FILE = 'jiceng.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export type DataLock = { release(): void };

/**
 * One process at a time opens the embedded database: PGlite does not guard its folder, and two processes
 * writing it (a second `npm start`, the admin command while the server runs) would corrupt it. The lock file
 * holds the owner's PID; a lock whose process is gone (a crash, kill -9) is taken over.
 */
export function acquireDataLock(dataDir: string, purpose: string): DataLock {
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n${purpose}\n`);
      closeSync(fd);
      return { release: () => releaseIfOurs(file) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const [pidText, owner] = readFileSync(file, 'utf8').split('\n');
      const pid = Number(pidText);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new Error(
          `数据目录 ${dataDir} 正被另一个进程使用（${owner || '基层服务'}，进程号 ${pid}）。` +
            '内嵌数据库同一时间只能由一个进程打开：请先停止它（在其终端按 Ctrl+C）再执行。',
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`无法锁定数据目录 ${dataDir}`);
}

function releaseIfOurs(file: string): void {
  try {
    if (Number(readFileSync(file, 'utf8').split('\n')[0]) === process.pid) rmSync(file, { force: true });
  } catch {
    // Already gone.
  }
}
