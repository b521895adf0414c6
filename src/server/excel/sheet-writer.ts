import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * Writing .xlsx as a stream (exceljs's WorkbookWriter), so that memory stays flat however many rows: the one
 * implementation of the workbook every export opens (the roster, the 2017 form, the error workbook, the ledger,
 * the audit log), its headed sheets and its back-pressure.
 */
export type WorkbookWriter = ExcelJS.stream.xlsx.WorkbookWriter;

/** exceljs types the streaming writer's sheets as plain worksheets with `commit`. */
export type SheetWriter = ReturnType<WorkbookWriter['addWorksheet']>;

/** A column of a headed sheet: its header and its width in characters. */
export type SheetColumn = { readonly header: string; readonly width: number };

/** A workbook streamed to `out`, with styles (number formats, bold headers). */
export function streamWorkbook(out: Writable): WorkbookWriter {
  return new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
}

/** A sheet whose first row holds the columns' headers, bold and frozen (it stays in view while scrolling). */
export function addHeadedSheet(
  workbook: WorkbookWriter,
  name: string,
  columns: readonly SheetColumn[],
): SheetWriter {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  return sheet;
}

/** Waits for a slow client to take what was written before the next page is read. */
export async function drained(out: Writable): Promise<void> {
  if (out.writableNeedDrain) await once(out, 'drain');
}
