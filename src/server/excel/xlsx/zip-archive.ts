import { PassThrough, pipeline, type Readable } from 'node:stream';
import yauzl, { type Entry } from 'yauzl';
import { notXlsx } from './refusals.ts';

/**
 * The zip side of an uploaded .xlsx, read with yauzl within the reader's bounds: the whole central directory
 * is read first (entry count and declared sizes known before anything is inflated, so that a bomb declaring
 * its size is refused unopened), and each entry is inflated as a stream that fails as soon as it yields more
 * than its directory record declared (yauzl's validateEntrySizes).
 *
 * No file descriptor outlives a call: openZip closes its zipfile once the directory is read, and each entry
 * stream opens the file again and holds it only until the stream ends or is destroyed half-way (a limit hit
 * mid-entry). So the callers have nothing to close, and a refused upload leaves nothing open.
 */
export type ZipEntry = {
  readonly name: string;
  /** What the central directory declares; the stream fails past it. */
  readonly uncompressedSize: number;
  readonly record: Entry;
};

export type ZipArchive = {
  readonly path: string;
  /** By path; the first of duplicate names wins. */
  readonly entries: ReadonlyMap<string, ZipEntry>;
};

/** A workbook has tens of parts; thousands mean something else. */
const MAX_ENTRIES = 10_000;
const TOO_BIG = '文件已损坏：解压后的内容大于压缩包中声明的大小';

/**
 * Names are decoded here rather than by yauzl (decodeStrings), which refuses a whole archive for one absolute
 * or `..` name: a danger when extracting to disk, not when looking parts up by name.
 */
const OPTIONS = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true };

const partName = (e: Entry) =>
  yauzl.getFileNameLowLevel(e.generalPurposeBitFlag, e.fileNameRaw, e.extraFields, false).replace(/^\/+/, '');

/** What openReadStream uses, without the record's name, extra field and comment (up to 192 KiB a record). */
const slim = (e: Entry): Entry =>
  Object.assign(new yauzl.Entry(), {
    generalPurposeBitFlag: e.generalPurposeBitFlag,
    compressionMethod: e.compressionMethod,
    compressedSize: e.compressedSize,
    uncompressedSize: e.uncompressedSize,
    relativeOffsetOfLocalHeader: e.relativeOffsetOfLocalHeader,
  });

/** The archive's entries by path (backslashes and leading slashes normalized), from the central directory. */
export async function openZip(path: string): Promise<ZipArchive> {
  const zipfile = await yauzl.openPromise(path, OPTIONS);
  try {
    // The count is in the end record: refused before a single directory record is read.
    if (zipfile.entryCount > MAX_ENTRIES) throw notXlsx();
    const entries = new Map<string, ZipEntry>();
    for await (const record of zipfile.eachEntry()) {
      // Excel never encrypts zip entries (a protected workbook is not a zip at all).
      if (record.isEncrypted()) throw notXlsx();
      const name = partName(record);
      if (!entries.has(name))
        entries.set(name, { name, uncompressedSize: record.uncompressedSize, record: slim(record) });
    }
    return { path, entries };
  } finally {
    zipfile.close();
  }
}

/** yauzl's size check becomes a refusal the uploader can read. */
function relabelled(source: Readable): Readable {
  const out = new PassThrough();
  // Registered before pipeline()'s own listener, so that `out` fails with this error rather than the source's.
  source.on('error', (error) =>
    out.destroy(/^too many bytes/.test(error.message) ? notXlsx(TOO_BIG) : error),
  );
  // pipeline() destroys the source when `out` is destroyed early (a limit hit mid-entry), which frees the file.
  pipeline(source, out, () => {});
  return out;
}

/**
 * The entry's inflated bytes as a stream (stored or deflated; yauzl refuses anything else). It fails as soon
 * as it yields more than the directory declared, and ending or destroying it closes the file.
 */
export async function entryStream(zip: ZipArchive, entry: ZipEntry): Promise<Readable> {
  const zipfile = await yauzl.openPromise(zip.path, OPTIONS);
  try {
    return relabelled(await zipfile.openReadStreamPromise(entry.record));
  } finally {
    // The stream keeps its own hold on the descriptor, released when it ends or is destroyed.
    zipfile.close();
  }
}
