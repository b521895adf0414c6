import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { pack as tarPack } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDirs, tempDir } from '../testing/fixtures/backup.ts';
import { archiveStream, openArchive, readManifest, saveArchive } from './archive.ts';
import type { Manifest } from './manifest.ts';

const run = promisify(execFile);
const dirs: string[] = [];
afterAll(() => removeDirs(dirs));

async function dir(label: string): Promise<string> {
  const made = await tempDir(label);
  dirs.push(made);
  return made;
}

/** Not a multiple of 512, so that the last block of the dump is padded. */
const dump = randomBytes(3_000_001);
const manifest: Manifest = {
  format: 'jiceng-backup',
  formatVersion: 1,
  database: 'pglite',
  serverVersion: '170005',
  appVersion: '0.0.0-test',
  migrations: { count: 1, last: '0000_init' },
  createdAt: '2026-06-15T01:00:00.000Z',
  idKeyFingerprint: null,
  dump: { file: 'pglite.tar', bytes: dump.length, sha256: createHash('sha256').update(dump).digest('hex') },
  tables: [{ name: 'public.orgs', rows: 3, checksum: '42' }],
};

/** The dump in 64 KiB pieces, as a file or a blob streams it. */
const dumpStream = () =>
  Readable.from(
    (function* () {
      for (let i = 0; i < dump.length; i += 65_536) yield dump.subarray(i, i + 65_536);
    })(),
  );

let archive: string;
beforeAll(async () => {
  archive = await saveArchive(
    await dir('archive'),
    'jiceng-backup-test.tar.gz',
    archiveStream(manifest, dumpStream()),
  );
});

/** An archive file with these bytes (gzipped unless already). */
async function archiveOf(bytes: Buffer, gzip = true): Promise<string> {
  const file = path.join(await dir('bytes'), 'jiceng-backup-x.tar.gz');
  await writeFile(file, gzip ? gzipSync(bytes) : bytes);
  return file;
}

/** The tar bytes of hand-picked entries, to make archives this program would never write. */
async function tarOf(
  entries: { name: string; body: Buffer; type?: 'file' | 'directory' }[],
): Promise<Buffer> {
  const tar = tarPack();
  for (const { name, body, type = 'file' } of entries) {
    tar.entry({ name, type, mode: 0o600 }, type === 'file' ? body : undefined);
  }
  tar.finalize();
  return buffer(tar);
}

const manifestBytes = (m: Manifest = manifest) => Buffer.from(JSON.stringify(m));
const damaged = /^备份文件已损坏或不完整（/;

