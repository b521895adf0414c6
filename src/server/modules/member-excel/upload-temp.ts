import { chmod, lstat, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * Uploads wait in a private folder while they are read: `<os.tmpdir()>/jiceng-uploads-<uid>/` (mode 0700, or
 * the folder given in Deps.uploadTempDir), one sub-folder per request named after the process, removed when
 * the request ends. A crash leaves its sub-folder behind: `cleanUploadTemp()` at start-up removes those.
 */
export function defaultUploadTempDir(): string {
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return path.join(os.tmpdir(), `jiceng-uploads-${uid}`);
}

/**
 * The root folder, made private. In a shared /tmp someone else may have created it first, or put a link
 * there: only a real folder of our own is used (its mode tightened to 0700), anything else is refused.
 */
async function ensureRoot(root: string): Promise<void> {
  await mkdir(root, { recursive: true, mode: 0o700 });
  const stat = await lstat(root);
  const ours = typeof process.getuid !== 'function' || stat.uid === process.getuid();
  if (!stat.isDirectory() || !ours) {
    throw new Error(`upload temp folder ${root} is not a folder owned by this user: refusing to use it`);
  }
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) await chmod(root, 0o700);
}

export type UploadFolder = { readonly path: string; remove(): Promise<void> };

export async function newUploadFolder(root = defaultUploadTempDir()): Promise<UploadFolder> {
  await ensureRoot(root);
  // mkdtemp makes the folder 0700 itself.
  const dir = await mkdtemp(path.join(root, `${process.pid}-`));
  return { path: dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Versions before the private folder put uploads straight into os.tmpdir() as `jiceng-import-*`. */
async function cleanLegacyFolders(): Promise<number> {
  const names = (await readdir(os.tmpdir())).filter((n) => n.startsWith('jiceng-import-'));
  for (const name of names) await rm(path.join(os.tmpdir(), name), { recursive: true, force: true });
  return names.length;
}

/**
 * Removes the folders left by requests that can no longer finish: this process's own (call it at start-up,
 * before listening) and those of processes that are gone. Another running server's folders are kept.
 * Answers how many were removed. Call from main.ts after the database is ready, before `listen`.
 */
export async function cleanUploadTemp(root = defaultUploadTempDir()): Promise<number> {
  let names: string[] = [];
  try {
    names = await readdir(root);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  let removed = root === defaultUploadTempDir() ? await cleanLegacyFolders() : 0;
  for (const name of names) {
    const pid = Number(/^(\d+)-/.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid !== process.pid && isRunning(pid)) continue;
    await rm(path.join(root, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}
