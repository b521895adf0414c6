import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from './db/client.ts';
import { startServerProcess } from './testing/server-process.ts';

/**
 * The server ends on SIGTERM whatever the state of its output: with the pipe to its terminal closed (a closed
 * window, `npm start | head`, a supervisor that drops the pipe) it used to close its port and then hang for good
 * in pino's flush-on-exit, holding the embedded database.
 */
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jiceng-shutdown-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('shutdown', () => {
  it('exits within its bound after SIGTERM with the output pipe closed, leaving the data folder reusable', async () => {
    const server = await startServerProcess({ JICENG_DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    expect(existsSync(path.join(dataDir, 'jiceng.lock'))).toBe(true);
    server.child.stdout?.destroy();
    server.child.stderr?.destroy();
    // The first line written after the pipe is gone is the shutdown's own.
    server.child.kill('SIGTERM');
    expect(await server.exited(15_000)).toBe('code 0');
    expect(existsSync(path.join(dataDir, 'jiceng.lock'))).toBe(false);

    const reopened = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
    const [row] = await queryRows<{ n: number }>(reopened.db, sql`select count(*)::int as n from users`);
    expect(row?.n).toBe(1);
    await reopened.close();
  });

  it('exits at once on a second signal', async () => {
    const server = await startServerProcess({ JICENG_DATA_DIR: dataDir });
    server.child.kill('SIGINT');
    server.child.kill('SIGINT');
    expect(await server.exited(15_000)).toMatch(/^code (0|130)$/);
  });

  it('refuses to open a data folder that another running server holds', async () => {
    const first = await startServerProcess({ JICENG_DATA_DIR: dataDir });
    try {
      await expect(startServerProcess({ JICENG_DATA_DIR: dataDir }, 30_000)).rejects.toThrow(
        /正被另一个进程使用/,
      );
    } finally {
      first.child.kill('SIGTERM');
      await first.exited(15_000);
    }
  });
});
