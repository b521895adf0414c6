import type { XmlHandler } from './xml-stream.ts';

/**
 * The small parts of a workbook, read with SAX handlers: the relationships (which file is which sheet),
 * workbook.xml (sheet names and order, the 1904 date system) and styles.xml (which cell styles are dates).
 */
export type Relationship = { readonly target: string; readonly type: string };

export function relationshipsHandler(into: Map<string, Relationship>): XmlHandler {
  return {
    open(name, a) {
      if (name === 'Relationship' && a.Id && a.Target && into.size < 10_000) {
        into.set(a.Id, { target: a.Target, type: a.Type ?? '' });
      }
    },
  };
}

/** A relationship's target as a path in the zip: relative to xl/, or absolute. */
export function partPath(target: string): string {
  return target.startsWith('/') ? target.replace(/^\/+/, '') : `xl/${target.replace(/^\.\//, '')}`;
}

export type SheetRef = { readonly name: string; readonly rId: string };
export type WorkbookInfo = { sheets: SheetRef[]; date1904: boolean };

export function workbookHandler(into: WorkbookInfo): XmlHandler {
  return {
    open(name, a) {
      if (name === 'workbookPr') into.date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name !== 'sheet' || into.sheets.length >= 1_000) return;
      // r:id, whatever the prefix of the relationships namespace.
      const rId = Object.entries(a).find(([key]) => key === 'id' || key.endsWith(':id'))?.[1];
      if (a.name !== undefined && rId) into.sheets.push({ name: a.name, rId });
    },
  };
}

/**
 * Built-in number formats that show dates or times (ECMA-376 §18.8.30): 14–22, 45–47, and the East Asian
 * ones 27–36 and 50–58 (年月日 in a Chinese Excel).
 */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36]);
for (const id of [45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]) DATE_FORMAT_IDS.add(id);

/** exceljs's rule for a custom format: date letters outside quotes and [brackets]. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

const MAX_STYLES = 65_536;

/** For each cell style (the `s` of a cell), whether its number format shows a date. */
export class DateStyles {
  private readonly custom = new Map<number, boolean>();
  private readonly formats: number[] = [];

  isDate(style: number): boolean {
    const id = this.formats[style];
    if (id === undefined) return false;
    return this.custom.get(id) ?? DATE_FORMAT_IDS.has(id);
  }

  handler(): XmlHandler {
    let inCellXfs = false;
    return {
      open: (name, a) => {
        if (name === 'numFmt' && this.custom.size < MAX_STYLES) {
          this.custom.set(Number(a.numFmtId), isDateFormat(a.formatCode ?? ''));
        } else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs && this.formats.length < MAX_STYLES) {
          this.formats.push(Number(a.numFmtId ?? 0));
        }
      },
      close: (name) => {
        if (name === 'cellXfs') inCellXfs = false;
      },
    };
  }
}
