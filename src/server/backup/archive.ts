import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { createGunzip, createGzip } from 'node:zlib';
import { type Entry, type Headers, extract as tarExtract, pack as tarPack } from 'tar-stream';
import { BackupError } from './backup-error.ts';
import { MANIFEST_FILE, Manifest } from './manifest.ts';

/**
 * The backup archive: one `.tar.gz` holding manifest.json first, then the dump (`pglite.tar`, the embedded
 * database's data folder; or `database.dump`, pg_dump's custom format). Written as `<name>.part` and renamed
 * when complete, so a half-written file never looks like a backup.
 */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/**
 * Large chunks: a busy server runs PGlite on the same thread, and every chunk of a stream waits its turn
 * between requests, so a backup in 16 KiB pieces would crawl while the server takes writes.
 */
const CHUNK = 1024 * 1024;

/** `jiceng-backup-YYYYMMDD-HHMMSS.tar.gz`, in the deployment's time zone. */
export function archiveName(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const stamp = `${parts.year}${parts.month}${parts.day}-${parts.hour}${parts.minute}${parts.second}`;
  return `jiceng-backup-${stamp}.tar.gz`;
}

/** The key file that goes with an archive: same name, `.key`. */
export function keyFileFor(archivePath: string): string {
  return archivePath.replace(/\.tar\.gz$/, '.key');
}

/** The archive's bytes (gzip), streamed from the manifest and the dump's body. */
export function archiveStream(manifest: Manifest, dump: AsyncIterable<Uint8Array>): Readable {
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  const mtime = new Date(manifest.createdAt);
  const tar = tarPack();
  tar.entry(privateFile(MANIFEST_FILE, manifestBytes.length, mtime), manifestBytes);
  const body = tar.entry(privateFile(manifest.dump.file, manifest.dump.bytes, mtime));
  // A body that is not its declared size fails the entry ("Size mismatch"), and with it the whole archive.
  pipeline(dump, body).then(
    () => tar.finalize(),
    (error) => tar.destroy(error),
  );
  const gzip = createGzip({ chunkSize: CHUNK });
  pipeline(tar, gzip).catch((error) => gzip.destroy(error));
  return gzip;
}

/** A regular file that only its owner may read (0600), as `tar x` will create it. */
function privateFile(name: string, size: number, mtime: Date): Headers {
  return { name, size, mtime, mode: 0o600, type: 'file' };
}

/** A blob's bytes as a Node stream (the DOM typings of Blob.stream() lack async iteration). */
export function blobBytes(blob: Blob): Readable {
  return Readable.fromWeb(blob.stream() as unknown as NodeReadableStream<Uint8Array>);
}

/** SHA-256 (hex) and length of a stream of bytes. */
export async function digest(source: AsyncIterable<Uint8Array>): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of source) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Writes an archive into `dir` under `name` (mode 0600); refuses to replace an existing file. */
export async function saveArchive(
  dir: string,
  name: string,
  bytes: AsyncIterable<Uint8Array>,
): Promise<string> {
  const target = path.join(dir, name);
  if (existsSync(target))
    throw new BackupError(`备份文件 ${target} 已存在，没有覆盖它：请稍后再试或换一个目录`);
  const part = `${target}.part`;
  try {
    await pipeline(bytes, createWriteStream(part, { flags: 'wx', mode: 0o600 }));
    await rename(part, target);
  } catch (error) {
    await rm(part, { force: true });
    throw error;
  }
  return target;
}

export type OpenedArchive = { manifest: Manifest; dumpPath: string | null };

const DUMP_FILES = new Set<string>(['pglite.tar', 'database.dump']);

/**
 * Reads an archive through: parses manifest.json, writes the dump into `dumpDir` (or only hashes it when no
 * folder is given, to check an archive just written) and checks the dump's SHA-256 against the manifest.
 */
