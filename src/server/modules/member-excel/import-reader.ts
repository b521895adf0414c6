import type { UploadLimits } from '../../../domain/shared/index.ts';
import type { CellInput } from '../../excel/cells.ts';
import { asRefusal, notXlsx } from '../../excel/xlsx/refusals.ts';
import { SharedStrings } from '../../excel/xlsx/shared-strings.ts';
import {
  DateStyles,
  partPath,
  type Relationship,
  relationshipsHandler,
  type WorkbookInfo,
  workbookHandler,
} from '../../excel/xlsx/workbook-parts.ts';
import { type SheetContext, SheetReader, type SheetRow } from '../../excel/xlsx/worksheet-rows.ts';
import { InflateBudget, parseXml, readXml, type XmlHandler } from '../../excel/xlsx/xml-stream.ts';
import { entryStream, openZip, type ZipArchive, type ZipEntry } from '../../excel/xlsx/zip-archive.ts';
import {
  HEADER_SCAN_ROWS,
  isBlankRow,
  isHeaderRow,
  isNoteOrExample,
  isSubHeaderRow,
  layoutOf,
  type SheetLayout,
} from './sheet-layout.ts';

/**
 * Reads an uploaded workbook one row at a time, never whole in memory, within the 导入限制 (see xlsx/): the
 * zip's declared sizes are checked before anything is inflated, inflated bytes are counted as they come, the
 * shared strings live in a bounded store, and rows and columns are refused as soon as they pass their limits.
 * Styles are read so that date cells come back as dates; a date cell whose format is not known as one still
 * arrives as a serial number, which the date parser converts.
 */
export type ReaderEvent =
  | { readonly type: 'sheet'; readonly layout: SheetLayout; readonly date1904: boolean }
  | { readonly type: 'skipped'; readonly name: string }
  | {
      readonly type: 'row';
      readonly layout: SheetLayout;
      /** The Excel row number the user sees. */
      readonly number: number;
      /** 1-based, dense up to the row's last cell. */
      readonly cells: readonly CellInput[];
      /** The workbook counts serial dates from 1904 (old Mac Excel). */
      readonly date1904: boolean;
    };

type SheetState = {
  layout: SheetLayout | null;
  before: CellInput[][];
  header: CellInput[] | null;
  headerRow: number;
  done: boolean;
};

/** Header found: decide on the row after it (a second header row, or the first data row). */
function settle(name: string, state: SheetState, next: CellInput[] | null): SheetLayout {
  const header = state.header as CellInput[];
  const sub = next && isSubHeaderRow(header, next) ? next : null;
  state.layout = layoutOf(name, state.headerRow, state.before, header, sub);
  return state.layout;
}

async function* sheetEvents(
  name: string,
  rows: AsyncIterable<SheetRow>,
  date1904: boolean,
): AsyncGenerator<ReaderEvent> {
  const state: SheetState = { layout: null, before: [], header: null, headerRow: 0, done: false };
  for await (const row of rows) {
    const cells = row.cells;
    if (state.layout === null && state.header !== null) {
      const layout = settle(name, state, cells);
      yield { type: 'sheet', layout, date1904 };
      if (layout.preamble.length === state.before.length + 2) continue;
    }
    if (state.layout !== null) {
      if (isBlankRow(cells, state.layout) || isNoteOrExample(cells, state.layout)) continue;
      yield { type: 'row', layout: state.layout, number: row.number, cells, date1904 };
    } else if (!state.done) {
      if (isHeaderRow(cells)) {
        state.header = cells;
        state.headerRow = row.number;
      } else if (state.before.length < HEADER_SCAN_ROWS) state.before.push(cells);
      else state.done = true;
    }
  }
  if (state.layout === null && state.header !== null) {
    yield { type: 'sheet', layout: settle(name, state, null), date1904 };
  } else if (state.layout === null) {
    yield { type: 'skipped', name };
  }
}

/** No single text or tag of a workbook comes near this: Excel holds at most 32,767 characters in a cell. */
const MAX_TOKEN = 1024 * 1024;
const TOO_LONG = '文件不是有效的 .xlsx 工作簿：单元格文字超过 Excel 的长度上限（32767 个字符）';
const XML_OPTIONS = { maxToken: MAX_TOKEN, tokenTooLong: () => notXlsx(TOO_LONG) };

type Opened = { zip: ZipArchive; sheets: { name: string; entry: ZipEntry }[]; ctx: SheetContext };

