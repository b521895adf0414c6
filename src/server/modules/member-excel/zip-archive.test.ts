import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from '../../../domain/shared/index.ts';
import type { AppError } from '../../errors.ts';
import { entryStream, openZip } from '../../excel/xlsx/zip-archive.ts';
import {
  type RawCell,
  rawWorkbook,
  rosterRows,
  sharedStringsBomb,
  sheetXml,
  workbookParts,
  type ZipPart,
  zip,
} from '../../testing/fixtures/raw-xlsx.ts';
import { readRoster } from './import-reader.ts';

/**
 * The zip layer of the upload reader (yauzl): what it refuses, what it still reads (zip64, odd part names),
 * and that no refusal, wherever it strikes (before inflating, mid-entry, in a header), leaves a file open.
 */
const BRANCH = '和平社区第一党支部';
const MB = 1024 * 1024;
let dir: string;
let n = 0;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'zip-archive-test-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function file(content: Buffer): Promise<string> {
  const at = path.join(dir, `${++n}.xlsx`);
  await writeFile(at, content);
  return at;
}

type Outcome = { rows: number; reason?: unknown; message?: string };

/** Reads the workbook with the real reader, stopping after `stopAfter` rows if given. */
async function read(at: string, limits: UploadLimits = DEFAULT_UPLOAD_LIMITS, stopAfter = Infinity) {
  const outcome: Outcome = { rows: 0 };
  try {
    for await (const event of readRoster(at, limits)) {
      if (event.type === 'row' && ++outcome.rows >= stopAfter) break;
    }
  } catch (error) {
    outcome.reason = (error as AppError).details?.reason;
    outcome.message = (error as AppError).message;
  }
  return outcome;
}

/** The offsets of the central directory records of an archive made by zip(). */
function centralRecords(archive: Buffer): number[] {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 5, 6]));
  const offsets: number[] = [];
  let at = archive.readUInt32LE(end + 16);
  for (let i = 0; i < archive.readUInt16LE(end + 10); i++) {
    offsets.push(at);
    at += 46 + archive.readUInt16LE(at + 28) + archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
  }
  return offsets;
}

function patched(archive: Buffer, patch: (archive: Buffer, record: number) => void): Buffer {
  const copy = Buffer.from(archive);
  for (const record of centralRecords(copy)) patch(copy, record);
  return copy;
}

const u16 = (v: number) => Buffer.from([v & 0xff, v >>> 8]);
const u32 = (v: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(v);
  return b;
};
const u64 = (v: number) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(v));
  return b;
};

/** A zip64 archive (APPNOTE 4.3.14–16, 4.5.3): every size and offset in the zip64 records, as big files are. */
function zip64(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const data = deflateRawSync(part.data);
    const sizes = [u16(1), u16(16), u64(part.data.length), u64(data.length)];
    const common = [
      u16(45),
      u16(0x800),
      u16(8),
      u32(0),
      u32(crc32(part.data)),
      u32(0xffffffff),
      u32(0xffffffff),
    ];
    const local = Buffer.concat([u32(0x04034b50), ...common, u16(name.length), u16(20), name, ...sizes]);
    const extra = Buffer.concat([u16(1), u16(24), ...sizes.slice(2), u64(offset)]);
    const record = [u32(0x02014b50), u16(45), ...common, u16(name.length), u16(28), u16(0), u16(0), u16(0)];
    central.push(Buffer.concat([...record, u32(0), u32(0xffffffff), name, extra]));
    locals.push(local, data);
    offset += local.length + data.length;
  }
  const directory = Buffer.concat(central);
  const count = u64(parts.length);
  const end64 = [u32(0x06064b50), u64(44), u16(45), u16(45), u32(0), u32(0), count, count];
  const locator = [u32(0x07064b50), u32(0), u64(offset + directory.length), u32(1)];
  const end = [u32(0x06054b50), u32(0), u32(0xffffffff), u32(0xffffffff), u32(0xffffffff), u16(0)];
  return Buffer.concat([
    ...locals,
    directory,
    ...end64,
    u64(directory.length),
    u64(offset),
    ...locator,
    ...end,
  ]);
}

const sheetOf = (rows: readonly (readonly RawCell[])[]) => ({
  name: 'sheet',
  data: Buffer.from(sheetXml(rows)),
});
const emptyEntries = (count: number) =>
  zip(Array.from({ length: count }, (_, i) => ({ name: `part${i}.xml`, data: Buffer.alloc(0) })));