export async function openArchive(file: string, dumpDir?: string): Promise<OpenedArchive> {
  let manifest: Manifest | undefined;
  let dump: { name: string; sha256: string; bytes: number } | undefined;
  await readArchive(file, async (entry) => {
    const { name } = entry.header;
    if (name === MANIFEST_FILE && !manifest) manifest = await manifestOf(entry);
    else if (DUMP_FILES.has(name) && !dump) {
      dump = { name, ...(await unpackDump(entry, dumpDir ? path.join(dumpDir, name) : null)) };
    } else throw unknownEntry(name);
    return true;
  });
  if (!manifest) throw new BackupError(`备份文件中没有 ${MANIFEST_FILE}：这不是本系统生成的备份`);
  if (dump?.name !== manifest.dump.file) {
    throw new BackupError(`备份文件中没有数据库转储 ${manifest.dump.file}：备份不完整`);
  }
  if (dump.bytes !== manifest.dump.bytes || dump.sha256 !== manifest.dump.sha256) {
    throw new BackupError(
      `备份文件校验失败：${dump.name} 的 SHA-256 与 ${MANIFEST_FILE} 不一致，文件已损坏或被改动，不能用于恢复`,
    );
  }
  return { manifest, dumpPath: dumpDir ? path.join(dumpDir, dump.name) : null };
}

/** Only the manifest (the archive's first entry): enough to refuse a wrong restore before unpacking the dump. */
export async function readManifest(file: string): Promise<Manifest> {
  let manifest: Manifest | undefined;
  await readArchive(file, async (entry) => {
    if (entry.header.name !== MANIFEST_FILE)
      throw new BackupError(`备份文件不以 ${MANIFEST_FILE} 开头：这不是本系统生成的备份`);
    manifest = await manifestOf(entry);
    return false;
  });
  if (!manifest) throw new BackupError(`备份文件中没有 ${MANIFEST_FILE}：这不是本系统生成的备份`);
  return manifest;
}

const unknownEntry = (name: string) =>
  new BackupError(`备份文件中有不认识的内容 ${name}：这不是本系统生成的备份`);

/**
 * Hands the archive's regular-file entries, in order, to `each` until it answers false; each entry must be read
 * through before answering. Any failure of the gzip or tar layer (a damaged header, bytes ending inside an
 * entry) means a damaged file, and is said so.
 */
async function readArchive(file: string, each: (entry: Entry) => Promise<boolean>): Promise<void> {
  const tar = tarExtract();
  const fed = pipeline(fileBytes(file), createGunzip({ chunkSize: CHUNK }), tar);
  // Stopping early closes `tar` under the pipeline, which is no failure; a real one also fails the loop below.
  fed.catch(() => undefined);
  try {
    for await (const entry of tar) {
      if (entry.header.type !== 'file') throw unknownEntry(entry.header.name);
      if (!(await each(entry))) return;
    }
    await fed;
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`备份文件已损坏或不完整（${(error as Error).message}）：${file}`);
  }
}

/** A file's bytes in large chunks. */
export function fileBytes(file: string): Readable {
  return createReadStream(file, { highWaterMark: CHUNK });
}

async function manifestOf(entry: Entry): Promise<Manifest> {
  if ((entry.header.size ?? 0) > MAX_MANIFEST_BYTES)
    throw new BackupError(`${MANIFEST_FILE} 过大：这不是本系统生成的备份`);
  return parseManifest(await buffer(entry));
}

export function parseManifest(bytes: Buffer): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new BackupError(`${MANIFEST_FILE} 不是有效的 JSON：备份文件已损坏或被改动`);
  }
  const result = Manifest.safeParse(json);
  if (!result.success) {
    const fields = result.error.issues.map((i) => i.path.join('.') || '(根)').join('、');
    throw new BackupError(`${MANIFEST_FILE} 的内容不合规（${fields}）：备份文件被改动过，或来自不兼容的版本`);
  }
  return result.data;
}

/** The dump's SHA-256 and length; given a file, its bytes also go there (mode 0600), at the disk's pace. */
async function unpackDump(entry: Entry, file: string | null): Promise<{ sha256: string; bytes: number }> {
  if (!file) return digest(entry);
  const hash = createHash('sha256');
  let bytes = 0;
  await pipeline(
    entry,
    async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        hash.update(chunk);
        bytes += chunk.length;
        yield chunk;
      }
    },
    createWriteStream(file, { flags: 'wx', mode: 0o600 }),
  );
  return { sha256: hash.digest('hex'), bytes };
}
