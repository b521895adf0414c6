import type ExcelJS from 'exceljs';
import type { UploadLimits } from '../../../domain/shared/index.ts';
import { type CellInput, EMPTY_CELL, toCellInput } from '../cells.ts';
import { notXlsx, overLimit } from './refusals.ts';
import type { SharedStrings } from './shared-strings.ts';
import type { DateStyles } from './workbook-parts.ts';
import type { XmlHandler } from './xml-stream.ts';

/**
 * The rows of one worksheet (`<sheetData>`), each as dense cells 1..last value, the way exceljs's streaming
 * reader gave them (its value rules are kept: a date style makes a number a date, rich text and formulas by
 * their text and cached result). Unlike it, a row or cell without its `r` reference is placed where Excel
 * places it, right after the previous one, and the limits are checked as soon as a row or cell passes them.
 */
export type SheetRow = { readonly number: number; readonly cells: CellInput[] };

/** Rows with a value so far, over every sheet of one pass, against the row limit. */
export type RowCounter = { count: number };

const MAX_EXCEL_ROW = 1_048_576;

/** `AB12` → 28; null for something that is not a cell reference. */
export function columnOfRef(ref: string): number | null {
  const letters = /^([A-Za-z]{1,3})\d*$/.exec(ref)?.[1];
  if (!letters) return null;
  let column = 0;
  for (const ch of letters.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return column;
}

type Cell = {
  column: number;
  type: string;
  style: number;
  value: string;
  formula: boolean;
  hasValue: boolean;
};

export type SheetContext = {
  readonly strings: SharedStrings;
  readonly styles: DateStyles;
  readonly date1904: boolean;
  readonly limits: UploadLimits;
  readonly rows: RowCounter;
};

/** exceljs's excelToDate: serial days since 1899-12-30 (or 1904-01-01), to the millisecond. */
function excelToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25_569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** Strings of 13 characters or more may be slices that keep the whole parsed chunk alive: copy them. */
const detached = (text: string) => (text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8'));

function cellValue(cell: Cell, ctx: SheetContext): ExcelJS.CellValue | undefined {
  const raw = cell.value;
  switch (cell.type) {
    case 's':
      return ctx.strings.get(Number.parseInt(raw, 10));
    case 'str':
    case 'inlineStr':
      return detached(raw);
    case 'b':
      return Number.parseInt(raw, 10) !== 0;
    case 'e':
      return { error: raw } as ExcelJS.CellErrorValue;
    case 'd': {
      const date = new Date(raw);
      return Number.isNaN(date.getTime()) ? detached(raw) : date;
    }
    default: {
      const n = Number.parseFloat(raw);
      if (Number.isNaN(n)) return undefined;
      return ctx.styles.isDate(cell.style) ? excelToDate(n, ctx.date1904) : n;
    }
  }
}

export class SheetReader {
  private done: SheetRow[] = [];
  private inData = false;
  private row: { number: number; cells: CellInput[]; last: number; hasValue: boolean } | null = null;
  private lastRow = 0;
  private cell: Cell | null = null;
  private collecting: 'v' | 't' | null = null;
  private phonetic = 0;

  constructor(private readonly ctx: SheetContext) {}

  /** The rows completed since the last call. */
  take(): SheetRow[] {
    const rows = this.done;
    this.done = [];
    return rows;
  }

  handler(): XmlHandler {
    return {
      open: (name, a) => this.open(name, a),
      text: (text) => {
        if (this.cell && this.collecting) this.cell.value += text;
      },
      close: (name) => this.close(name),
    };
  }

  private open(name: string, a: Readonly<Record<string, string>>): void {
    if (name === 'sheetData') this.inData = true;
    else if (name === 'row' && this.inData) this.openRow(a.r);
    else if (name === 'c' && this.row) this.openCell(a);
    else if (!this.cell) return;
    else if (name === 'v') this.collecting = 'v';
    else if (name === 'f') this.cell.formula = true;
    else if (name === 'rPh') this.phonetic++;
    else if (name === 't' && this.cell.type === 'inlineStr' && this.phonetic === 0) this.collecting = 't';
    if ((name === 'v' || name === 't') && this.cell && this.collecting) this.cell.hasValue = true;
  }

  private openRow(ref: string | undefined): void {
    const number = ref === undefined ? this.lastRow + 1 : Number(ref);
    if (!Number.isInteger(number) || number < 1 || number > MAX_EXCEL_ROW) throw notXlsx();
    this.lastRow = number;
    this.row = { number, cells: [EMPTY_CELL], last: 0, hasValue: false };
  }

  private openCell(a: Readonly<Record<string, string>>): void {
    const row = this.row as NonNullable<typeof this.row>;
    const column = a.r === undefined ? row.last + 1 : columnOfRef(a.r);
    if (column === null || column < 1) throw notXlsx('文件不是有效的 .xlsx 工作簿：单元格引用有误');
    row.last = column;
    const style = a.s === undefined ? 0 : Number(a.s);
    this.cell = { column, type: a.t ?? 'n', style, value: '', formula: false, hasValue: false };
  }

  private close(name: string): void {
    if (name === 'v' || name === 't') this.collecting = null;
    else if (name === 'rPh') this.phonetic--;
    else if (name === 'c') this.closeCell();
    else if (name === 'row') this.closeRow();
    else if (name === 'sheetData') this.inData = false;
  }

  private closeCell(): void {
    const cell = this.cell;
    const row = this.row;
    this.cell = null;
    if (!cell || !row || !cell.hasValue) return;
    const value = cellValue(cell, this.ctx);
    if (value === undefined) return;
    if (cell.column > this.ctx.limits.maxColumns) throw overLimit('columns', this.ctx.limits);
    for (let i = row.cells.length; i < cell.column; i++) row.cells.push(EMPTY_CELL);
    row.cells[cell.column] = toCellInput(value);
    row.hasValue = true;
  }

  private closeRow(): void {
    const row = this.row;
    this.row = null;
    if (!row) return;
    if (row.hasValue && ++this.ctx.rows.count > this.ctx.limits.maxRows) {
      throw overLimit('rows', this.ctx.limits);
    }
    // An empty row comes as no cells at all, as exceljs gave it.
    this.done.push({ number: row.number, cells: row.hasValue ? row.cells : [] });
  }
}
