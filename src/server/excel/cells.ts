import type ExcelJS from 'exceljs';
import type { IsoDate } from '../../domain/shared/index.ts';

/**
 * One cell as the importer sees it, whatever exceljs's streaming reader made of it: the value (text,
 * number, date cell, true/false) and the text the user would read in Excel, kept for the error workbook.
 */
export type CellInput = {
  readonly value: string | number | boolean | Date | null;
  readonly text: string;
};

export const EMPTY_CELL: CellInput = { value: null, text: '' };

type RichText = { richText: { text: string }[] };
type Formula = { formula?: string; sharedFormula?: string; result?: unknown };

function isoOfUtc(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function fromObject(value: object): CellInput {
  if (value instanceof Date) return { value, text: Number.isNaN(value.getTime()) ? '' : isoOfUtc(value) };
  if ('richText' in value) {
    const text = (value as RichText).richText.map((r) => r.text ?? '').join('');
    return { value: text, text };
  }
  if ('result' in value || 'formula' in value || 'sharedFormula' in value) {
    return toCellInput((value as Formula).result as ExcelJS.CellValue);
  }
  if ('error' in value) return { value: String(value.error), text: String(value.error) };
  if ('text' in value) return toCellInput((value as { text: ExcelJS.CellValue }).text);
  return EMPTY_CELL;
}

/** Normalizes an exceljs cell value: rich text joined, formulas by their result, errors as their text. */
export function toCellInput(value: ExcelJS.CellValue | undefined): CellInput {
  if (value === null || value === undefined) return EMPTY_CELL;
  if (typeof value === 'string') return { value, text: value };
  if (typeof value === 'number') return { value, text: numberText(value) };
  if (typeof value === 'boolean') return { value, text: value ? 'TRUE' : 'FALSE' };
  if (typeof value === 'object') return fromObject(value);
  return EMPTY_CELL;
}

/** A number as Excel shows it in a General cell, without exponent for whole numbers. */
export function numberText(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? BigInt(n).toString() : String(n);
}

/** Blank markers met in real rosters (docs/official-forms.md §6.1): read as an empty cell. */
const BLANK_MARKERS: ReadonlySet<string> = new Set(['无', '—', '——', '-', '--', '－', '–', '/', '／', '\\']);

/** Leading and trailing spaces, full-width and no-break included (the template's lists carry one). */
export function trimCell(text: string): string {
  return text.replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g, '');
}

/** The cell's text, trimmed; null when it is empty or a blank marker (无, —, -, /). */
export function cellText(cell: CellInput): string | null {
  const text = trimCell(cell.text);
  return text === '' || BLANK_MARKERS.has(text) ? null : text;
}

/** Days from 1899-12-30 (Excel's day 0 in the 1900 system, past its 1900-02-29) to 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25_569;
const DAY_MS = 86_400_000;

/**
 * An Excel serial day as a date. The 1900 system counts a 29 February 1900 that never was (serial 60), so
 * serials below 61 are one day later than the plain count; the 1904 system starts 1462 days later.
 */
export function serialToIsoDate(serial: number, date1904 = false): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  const day = Math.floor(serial + 1e-7) + (date1904 ? 1462 : 0);
  if (!date1904 && day === 60) return null;
  const shifted = !date1904 && day < 60 ? day + 1 : day;
  const date = new Date((shifted - EXCEL_EPOCH_OFFSET) * DAY_MS);
  return Number.isNaN(date.getTime()) ? null : isoOfUtc(date);
}

/** The calendar day of a date cell (exceljs builds it at UTC midnight; a time part is dropped). */
export function dateCellToIso(value: Date): IsoDate | null {
  if (Number.isNaN(value.getTime())) return null;
  return isoOfUtc(new Date(value.getTime() + 500));
}

export type TextDate =
  | { readonly kind: 'day'; readonly date: string }
  | { readonly kind: 'month'; readonly date: string }
  | { readonly kind: 'invalid' };

const pad = (n: string) => n.padStart(2, '0');

/**
 * Dates typed as text: 2017-07-01, 2017/7/1, 2017.7.1, 2017年7月1日 (also with the template's own
 * spacing, `2017年   7 月    31 日`), 20170701; and year with month only (2017-07, 2017年7月, 201707).
 * `date` is `YYYY-MM-DD` (day 01 for a month), not yet checked to be a real day.
 */
export function parseTextDate(raw: string): TextDate {
  const text = raw.normalize('NFKC').replace(/\s+/g, '');
  const day =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (day) return { kind: 'day', date: `${day[1]}-${pad(day[2] as string)}-${pad(day[3] as string)}` };
  const month = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(text) ?? /^(\d{4})(\d{2})$/.exec(text);
  if (month) return { kind: 'month', date: `${month[1]}-${pad(month[2] as string)}-01` };
  return { kind: 'invalid' };
}
