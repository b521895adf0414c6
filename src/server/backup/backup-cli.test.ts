import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LiveServer, removeDirs, startLiveServer, tempDir } from '../testing/fixtures/backup.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const dirs: string[] = [];
let live: LiveServer;

async function dir(label: string): Promise<string> {
  const made = await tempDir(label);
  dirs.push(made);
  return made;
}

beforeAll(async () => {
  live = await startLiveServer(await dir('live'));
});

afterAll(async () => {
  await live?.close();
  await removeDirs(dirs);
});

type Run = { code: number; stdout: string; stderr: string };

/** `npx tsx scripts/<script> …` as an operator types it, with the embedded database's environment. */
function runScript(script: string, args: string[], dataDir: string): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, JICENG_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.DATABASE_MIGRATION_URL;
  delete env.JICENG_SECRET_KEY;
  // Asynchronous: the server under test runs in this process and must keep answering meanwhile.
  return new Promise((resolve) => {
    execFile('npx', ['tsx', `scripts/${script}`, ...args], { cwd: ROOT, env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('the commands the README shows', () => {
  it('npm run backup, then npm run restore into an empty folder, give back a server’s data and key', async () => {
    const backups = await dir('backups');
    const backup = await runScript('backup.ts', [backups], live.dataDir);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    const files = readdirSync(backups).sort();
    expect(files).toEqual([expect.stringMatching(/\.key$/), expect.stringMatching(/\.tar\.gz$/)]);
    const [keyFile, archive] = files.map((f) => path.join(backups, f)) as [string, string];
    expect(backup.stdout).toContain(`备份完成：${archive}`);
    expect(backup.stdout).toContain(`密钥文件：${keyFile}（权限 0600）`);
    expect(backup.stdout).toContain('请把 .key 密钥文件与备份文件分开保存');

    const target = await dir('restored');
    const restore = await runScript('restore.ts', [archive, '--key', keyFile], target);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain('恢复完成：每张表的行数和校验值均与备份清单一致。');
    expect(readdirSync(target).sort()).toEqual(['pglite', 'secret.key']);
    expect((await stat(path.join(target, 'secret.key'))).mode & 0o777).toBe(0o600);
  });

  it('npm run backup with no server running exits 1 and says so in Chinese', async () => {
    const run = await runScript('backup.ts', [await dir('none')], await dir('stopped'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^备份失败：服务没有运行：找不到控制套接字/);
  });
});
