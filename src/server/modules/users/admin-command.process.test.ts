import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { type ConfiguredDatabase, openConfiguredDatabase } from '../../database-setup.ts';
import { auditLog } from '../../db/tables/audit.ts';
import { users } from '../../db/tables/users.ts';
import { verifyPassword } from '../../security/passwords.ts';
import { ensureRootOrg } from '../../seed/bootstrap.ts';
import { createUser } from '../../testing/fixtures.ts';

/**
 * `npm run admin -- …` as the operator runs it: the real script in its own Node process, on an embedded data
 * folder of its own (the server's environment: JICENG_DATA_DIR, and no demo).
 */
const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jiceng-admin-'));
const config = loadConfig({ JICENG_DATA_DIR: dataDir, JICENG_DEMO: '0' });

function runAdmin(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', ...args], {
    cwd: ROOT,
    env: { ...inherited, JICENG_DATA_DIR: dataDir, JICENG_DEMO: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => {
    out += String(chunk);
  });
  child.stderr.on('data', (chunk) => {
    err += String(chunk);
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}

async function withDatabase<T>(work: (opened: ConfiguredDatabase) => Promise<T>): Promise<T> {
  const opened = await openConfiguredDatabase(config, { purpose: '测试' });
  try {
    return await work(opened);
  } finally {
    await opened.close();
  }
}

beforeAll(async () => {
  await withDatabase(async ({ database }) => {
    const root = await ensureRootOrg({ db: database.db, today: '2026-06-15' }, '测试市委');
    const { id } = await createUser(database.db, {
      username: 'last_sec',
      orgId: root.id,
      roles: [{ role: 'security_admin' }],
    });
    await database.db
      .update(users)
      .set({ lockedUntil: new Date(Date.now() + 3_600_000) })
      .where(eq(users.id, id));
  });
  // The server and the command create their files with umask 077; this test process did not.
  execFileSync('chmod', ['-R', 'go-rwx', dataDir]);
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm run admin', () => {
  it('reset-password prints a temporary password once, in Chinese, and the account takes it', async () => {
    const { code, out, err } = await runAdmin('reset-password', 'last_sec');
    expect(code, err).toBe(0);
    expect(out).toContain('临时密码');
    const temporary = out.match(/^ {4}(\S+)$/m)?.[1] as string;
    expect(temporary).toHaveLength(16);
    await withDatabase(async ({ database }) => {
      const [user] = await database.db.select().from(users).where(eq(users.username, 'last_sec'));
      expect(user).toMatchObject({ mustChangePassword: true, lockedUntil: null });
      expect(await verifyPassword(user?.passwordHash as string, temporary)).toBe(true);
      const [audit] = await database.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
      expect(audit).toMatchObject({ action: 'user.password_reset', actorId: null, actorUsername: '命令行' });
      expect(audit?.diff).toMatchObject({ note: { osUser: os.userInfo().username } });
      expect(JSON.stringify(audit)).not.toContain(temporary);
    });
  });

  it('reset-second-factor clears the second factor and says so', async () => {
    const { code, out } = await runAdmin('reset-second-factor', 'last_sec');
    expect(code).toBe(0);
    expect(out).toContain('已清除');
  });

  it('refuses, in Chinese, while another process holds the embedded data folder', async () => {
    await withDatabase(async () => {
      const { code, err } = await runAdmin('reset-password', 'last_sec');
      expect(code).toBe(1);
      expect(err).toContain('正被另一个进程使用');
    });
  });

  it('answers an unknown user and an unknown action with a Chinese error and exit code 1', async () => {
    const unknownUser = await runAdmin('reset-password', 'nobody');
    expect(unknownUser.code).toBe(1);
    expect(unknownUser.err).toContain('不存在');
    const unknownAction = await runAdmin('delete-everything', 'last_sec');
    expect(unknownAction.code).toBe(1);
    expect(unknownAction.err).toContain('用法');
  });
});