async function readPart(zip: ZipArchive, entry: ZipEntry, handler: XmlHandler, budget: InflateBudget) {
  await readXml(await entryStream(zip, entry), handler, budget, XML_OPTIONS);
}

const declared = (entries: readonly (ZipEntry | undefined)[]) =>
  entries.reduce((sum, e) => sum + (e?.uncompressedSize ?? 0), 0);

/** Relationships and workbook first (whatever order the zip stores them in), then styles and strings. */
async function openWorkbook(path: string, limits: UploadLimits, budget: InflateBudget): Promise<Opened> {
  const zip = await openZip(path);
  const part = (name: string) => zip.entries.get(name);
  const relsEntry = part('xl/_rels/workbook.xml.rels');
  const bookEntry = part('xl/workbook.xml');
  if (!relsEntry || !bookEntry) throw notXlsx();
  budget.reserve(declared([relsEntry, bookEntry]));
  const rels = new Map<string, Relationship>();
  await readPart(zip, relsEntry, relationshipsHandler(rels), budget);
  const book: WorkbookInfo = { sheets: [], date1904: false };
  await readPart(zip, bookEntry, workbookHandler(book), budget);
  const ofType = (type: string, fallback: string) =>
    part(partPath([...rels.values()].find((r) => r.type.endsWith(type))?.target ?? fallback));
  const stylesEntry = ofType('/styles', 'styles.xml');
  const stringsEntry = ofType('/sharedStrings', 'sharedStrings.xml');
  const sheets = book.sheets.flatMap((sheet) => {
    const target = rels.get(sheet.rId)?.target;
    const entry = target === undefined ? undefined : part(partPath(target));
    return entry ? [{ name: sheet.name, entry }] : [];
  });
  // The zip's own account of what is left to read, refused before a byte of it is inflated.
  budget.reserve(declared([stylesEntry, stringsEntry, ...sheets.map((s) => s.entry)]));
  const styles = new DateStyles();
  if (stylesEntry) await readPart(zip, stylesEntry, styles.handler(), budget);
  const strings = new SharedStrings(limits);
  if (stringsEntry) await readPart(zip, stringsEntry, strings.handler(), budget);
  const ctx = { strings, styles, date1904: book.date1904, limits, rows: { count: 0 } };
  return { zip, sheets, ctx };
}

/** A worksheet's rows, handed on chunk by chunk as the parser completes them. */
async function* sheetRows(opened: Opened, entry: ZipEntry, budget: InflateBudget): AsyncGenerator<SheetRow> {
  const reader = new SheetReader(opened.ctx);
  for await (const _ of parseXml(
    await entryStream(opened.zip, entry),
    reader.handler(),
    budget,
    XML_OPTIONS,
  )) {
    yield* reader.take();
  }
  yield* reader.take();
}

/**
 * Every sheet of the workbook at `path`, in order: a `sheet` event when a member table's header is found,
 * then its data rows (empty rows, the 注 footnote and 示例 rows left out), or `skipped` for a sheet without
 * one (code lists, 说明). A file that is not an .xlsx workbook, or passes a limit, is refused with a 400
 * invalid_input whose reason says which (not_xlsx, inflated_too_large, too_many_rows, …).
 */
export async function* readRoster(path: string, limits: UploadLimits): AsyncGenerator<ReaderEvent> {
  try {
    const budget = new InflateBudget(limits);
    const opened = await openWorkbook(path, limits, budget);
    for (const { name, entry } of opened.sheets) {
      yield* sheetEvents(name, sheetRows(opened, entry, budget), opened.ctx.date1904);
    }
  } catch (error) {
    throw asRefusal(error);
  }
}

/**
 * Every sheet's rows as read, within the same limits and refusals, with no layout recognized: for the imports of
 * other modules, which know their own columns (the dues bases).
 */
export async function* readWorkbookRows(
  path: string,
  limits: UploadLimits,
): AsyncGenerator<{ readonly sheet: string; readonly number: number; readonly cells: readonly CellInput[] }> {
  try {
    const budget = new InflateBudget(limits);
    const opened = await openWorkbook(path, limits, budget);
    for (const { name, entry } of opened.sheets) {
      for await (const row of sheetRows(opened, entry, budget)) {
        yield { sheet: name, number: row.number, cells: row.cells };
      }
    }
  } catch (error) {
    throw asRefusal(error);
  }
}
