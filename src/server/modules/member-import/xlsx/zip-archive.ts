import { createReadStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { pipeline, Readable, Transform } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { notXlsx } from './refusals.ts';

/**
 * Just enough of a zip reader for an uploaded .xlsx, written for its bounds: the central directory is read
 * first (entry count and declared sizes known before anything is inflated), and an entry is inflated as a
 * stream whose actual size is checked against what the directory declared. unzipper, exceljs's unzip library,
 * cannot stop an entry half-way without leaving its file descriptor open, which a refused upload must not do.
 * Format: PKWARE APPNOTE.TXT §4.3 (end of central directory, zip64, central and local headers).
 */
export type ZipEntry = {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
};

export type ZipArchive = {
  readonly path: string;
  readonly size: number;
  readonly entries: ReadonlyMap<string, ZipEntry>;
};

/** A workbook has tens of parts; thousands mean something else. */
const MAX_ENTRIES = 10_000;
const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;
const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const U32_MAX = 0xffffffff;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead !== length) throw notXlsx();
  return buffer;
}

type Directory = { count: number; size: number; offset: number };

/** The end-of-central-directory record, searched backwards past a comment of up to 64 KiB. */
async function findDirectory(handle: FileHandle, fileSize: number): Promise<Directory> {
  const tailLength = Math.min(fileSize, 22 + 0xffff);
  const tail = await readAt(handle, fileSize - tailLength, tailLength);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== EOCD) continue;
    const dir = {
      count: tail.readUInt16LE(i + 10),
      size: tail.readUInt32LE(i + 12),
      offset: tail.readUInt32LE(i + 16),
    };
    const locatorAt = fileSize - tailLength + i - 20;
    if ((dir.count === 0xffff || dir.offset === U32_MAX || dir.size === U32_MAX) && locatorAt >= 0) {
      return zip64Directory(handle, locatorAt);
    }
    return dir;
  }
  throw notXlsx();
}

async function zip64Directory(handle: FileHandle, locatorAt: number): Promise<Directory> {
  const locator = await readAt(handle, locatorAt, 20);
  if (locator.readUInt32LE(0) !== ZIP64_LOCATOR) throw notXlsx();
  const record = await readAt(handle, Number(locator.readBigUInt64LE(8)), 56);
  if (record.readUInt32LE(0) !== ZIP64_EOCD) throw notXlsx();
  return {
    count: Number(record.readBigUInt64LE(32)),
    size: Number(record.readBigUInt64LE(40)),
    offset: Number(record.readBigUInt64LE(48)),
  };
}

/** Sizes and offset that do not fit 32 bits are in the zip64 extra field (id 1), in this order. */
function zip64Values(extra: Buffer, wanted: { u: boolean; c: boolean; o: boolean }) {
  for (let i = 0; i + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(i);
    const size = extra.readUInt16LE(i + 2);
    if (id === 1) {
      let at = i + 4;
      const next = (on: boolean) => {
        if (!on) return undefined;
        if (at + 8 > i + 4 + size || at + 8 > extra.length) throw notXlsx();
        const value = Number(extra.readBigUInt64LE(at));
        at += 8;
        return value;
      };
      return { u: next(wanted.u), c: next(wanted.c), o: next(wanted.o) };
    }
    i += 4 + size;
  }
  throw notXlsx();
}

function parseEntries(directory: Buffer, count: number): Map<string, ZipEntry> {
  const entries = new Map<string, ZipEntry>();
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL) throw notXlsx();
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const end = at + 46 + nameLength + extraLength + directory.readUInt16LE(at + 32);
    if (end > directory.length) throw notXlsx();
    // Bit 0: encrypted. Excel never encrypts zip entries (a protected workbook is not a zip at all).
    if (directory.readUInt16LE(at + 8) & 1) throw notXlsx();
    let uncompressedSize = directory.readUInt32LE(at + 24);
    let compressedSize = directory.readUInt32LE(at + 20);
    let localHeaderOffset = directory.readUInt32LE(at + 42);
    const wanted = {
      u: uncompressedSize === U32_MAX,
      c: compressedSize === U32_MAX,
      o: localHeaderOffset === U32_MAX,
    };
    if (wanted.u || wanted.c || wanted.o) {
      const big = zip64Values(
        directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength),
        wanted,
      );
      uncompressedSize = big.u ?? uncompressedSize;
      compressedSize = big.c ?? compressedSize;
      localHeaderOffset = big.o ?? localHeaderOffset;
    }
    const name = directory
      .toString('utf8', at + 46, at + 46 + nameLength)
      .replace(/\\/g, '/')
      .replace(/^\/+/, '');
    const method = directory.readUInt16LE(at + 10);
    if (!entries.has(name))
      entries.set(name, { name, method, compressedSize, uncompressedSize, localHeaderOffset });
    at = end;
  }
  return entries;
}

/** The archive's entries by path (leading slashes and backslashes normalized), from the central directory. */
export async function openZip(path: string): Promise<ZipArchive> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size < 22) throw notXlsx();
    const dir = await findDirectory(handle, size);
    const fits = dir.offset + dir.size <= size && dir.size <= MAX_DIRECTORY_BYTES;
    if (!fits || dir.count > MAX_ENTRIES || !Number.isSafeInteger(dir.count)) throw notXlsx();
    const entries = parseEntries(await readAt(handle, dir.offset, dir.size), dir.count);
    return { path, size, entries };
  } finally {
    await handle.close();
  }
}

/** Where the entry's compressed bytes start: after its local header, whose name and extra lengths may differ. */
async function dataOffset(zip: ZipArchive, entry: ZipEntry): Promise<number> {
  const handle = await open(zip.path, 'r');
  try {
    const local = await readAt(handle, entry.localHeaderOffset, 30);
    if (local.readUInt32LE(0) !== LOCAL) throw notXlsx();
    const start = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    if (start + entry.compressedSize > zip.size) throw notXlsx();
    return start;
  } finally {
    await handle.close();
  }
}

/**
 * The entry's inflated bytes as a stream (stored or deflated; anything else is refused). The stream fails
 * as soon as it yields more than the directory declared, and destroying it closes the file.
 */
export async function entryStream(zip: ZipArchive, entry: ZipEntry): Promise<Readable> {
  if (entry.method !== 0 && entry.method !== 8) throw notXlsx();
  const start = await dataOffset(zip, entry);
  const source =
    entry.compressedSize === 0
      ? Readable.from([])
      : createReadStream(zip.path, {
          start,
          end: start + entry.compressedSize - 1,
          highWaterMark: 64 * 1024,
        });
  let produced = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      produced += chunk.length;
      if (produced > entry.uncompressedSize) done(notXlsx('文件已损坏：解压后的内容大于压缩包中声明的大小'));
      else done(null, chunk);
    },
  });
  const stages = entry.method === 8 ? [source, createInflateRaw(), guard] : [source, guard];
  // pipeline() destroys every stage when one fails or the reader stops early, so the file is closed.
  pipeline(stages, () => {});
  return guard;
}
