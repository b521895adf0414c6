import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { roundTripChecks, useRoundTrip } from '../testing/backup-round-trip.ts';
import { configFor, removeDirs, tempDir, writeAltered } from '../testing/fixtures/backup.ts';
import { openArchive } from './archive.ts';
import { runRestore } from './run-restore.ts';

const serverUrl = process.env.DATABASE_URL;
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const dirs: string[] = [];
afterAll(() => removeDirs(dirs));

async function dir(label: string): Promise<string> {
  const made = await tempDir(label);
  dirs.push(made);
  return made;
}

describe.skipIf(!serverUrl)(
  'npm run backup of a PostgreSQL database while the server takes writes (pg_dump in the manifest’s snapshot), then npm run restore',
  () => {
    const t = useRoundTrip(serverUrl);
    roundTripChecks(t);
    const restore = async (url: string, archive = t.backup.archivePath) =>
      runRestore({
        config: configFor(await dir('pg-target'), url),
        archive,
        keyFile: t.backup.keyPath as string,
        now: () => new Date(),
        say: () => undefined,
      });

    it('refuses to restore into a database that already has tables', async () => {
      await expect(restore(t.targetUrl as string)).rejects.toThrow(
        /^目标数据库 jiceng_t_\w+ 不是空的（已有 \d+ 个表、视图或序列）：恢复只能写入新建的空数据库/,
      );
    });

    it('refuses loudly when the loaded tables do not match the manifest, and says the database is not to be used', async () => {
      const work = await dir('pg-altered');
      const { manifest, dumpPath } = await openArchive(t.backup.archivePath, work);
      const archive = await writeAltered({ manifest, dumpPath: dumpPath as string }, work, {
        manifest: (m) => ({
          ...m,
          tables: m.tables.map((x) => (x.name === 'public.users' ? { ...x, rows: x.rows + 1 } : x)),
        }),
      });
      await expect(restore(t.spareUrl as string, archive)).rejects.toThrow(
        /^恢复后的数据与备份清单不一致，恢复未完成：\n {2}表 public\.users：备份清单记录 \d+ 行，恢复后为 \d+ 行[\s\S]*已载入的数据不可信：请勿启动服务/,
      );
    });

    it('runs as `npx tsx scripts/backup.ts` with DATABASE_URL, with no server socket involved', async () => {
      const backups = await dir('pg-cli');
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        DATABASE_URL: t.sourceUrl,
        JICENG_DATA_DIR: t.live.dataDir,
      };
      delete env.DATABASE_MIGRATION_URL;
      delete env.JICENG_SECRET_KEY;
      const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
        execFile('npx', ['tsx', 'scripts/backup.ts', backups], { cwd: ROOT, env }, (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        ),
      );
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^正在用 pg_dump 备份 PostgreSQL 数据库 jiceng_t_\w+/);
      expect(readdirSync(backups).sort()).toEqual([
        expect.stringMatching(/^jiceng-backup-\d{8}-\d{6}\.key$/),
        expect.stringMatching(/^jiceng-backup-\d{8}-\d{6}\.tar\.gz$/),
      ]);
    });
  },
);
