import { spawn } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import path from 'node:path';
import { BackupError } from './backup-error.ts';

/**
 * pg_dump and pg_restore, the client programs installed with PostgreSQL. Found on PATH (Debian's wrapper there
 * picks the right version), else in the newest /usr/lib/postgresql/<version>/bin.
 */
export type PgTool = 'pg_dump' | 'pg_restore';

const executable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

function debianVersions(root: string): string[] {
  try {
    return readdirSync(root)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a))
      .map((v) => path.join(root, v, 'bin'));
  } catch {
    return [];
  }
}

export function findPgTool(
  tool: PgTool,
  searchPath = process.env.PATH ?? '',
  debianRoot = '/usr/lib/postgresql',
): string {
  const dirs = [...searchPath.split(path.delimiter).filter(Boolean), ...debianVersions(debianRoot)];
  const found = dirs.map((dir) => path.join(dir, tool)).find(executable);
  if (!found) {
    throw new BackupError(
      `找不到 ${tool}：备份和恢复 PostgreSQL 需要它。请安装 PostgreSQL 客户端工具（Debian/Ubuntu：` +
        `apt install postgresql-client，版本不低于数据库服务器），或把 ${tool} 所在的目录加入 PATH。`,
    );
  }
  return found;
}

/**
 * The connection for a client program: the URL without its password (a command line is visible to every user
 * in `ps`), and the password in PGPASSWORD, which only the child process sees.
 */
export function connectionFor(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: password ? { PGPASSWORD: password } : {} };
}

/** Runs pg_dump or pg_restore; a failure carries the program's own message. */
export async function runPgTool(tool: PgTool, args: readonly string[], url: string): Promise<void> {
  const bin = findPgTool(tool);
  const { dbname, env } = connectionFor(url);
  const child = spawn(bin, [`--dbname=${dbname}`, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    if (stderr.length < 8000) stderr += text;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) {
    throw new BackupError(`${tool} 失败（退出码 ${code}）：${stderr.trim() || '没有输出'}`);
  }
}
