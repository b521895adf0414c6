import { constants, crc32, deflateRawSync } from 'node:zlib';
import { memberRow, type RowInput } from './member-import.fixtures.ts';
import { MEMBER_COLUMNS } from './members.excel.ts';

/**
 * Workbooks written byte by byte for the tests of hostile uploads: a minimal but valid .xlsx (Excel opens it)
 * whose every part the test controls, including what no well-behaved writer produces: cells without their
 * `r` reference, 16,384 columns, hundreds of thousands of rows, zip entries that lie about their size.
 */
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

export type ZipPart = {
  readonly name: string;
  /** The deflated bytes, or the plain ones (deflated here). */
  readonly data: Buffer;
  readonly deflated?: { readonly size: number; readonly crc: number };
  /** What the central directory claims the inflated size is (a lie, for a bomb). */
  readonly declaredSize?: number;
};

const u16 = (n: number) => Buffer.from([n & 0xff, (n >>> 8) & 0xff]);
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

/** A zip (APPNOTE 4.3) of deflated entries, without data descriptors. */
export function zip(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const data = part.deflated ? part.data : deflateRawSync(part.data);
    const size = part.declaredSize ?? part.deflated?.size ?? part.data.length;
    const crc = part.deflated?.crc ?? crc32(part.data);
    const common = [u16(20), u16(0x800), u16(8), u16(0), u16(0x21), u32(crc), u32(data.length), u32(size)];
    const local = Buffer.concat([u32(0x04034b50), ...common, u16(name.length), u16(0), name]);
    const entry = [u32(0x02014b50), u16(20), ...common, u16(name.length), u16(0), u16(0), u16(0), u16(0)];
    central.push(Buffer.concat([...entry, u32(0), u32(offset), name]));
    locals.push(local, data);
    offset += local.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = [u32(0x06054b50), u16(0), u16(0), u16(parts.length), u16(parts.length)];
  return Buffer.concat([...locals, directory, ...end, u32(directory.length), u32(offset), u16(0)]);
}

/**
 * `prefix`, then `unit` repeated to at least `size` bytes, then `suffix`, deflated without ever holding it:
 * each piece is compressed on its own and sync-flushed (so that it refers to nothing before it), and the
 * middle one is repeated. A gigabyte of XML in about a megabyte.
 */
export function repeatedDeflate(prefix: string, unit: string, size: number, suffix: string) {
  const chunk = Buffer.from(unit.repeat(Math.max(1, Math.floor((1024 * 1024) / Buffer.byteLength(unit)))));
  const flushed = (b: Buffer) => deflateRawSync(b, { finishFlush: constants.Z_SYNC_FLUSH });
  const count = Math.ceil(size / chunk.length);
  const head = Buffer.from(prefix);
  const tail = Buffer.from(suffix);
  const block = flushed(chunk);
  const data = Buffer.concat([
    flushed(head),
    ...Array.from({ length: count }, () => block),
    deflateRawSync(tail),
  ]);
  return { data, size: head.length + count * chunk.length + tail.length };
}

/** sharedStrings.xml of about `size` bytes of `text` items, deflated as a bomb. */
export function sharedStringsBomb(text: string, size: number, declaredSize?: number): ZipPart {
  const { data, size: real } = repeatedDeflate(
    `${XML}<sst xmlns="${MAIN}">`,
    `<si><t>${text}</t></si>`,
    size,
    '</sst>',
  );
  return {
    name: 'xl/sharedStrings.xml',
    data,
    deflated: { size: real, crc: 0 },
    ...(declaredSize === undefined ? {} : { declaredSize }),
  };
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export type RawCell = string | number | null;
export type SheetOptions = { readonly withRefs?: boolean };

const columnName = (n: number): string =>
  n <= 0 ? '' : columnName(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));

/** An empty cell is left out when cells carry their reference, and is an empty `<c/>` when position is all. */
function cellXml(value: RawCell, ref: string): string {
  if (value === null) return ref === '' ? '<c/>' : '';
  if (typeof value === 'number') return `<c${ref}><v>${value}</v></c>`;
  return `<c${ref} t="inlineStr"><is><t>${xmlEscape(value)}</t></is></c>`;
}

/** A worksheet's XML: rows of inline strings and numbers, with or without `r` references. */
export function sheetXml(rows: readonly (readonly RawCell[])[], options: SheetOptions = {}): string {
  const refs = options.withRefs !== false;
  const body = rows.map((cells, r) => {
    const xml = cells.map((v, c) => cellXml(v, refs ? ` r="${columnName(c + 1)}${r + 1}"` : '')).join('');
    return `<row${refs ? ` r="${r + 1}"` : ''}>${xml}</row>`;
  });
  return `${XML}<worksheet xmlns="${MAIN}"><sheetData>${body.join('')}</sheetData></worksheet>`;
}

/** The parts every workbook of one sheet needs, around the sheet's own part. */
export function workbookParts(sheet: ZipPart, extra: readonly ZipPart[] = []): ZipPart[] {
  const text = (name: string, xml: string) => ({ name, data: Buffer.from(xml) });
  return [
    text(
      '[Content_Types].xml',
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    text(
      '_rels/.rels',
      `${XML}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    text(
      'xl/workbook.xml',
      `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="党员信息" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    text(
      'xl/_rels/workbook.xml.rels',
      `${XML}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    { ...sheet, name: 'xl/worksheets/sheet1.xml' },
    ...extra,
  ];
}

/** A workbook of one sheet with these rows. */
export function rawWorkbook(
  rows: readonly (readonly RawCell[])[],
  options: SheetOptions = {},
  extra: readonly ZipPart[] = [],
) {
  return zip(workbookParts({ name: 'sheet', data: Buffer.from(sheetXml(rows, options)) }, extra));
}

/** sharedStrings.xml holding `count` copies of `text` (strings no cell needs to use). */
export function sharedStringsPart(text: string, count: number): ZipPart {
  const item = `<si><t>${xmlEscape(text)}</t></si>`;
  const xml = `${XML}<sst xmlns="${MAIN}" count="${count}" uniqueCount="${count}">${item.repeat(count)}</sst>`;
  return { name: 'xl/sharedStrings.xml', data: Buffer.from(xml) };
}

/** A template roster as plain rows: the header, then the i-th synthetic members (dates as text). */
export function rosterRows(
  first: number,
  count: number,
  orgName: string,
  overrides: (i: number) => RowInput = () => ({}),
): RawCell[][] {
  const text = (v: unknown): RawCell =>
    v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  const rows = Array.from({ length: count }, (_, n) => {
    const row = memberRow(first + n, orgName, overrides(first + n));
    return MEMBER_COLUMNS.map((c) => text(row[c.key]));
  });
  return [MEMBER_COLUMNS.map((c) => c.header), ...rows];
}
