import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataLock, ensurePrivateDataDir } from './data-folder.ts';

let base: string;
beforeEach(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'jiceng-folder-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const modeOf = (p: string) => statSync(p).mode & 0o777;

describe('the data folder', () => {
  it('is created readable by the server’s user only', () => {
    const dir = path.join(base, 'data');
    ensurePrivateDataDir(dir);
    expect(modeOf(dir)).toBe(0o700);
  });

  it.each([0o755, 0o750, 0o701, 0o777])('is refused when its mode is %o, naming the fix', (mode) => {
    const dir = path.join(base, 'data');
    mkdirSync(dir);
    chmodSync(dir, mode);
    expect(() => ensurePrivateDataDir(dir)).toThrow(/其他用户可以访问.*chmod -R go-rwx/);
  });

  it('is refused when the embedded database inside it is readable by others', () => {
    const dir = path.join(base, 'data');
    mkdirSync(path.join(dir, 'pglite'), { recursive: true, mode: 0o755 });
    chmodSync(dir, 0o700);
    chmodSync(path.join(dir, 'pglite'), 0o755);
    expect(() => ensurePrivateDataDir(dir)).toThrow(/pglite/);
  });
});

describe('the data folder lock', () => {
  it('lets one process at a time open the embedded database', () => {
    const lock = acquireDataLock(base, 'test');
    // A lock held by a live process (here: this test's parent) is refused.
    writeFileSync(path.join(base, 'jiceng.lock'), `${process.ppid}\n其他进程\n`);
    expect(() => acquireDataLock(base, 'second')).toThrow(/正被另一个进程使用（其他进程/);
    lock.release();
  });

  it('takes over a lock left by a process that is gone', () => {
    writeFileSync(path.join(base, 'jiceng.lock'), '999999999\n崩溃的进程\n');
    const lock = acquireDataLock(base, 'after a crash');
    lock.release();
    expect(() => statSync(path.join(base, 'jiceng.lock'))).toThrow();
  });
});