describe('the zip reader', () => {
  it('reads a zip64 archive', async () => {
    const outcome = await read(await file(zip64(workbookParts(sheetOf(rosterRows(1, 20, BRANCH))))));
    expect(outcome).toEqual({ rows: 20 });
  });

  it('reads part names written with backslashes or a leading slash', async () => {
    const parts = workbookParts(sheetOf(rosterRows(1, 3, BRANCH)));
    const odd = parts.map((p, i) => ({ ...p, name: i % 2 ? `/${p.name}` : p.name.replaceAll('/', '\\') }));
    expect(await read(await file(zip(odd)))).toEqual({ rows: 3 });
  });

  it('reads an archive of 10,000 entries', async () => {
    const zipped = await openZip(await file(emptyEntries(10_000)));
    expect(zipped.entries.size).toBe(10_000);
  });

  it('refuses more than 10,000 entries from the end record, before reading the directory', async () => {
    const archive = Buffer.from(emptyEntries(3));
    const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 5, 6]));
    archive.writeUInt16LE(10_001, end + 8);
    archive.writeUInt16LE(10_001, end + 10);
    // Its directory holds 3 records: reading a fourth would fail in yauzl, not with our refusal.
    await expect(openZip(await file(archive))).rejects.toMatchObject({ details: { reason: 'not_xlsx' } });
  });

  it('stops an entry as soon as it inflates past its declared size, with an error rather than a truncation', async () => {
    const text = Buffer.from('<x>'.padEnd(100_000, 'a'));
    const zipped = await openZip(await file(zip([{ name: 'lie.xml', data: text, declaredSize: 1_000 }])));
    const entry = zipped.entries.get('lie.xml');
    if (!entry) throw new Error('entry missing');
    expect(entry.uncompressedSize).toBe(1_000);
    let received = 0;
    const reading = (async () => {
      for await (const chunk of await entryStream(zipped, entry)) received += (chunk as Buffer).length;
    })();
    await expect(reading).rejects.toMatchObject({
      message: '文件已损坏：解压后的内容大于压缩包中声明的大小',
      details: { reason: 'not_xlsx' },
    });
    expect(received).toBeLessThanOrEqual(1_000);
  });
});

describe('reading hostile files', () => {
  const fdCount = () => readdirSync('/proc/self/fd').length;
  type Case = {
    name: string;
    content: () => Buffer;
    limits?: UploadLimits;
    stopAfter?: number;
    reason?: string;
  };
  const lying = () => sharedStringsBomb('A'.repeat(1000), 64 * MB, 10_000);
  const manyRows = Array.from({ length: 20_000 }, (_, i) => [i]);
  const cases: Case[] = [
    { name: 'a read to the end', content: () => rawWorkbook(rosterRows(1, 20, BRANCH)) },
    {
      name: 'a zip64 read to the end',
      content: () => zip64(workbookParts(sheetOf(rosterRows(1, 20, BRANCH)))),
    },
    {
      name: 'a read stopped by its reader',
      content: () => rawWorkbook(rosterRows(1, 2_000, BRANCH)),
      stopAfter: 5,
    },
    {
      name: 'a declared bomb',
      content: () => zip(workbookParts(sheetOf([[1]]), [sharedStringsBomb('A'.repeat(1000), 1024 * MB)])),
      reason: 'inflated_too_large',
    },
    {
      name: 'a lying bomb',
      content: () => zip(workbookParts(sheetOf([[1]]), [lying()])),
      reason: 'not_xlsx',
    },
    {
      name: 'an entry shorter than declared',
      content: () => zip(workbookParts({ ...sheetOf([[1]]), declaredSize: 100_000 })),
      reason: 'not_xlsx',
    },
    {
      name: 'a row limit hit mid-sheet',
      content: () => rawWorkbook(manyRows),
      limits: { ...DEFAULT_UPLOAD_LIMITS, maxRows: 1_000 },
      reason: 'too_many_rows',
    },
    {
      name: 'broken deflate data',
      content: () =>
        zip(workbookParts({ name: 'sheet', data: randomBytes(50_000), deflated: { size: 200_000, crc: 0 } })),
      reason: 'not_xlsx',
    },
    {
      name: 'a broken local header',
      content: () => patched(rawWorkbook([[1]]), (a, at) => a.writeUInt32LE(0, a.readUInt32LE(at + 42))),
      reason: 'not_xlsx',
    },
    {
      name: 'an encrypted entry',
      content: () =>
        patched(rawWorkbook([[1]]), (a, at) => {
          a[at + 8] = (a[at + 8] as number) | 1;
        }),
      reason: 'not_xlsx',
    },
    { name: '10,001 entries', content: () => emptyEntries(10_001), reason: 'not_xlsx' },
    {
      name: 'a truncated file',
      content: () => rawWorkbook(rosterRows(1, 50, BRANCH)).subarray(0, 3000),
      reason: 'not_xlsx',
    },
    { name: 'random bytes', content: () => randomBytes(50_000), reason: 'not_xlsx' },
  ];
  const files = new Map<Case, string>();
  beforeAll(async () => {
    for (const c of cases) files.set(c, await file(c.content()));
  });

  async function readAll() {
    for (const c of cases) {
      const outcome = await read(files.get(c) as string, c.limits, c.stopAfter);
      expect(outcome.reason, c.name).toBe(c.reason);
    }
  }

  it('gives each case its outcome, the lying bomb with its own message', async () => {
    await readAll();
    const bomb = cases.find((c) => c.name === 'a lying bomb') as Case;
    expect((await read(files.get(bomb) as string)).message).toBe(
      '文件已损坏：解压后的内容大于压缩包中声明的大小',
    );
  });

  it('leaves no file descriptor open, however often they are refused', async () => {
    await readAll();
    const before = fdCount();
    for (let pass = 0; pass < 20; pass++) await readAll();
    // yauzl closes a descriptor asynchronously once its last stream is done.
    await expect.poll(fdCount, { timeout: 2_000 }).toBeLessThanOrEqual(before);
  });
});
