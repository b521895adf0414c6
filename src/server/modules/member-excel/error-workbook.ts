import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type { ImportIssue } from '../../../contracts/member-import.ts';
import type { UploadLimits } from '../../../domain/shared/index.ts';
import { type SheetWriter, streamWorkbook, type WorkbookWriter } from '../../excel/sheet-writer.ts';
import { readRoster } from './import-reader.ts';
import type { SheetLayout } from './sheet-layout.ts';

/**
 * The error workbook of an import: the rows that have errors, as uploaded (each cell's original text), in
 * their sheets under their original title and header rows, with a 错误说明 column added after the header.
 * Fixed, the file can be imported again as it is. Written with exceljs's streaming writer while the upload
 * is read a second time, so that neither file is ever whole in memory as a workbook.
 */
export const ERROR_COLUMN = '错误说明';

/** Messages per sheet and row: `【列】消息；【列】消息`. */
export function messagesByRow(errors: readonly ImportIssue[]): Map<string, Map<number, string>> {
  const bySheet = new Map<string, Map<number, string>>();
  for (const e of errors) {
    const rows = bySheet.get(e.sheet) ?? new Map<number, string>();
    bySheet.set(e.sheet, rows);
    const text = e.column ? `【${e.column}】${e.message}` : e.message;
    const before = rows.get(e.row);
    rows.set(e.row, before ? `${before}；${text}` : text);
  }
  return bySheet;
}

type OpenSheet = { layout: SheetLayout; sheet: SheetWriter } | null;

/** 0-based position of the 错误说明 column: the file's own (an error workbook imported again), or a new last one. */
function errorColumnOf(layout: SheetLayout): number {
  const own = [...layout.fields].find(([, field]) => field === 'errorNote');
  return own ? own[0] - 1 : layout.width;
}

function openSheet(workbook: WorkbookWriter, layout: SheetLayout) {
  const sheet = workbook.addWorksheet(layout.name);
  const last = layout.preamble.length - 1;
  layout.preamble.forEach((texts, i) => {
    const values = Array.from({ length: layout.width }, (_, c) => texts[c] ?? '');
    if (i === last) values[errorColumnOf(layout)] = ERROR_COLUMN;
    const row = sheet.addRow(values);
    if (i >= layout.preamble.length - (layout.format === 'official_2017' ? 2 : 1)) row.font = { bold: true };
    row.commit();
  });
  sheet.getColumn(errorColumnOf(layout) + 1).width = 60;
  return { layout, sheet };
}

/**
 * Writes the error workbook of the upload at `path` and answers its bytes: the rows of the errors kept (at
 * most `maxIssues`), so that it stays as small as the report.
 */
export async function buildErrorWorkbook(
  path: string,
  errors: readonly ImportIssue[],
  limits: UploadLimits,
): Promise<Buffer> {
  const messages = messagesByRow(errors);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = once(out, 'end');
  const workbook = streamWorkbook(out);
  let open: OpenSheet = null;
  let left = [...messages.values()].reduce((n, rows) => n + rows.size, 0);
  for await (const event of readRoster(path, limits)) {
    // Past the last row with a kept error, the rest of the upload need not be read again.
    if (left === 0) break;
    if (event.type !== 'row') continue;
    const message = messages.get(event.layout.name)?.get(event.number);
    if (message === undefined) continue;
    left--;
    if (open?.layout !== event.layout) {
      open?.sheet.commit();
      open = openSheet(workbook, event.layout);
    }
    const texts = Array.from({ length: event.layout.width }, (_, c) => event.cells[c + 1]?.text ?? '');
    texts[errorColumnOf(event.layout)] = message;
    open.sheet.addRow(texts).commit();
  }
  open?.sheet.commit();
  await workbook.commit();
  await ended;
  return Buffer.concat(chunks);
}
