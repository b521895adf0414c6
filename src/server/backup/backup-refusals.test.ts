import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { lstat, mkdir, open, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ArchiveChange,
  configFor,
  type LiveServer,
  removeDirs,
  startLiveServer,
  tempDir,
  writeAltered,
} from '../testing/fixtures/backup.ts';
import { openArchive } from './archive.ts';
import { controlSocketPath } from './control-protocol.ts';
import { startControlSocket } from './control-socket.ts';
import type { Manifest } from './manifest.ts';
import { type BackupResult, runBackup } from './run-backup.ts';
import { runRestore } from './run-restore.ts';

const say = () => undefined;
const now = () => new Date();
let live: LiveServer;
let backup: BackupResult;
const dirs: string[] = [];

async function dir(label: string): Promise<string> {
  const made = await tempDir(label);
  dirs.push(made);
  return made;
}

beforeAll(async () => {
  live = await startLiveServer(await dir('live'));
  backup = await runBackup({ config: configFor(live.dataDir), dir: await dir('backups'), now, say });
});

afterAll(async () => {
  await live?.close();
  await removeDirs(dirs);
});

/** A socket file such as a crashed server leaves: bound, then the process killed before it could clean up. */
async function leaveStaleSocket(file: string): Promise<void> {
  const script = `require('net').createServer().listen(${JSON.stringify(file)}, () => process.kill(process.pid, 'SIGKILL'))`;
  await promisify(execFile)(process.execPath, ['-e', script]).catch(() => undefined);
  expect((await lstat(file)).isSocket()).toBe(true);
}

let unpacked: Promise<{ manifest: Manifest; dumpPath: string }> | undefined;

/** The backup's manifest and dump, unpacked once for the files below to be made from. */
function unpackedBackup() {
  unpacked ??= dir('unpacked').then(async (work) => {
    const { manifest, dumpPath } = await openArchive(backup.archivePath, work);
    return { manifest, dumpPath: dumpPath as string };
  });
  return unpacked;
}

/** A copy of the backup, changed as a damaged or doctored file would be. */
async function altered(change: ArchiveChange) {
  return writeAltered(await unpackedBackup(), await dir('altered'), change);
}

function restoreInto(
  dataDir: string,
  archive: string,
  keyFile = backup.keyPath as string,
  secretKey?: string,
) {
  return runRestore({ config: { ...configFor(dataDir), secretKey }, archive, keyFile, now, say });
}

/** Nothing was written: no database folder, no key file, no staging or work folders left behind. */
function expectUntouched(dataDir: string, keep: string[] = []) {
  expect(readdirSync(dataDir).filter((f) => !keep.includes(f))).toEqual([]);
}