describe('the backup archive (.tar.gz: manifest.json, then the dump)', () => {
  it('reads back what it wrote: the manifest, and the dump unpacked byte for byte into a 0600 file', async () => {
    expect((await stat(archive)).mode & 0o777).toBe(0o600);
    const into = await dir('unpack');
    const opened = await openArchive(archive, into);
    expect(opened.manifest).toEqual(manifest);
    expect(opened.dumpPath).toBe(path.join(into, 'pglite.tar'));
    expect((await readFile(path.join(into, 'pglite.tar'))).equals(dump)).toBe(true);
    expect((await stat(path.join(into, 'pglite.tar'))).mode & 0o777).toBe(0o600);
    expect(await openArchive(archive)).toEqual({ manifest, dumpPath: null });
    expect(await readManifest(archive)).toEqual(manifest);
  });

  it('is a standard tar.gz that the system tar lists and extracts, manifest first, files 0600', async () => {
    const { stdout } = await run('tar', ['-tzvf', archive]);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^-rw------- .* manifest\.json$/);
    expect(lines[1]).toMatch(new RegExp(`^-rw------- .* ${dump.length} .* pglite\\.tar$`));
    const shown = await run('tar', ['-xzOf', archive, 'manifest.json']);
    expect(JSON.parse(shown.stdout)).toEqual(manifest);
    const into = await dir('system-tar');
    await run('tar', ['-xzf', archive, '-C', into]);
    expect((await readdir(into)).sort()).toEqual(['manifest.json', 'pglite.tar']);
    expect((await readFile(path.join(into, 'pglite.tar'))).equals(dump)).toBe(true);
  });

  it('reads the manifest alone without reading the dump, so a restore can refuse before unpacking it', async () => {
    const whole = await readFile(archive);
    const cut = await archiveOf(whole.subarray(0, whole.length / 2), false);
    expect(await readManifest(cut)).toEqual(manifest);
    await expect(openArchive(cut, await dir('cut'))).rejects.toThrow(damaged);
  });

  it('refuses a damaged gzip, a damaged tar header, and a tar that stops inside an entry', async () => {
    const whole = await readFile(archive);
    const flipped = Buffer.from(whole);
    flipped[whole.length - 100] = (flipped[whole.length - 100] as number) ^ 0xff;
    await expect(openArchive(await archiveOf(flipped, false))).rejects.toThrow(damaged);
    const tar = gunzipSync(whole);
    const badHeader = Buffer.from(tar);
    badHeader[10] = 0x41;
    await expect(readManifest(await archiveOf(badHeader))).rejects.toThrow(
      /^备份文件已损坏或不完整（Invalid tar header/,
    );
    await expect(openArchive(await archiveOf(tar.subarray(0, 40_000)))).rejects.toThrow(
      /^备份文件已损坏或不完整（Unexpected end of data）/,
    );
  });

  it('refuses to write a dump that is not the length the manifest says, in either direction', async () => {
    for (const bytes of [dump.length - 1, dump.length + 1]) {
      const wrong = { ...manifest, dump: { ...manifest.dump, bytes } };
      const target = await dir('wrong-size');
      await expect(saveArchive(target, 'x.tar.gz', archiveStream(wrong, dumpStream()))).rejects.toThrow(
        'Size mismatch',
      );
      expect(await readdir(target)).toEqual([]);
    }
  });

  it('refuses archives this program does not write: another first entry, unknown or non-file entries', async () => {
    const other = await archiveOf(await tarOf([{ name: 'notes.txt', body: Buffer.from('hi') }]));
    await expect(readManifest(other)).rejects.toThrow(/^备份文件不以 manifest\.json 开头/);
    await expect(openArchive(other)).rejects.toThrow(/^备份文件中有不认识的内容 notes\.txt/);
    const folder = await archiveOf(
      await tarOf([
        { name: 'manifest.json', body: manifestBytes() },
        { name: 'pglite.tar', body: Buffer.alloc(0), type: 'directory' },
      ]),
    );
    await expect(openArchive(folder)).rejects.toThrow(/^备份文件中有不认识的内容 pglite\.tar/);
    const noDump = await archiveOf(await tarOf([{ name: 'manifest.json', body: manifestBytes() }]));
    await expect(openArchive(noDump)).rejects.toThrow(/^备份文件中没有数据库转储 pglite\.tar：备份不完整/);
    await expect(readManifest(await archiveOf(await tarOf([])))).rejects.toThrow(
      /^备份文件中没有 manifest\.json/,
    );
  });

  it('refuses a manifest over 4 MiB before reading it, and one that is not JSON or not a manifest', async () => {
    const huge = Buffer.alloc(4 * 1024 * 1024 + 1, 0x20);
    const file = await archiveOf(await tarOf([{ name: 'manifest.json', body: huge }]));
    await expect(readManifest(file)).rejects.toThrow(/^manifest\.json 过大/);
    const notJson = await archiveOf(await tarOf([{ name: 'manifest.json', body: Buffer.from('{') }]));
    await expect(readManifest(notJson)).rejects.toThrow(/^manifest\.json 不是有效的 JSON/);
    const wrongKind = manifestBytes({ ...manifest, format: 'other' } as unknown as Manifest);
    const notManifest = await archiveOf(await tarOf([{ name: 'manifest.json', body: wrongKind }]));
    await expect(readManifest(notManifest)).rejects.toThrow(/^manifest\.json 的内容不合规（format）/);
  });
});
