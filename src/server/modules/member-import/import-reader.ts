import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import unzipper, { type ZipEntry } from 'unzipper';
import { AppError } from '../../http/errors.ts';
import { type CellInput, EMPTY_CELL, toCellInput } from './cells.ts';
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
 * Reads an uploaded workbook with exceljs's STREAMING reader (STACK-NOTES.md, Excel): one row at a time,
 * never the whole workbook in memory. Styles are read so that date cells come back as dates; a date cell
 * whose format exceljs does not know still arrives as a serial number, which the date parser converts.
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

type StreamRow = { number: number; values: ExcelJS.CellValue[] };

function cellsOf(row: StreamRow): CellInput[] {
  const values = row.values;
  const cells: CellInput[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) cells[i] = i === 0 ? EMPTY_CELL : toCellInput(values[i]);
  return cells;
}

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
  rows: AsyncIterable<StreamRow>,
  date1904: boolean,
): AsyncGenerator<ReaderEvent> {
  const state: SheetState = { layout: null, before: [], header: null, headerRow: 0, done: false };
  for await (const row of rows) {
    const cells = cellsOf(row);
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

/**
 * exceljs's streaming reader, driven entry by entry. Its own loop reads the zip in stored order and fails
 * (or reads dates as numbers) when a worksheet comes before workbook.xml or styles.xml, which some writers
 * do; reading through the zip's central directory puts the workbook parts first, whatever the order.
 * These are the reader's own parsers (exceljs is pinned at 4.4.0).
 */
type SheetModel = { readonly id: number; readonly name: string; readonly rId: string };
type ReaderInternals = {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(
    entry: Readable,
    sheetNo: string,
  ): Generator<{ value: ExcelJS.stream.xlsx.WorksheetReader }>;
  model?: { sheets?: SheetModel[] };
  workbookRels?: { Id: string; Target: string }[];
  properties?: { model?: { date1904?: boolean } };
};

const normalizePath = (p: string) => p.replace(/^\/+/, '');

/** The worksheets in workbook order, each with its zip entry. */
function worksheetsOf(reader: ReaderInternals, entries: Map<string, ZipEntry>) {
  const sheets = reader.model?.sheets ?? [];
  return sheets.flatMap((sheet) => {
    const target = reader.workbookRels?.find((r) => r.Id === sheet.rId)?.Target ?? '';
    const path = target.startsWith('/') ? normalizePath(target) : `xl/${target}`;
    const entry = entries.get(path);
    const sheetNo = /sheet(\d+)\.xml$/.exec(path)?.[1] ?? String(sheet.id);
    return entry ? [{ name: sheet.name, entry, sheetNo }] : [];
  });
}

async function openWorkbook(path: string) {
  const directory = await unzipper.Open.file(path);
  const entries = new Map(directory.files.map((f) => [normalizePath(f.path), f]));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as ReaderInternals;
  const part = (name: string) => entries.get(name)?.stream();
  const rels = part('xl/_rels/workbook.xml.rels');
  const book = part('xl/workbook.xml');
  if (!rels || !book) throw notXlsx();
  await reader._parseRels(rels);
  await reader._parseWorkbook(book);
  const styles = part('xl/styles.xml');
  if (styles) await reader._parseStyles(styles);
  const strings = part('xl/sharedStrings.xml');
  if (strings) for await (const _ of reader._parseSharedStrings(strings));
  return { reader, entries };
}

const notXlsx = () => new AppError('invalid_input', '文件不是有效的 .xlsx 工作簿', { reason: 'not_xlsx' });

/**
 * Every sheet of the workbook at `path`, in order: a `sheet` event when a member table's header is found,
 * then its data rows (empty rows, the 注 footnote and 示例 rows left out), or `skipped` for a sheet without
 * one (code lists, 说明). Throws invalid_input on a file that is not an .xlsx workbook.
 */
export async function* readRoster(path: string): AsyncGenerator<ReaderEvent> {
  const opened = await openWorkbook(path).catch((error: unknown) => {
    throw error instanceof AppError ? error : notXlsx();
  });
  const date1904 = opened.reader.properties?.model?.date1904 === true;
  for (const { name, entry, sheetNo } of worksheetsOf(opened.reader, opened.entries)) {
    const [event] = [...opened.reader._parseWorksheet(entry.stream(), sheetNo)];
    if (!event) continue;
    yield* sheetEvents(name, event.value as unknown as AsyncIterable<StreamRow>, date1904);
  }
}
