import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { addHeadedSheet, drained, type SheetWriter, streamWorkbook } from '../../excel/sheet-writer.ts';
import type { MemberExportRecord } from './member-record.ts';
import { type MemberColumn, TEMPLATE_COLUMNS } from './members.excel.ts';

/**
 * The roster export in the Jiceng template's columns (the same list the importer reads), streamed with
 * exceljs's WorkbookWriter so that memory stays flat however many members: dates as date cells, the ID
 * number as text.
 */
export const TEMPLATE_DATE_FORMAT = 'yyyy-mm-dd';
export const OFFICIAL_DATE_FORMAT = 'yyyy"年"m"月"d"日"';

/** Writes one record's cells with their formats: dates as dates, IDs and phones as text. */
export function addRecordRow(
  sheet: SheetWriter,
  columns: readonly (MemberColumn | null)[],
  values: readonly ExcelJS.CellValue[],
  dateFormat: string,
): void {
  const row = sheet.addRow(values as ExcelJS.CellValue[]);
  columns.forEach((column, i) => {
    if (column?.kind === 'date') row.getCell(i + 1).numFmt = dateFormat;
    else if (column?.kind === 'id' || column?.kind === 'phone') row.getCell(i + 1).numFmt = '@';
  });
  row.commit();
}

export async function writeTemplateExport(
  out: Writable,
  batches: AsyncIterable<MemberExportRecord[]>,
): Promise<void> {
  const workbook = streamWorkbook(out);
  const sheet = addHeadedSheet(workbook, '党员信息', TEMPLATE_COLUMNS);
  for await (const batch of batches) {
    for (const record of batch) {
      addRecordRow(
        sheet,
        TEMPLATE_COLUMNS,
        TEMPLATE_COLUMNS.map((c) => c.format(record)),
        TEMPLATE_DATE_FORMAT,
      );
    }
    await drained(out);
  }
  sheet.commit();
  await workbook.commit();
}
