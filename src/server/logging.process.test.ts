import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('the server’s logger with its output pipe closed', () => {
  it('lets the process exit (pino’s asynchronous stream retried EPIPE forever in its flush on exit)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/testing/log-then-exit.ts'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await once(child.stdout, 'data');
    child.stdout.destroy();
    child.kill('SIGTERM');
    const exit = once(child, 'exit').then(([code]) => `code ${code}`);
    const outcome = await Promise.race([exit, new Promise((r) => setTimeout(() => r('hung'), 10_000))]);
    if (outcome === 'hung') child.kill('SIGKILL');
    expect(outcome).toBe('code 0');
  });
});