describe('npm run backup refuses, and says why', () => {
  it('when no server runs on the data folder (no control socket)', async () => {
    const backups = await dir('none');
    await expect(
      runBackup({ config: configFor(await dir('stopped')), dir: backups, now, say }),
    ).rejects.toThrow(/^服务没有运行：找不到控制套接字 .*control\.sock。请先启动服务（npm start）再备份/);
    expect(readdirSync(backups)).toEqual([]);
  });

  it('when the socket file is what a crashed server left behind', async () => {
    const stopped = await dir('crashed');
    await leaveStaleSocket(controlSocketPath(stopped));
    await expect(runBackup({ config: configFor(stopped), dir: await dir('none'), now, say })).rejects.toThrow(
      /^服务没有运行：.*上次服务异常退出留下的/,
    );
  });

  it('while another backup of the same server is under way', async () => {
    const [a, b] = [await dir('a'), await dir('b')];
    const results = await Promise.allSettled([
      runBackup({ config: configFor(live.dataDir), dir: a, now, say }),
      runBackup({ config: configFor(live.dataDir), dir: b, now, say }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason.message).toBe('已有一个备份正在进行，请稍后再试');
  });
});

describe('the control socket', () => {
  it('can be opened by the server’s own OS user only (mode 0600)', async () => {
    expect((await stat(live.control.path)).mode & 0o777).toBe(0o600);
  });

  it('starts over a socket file left by a crash, and removes its file when closed', async () => {
    const dataDir = await dir('restart');
    await leaveStaleSocket(controlSocketPath(dataDir));
    const control = await startControlSocket({
      ...live,
      log: pino({ level: 'silent' }),
      clock: live.deps.clock,
      dataDir,
    });
    expect((await lstat(control.path)).isSocket()).toBe(true);
    await control.close();
    expect(existsSync(control.path)).toBe(false);
  });

  it('refuses to start while another server answers on the same data folder', async () => {
    await expect(
      startControlSocket({ ...live, log: pino({ level: 'silent' }), clock: live.deps.clock }),
    ).rejects.toThrow(/^另一个服务进程正在使用数据目录/);
    expect((await lstat(live.control.path)).isSocket()).toBe(true);
  });
});

describe('npm run restore refuses before loading anything', () => {
  it('a data folder that already holds a database, and leaves it as it was', async () => {
    const dataDir = await dir('occupied');
    await mkdir(path.join(dataDir, 'pglite'), { mode: 0o700 });
    await writeFile(path.join(dataDir, 'pglite', 'PG_VERSION'), '18\n');
    await expect(restoreInto(dataDir, backup.archivePath)).rejects.toThrow(
      /中已有数据：恢复只能写入空的数据目录/,
    );
    expect(readdirSync(path.join(dataDir, 'pglite'))).toEqual(['PG_VERSION']);
    expectUntouched(dataDir, ['pglite']);
  });

  it('a key that is not the one of the backed-up data', async () => {
    const dataDir = await dir('wrong-key');
    const keyFile = path.join(await dir('keys'), 'other.key');
    await writeFile(keyFile, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    await expect(restoreInto(dataDir, backup.archivePath, keyFile)).rejects.toThrow(/^密钥与备份不匹配/);
    expectUntouched(dataDir);
  });

  it('a JICENG_SECRET_KEY that differs from the backup’s key (the server would not start)', async () => {
    const dataDir = await dir('env-key');
    const other = randomBytes(32).toString('base64');
    await expect(restoreInto(dataDir, backup.archivePath, undefined, other)).rejects.toThrow(
      /^JICENG_SECRET_KEY 中已有另一把密钥/,
    );
    expectUntouched(dataDir);
  });

  it('an archive whose dump was altered (its SHA-256 no longer matches the manifest)', async () => {
    const archive = await altered({
      dump: async (file) => {
        const handle = await open(file, 'r+');
        await handle.write(Buffer.from('X'), 0, 1, 20_000);
        await handle.close();
      },
    });
    const dataDir = await dir('bad-dump');
    await expect(restoreInto(dataDir, archive)).rejects.toThrow(/^备份文件校验失败：pglite\.tar 的 SHA-256/);
    expectUntouched(dataDir);
  });

  it('an archive cut short', async () => {
    const whole = await readFile(backup.archivePath);
    const archive = path.join(await dir('cut'), 'jiceng-backup-cut.tar.gz');
    await writeFile(archive, whole.subarray(0, Math.floor(whole.length / 2)));
    const dataDir = await dir('cut-target');
    await expect(restoreInto(dataDir, archive)).rejects.toThrow(/^备份文件已损坏或不完整/);
    expectUntouched(dataDir);
  });

  it('a PostgreSQL backup into the embedded database, and a backup from a newer version', async () => {
    const postgres = await altered({ manifest: (m) => ({ ...m, database: 'postgres' }), tinyDump: true });
    await expect(restoreInto(await dir('kind'), postgres)).rejects.toThrow(/^这是 PostgreSQL 数据库的备份/);
    const newer = await altered({
      manifest: (m) => ({ ...m, migrations: { count: 999, last: 'future' } }),
      tinyDump: true,
    });
    await expect(restoreInto(await dir('newer'), newer)).rejects.toThrow(/^备份来自更新的程序版本/);
  });
});

describe('npm run restore checks every table after loading', () => {
  it('refuses an archive whose manifest does not describe its data, and keeps nothing of it', async () => {
    const archive = await altered({
      manifest: (m) => ({
        ...m,
        tables: m.tables.map((t) => (t.name === 'public.orgs' ? { ...t, checksum: '12345' } : t)),
      }),
    });
    const dataDir = await dir('bad-manifest');
    await expect(restoreInto(dataDir, archive)).rejects.toThrow(
      /^恢复后的数据与备份清单不一致，恢复未完成：\n {2}表 public\.orgs：内容校验值与备份清单不一致/,
    );
    expectUntouched(dataDir);
  });
});
