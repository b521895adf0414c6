import type { Writable } from 'node:stream';
import type { CodeList } from '../../../domain/codes/index.ts';
import { EDUCATION_LIST, ETHNICITY_LIST, WORK_POST_LIST } from '../../../domain/codes/index.ts';
import { formatChineseDate, type IsoDate } from '../../../domain/shared/index.ts';
import { drained, type SheetWriter, streamWorkbook, type WorkbookWriter } from '../../excel/sheet-writer.ts';
import { addRecordRow, OFFICIAL_DATE_FORMAT } from './member-export.excel.ts';
import type { MemberExportRecord } from './member-record.ts';
import { type ColumnKey, columnOf, type MemberColumn } from './members.excel.ts';

/**
 * The 2017 《党员基本信息汇总表》 layout (docs/official-forms.md §4.1, §4.3), so that a roster can go back to whoever
 * asked for it: one sheet per 党支部 (named in 所在党支部, where the national system looks it up), a title merged across A–T, the 基层党委 / 汇总日期 row, a
 * two-row header (联系电话 over 手机号 / 固定电话, the other columns merged over both rows), data from row 5,
 * a 注 footnote, and the three code sheets. Dates are date cells shown 年月日; the ID number is text.
 */
export const OFFICIAL_TITLE = '党员基本信息汇总表';
export const OFFICIAL_FOOTNOTE = '注：此表由基层党建工作平台按《党员基本信息汇总表》格式导出，请核对后报送。';

/** Columns B–T in the form's order (A is 序号). */
export const OFFICIAL_ORDER: readonly ColumnKey[] = [
  'name',
  'org',
  'idNumber',
  'gender',
  'ethnicity',
  'birthDate',
  'education',
  'kind',
  'admittedOn',
  'confirmedOn',
  'workPost',
  'phoneMobile',
  'phoneLandline',
  'address',
  'standing',
  'isUnreachable',
  'lostContactOn',
  'isMobile',
  'outflowDestination',
];
const COLUMNS: readonly (MemberColumn | null)[] = [null, ...OFFICIAL_ORDER.map(columnOf)];
const LAST = 'T';
const PHONE_COLUMNS = ['M', 'N'];

const officialLabel = (c: MemberColumn): string => c.official ?? c.header;
const officialCell = (c: MemberColumn, r: MemberExportRecord) =>
  'formatOfficial' in c && c.formatOfficial ? c.formatOfficial(r) : c.format(r);

/** Sheet names: no []:*?/\, at most 31 characters, unique in the workbook. */
export function sheetNameFor(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '').slice(0, 31) || '党支部';
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base.slice(0, 31 - String(n).length - 2)}(${n})`;
  taken.add(candidate);
  return candidate;
}

/** Rows 1–4: exceljs merges cells only before their rows are committed. */
function writeHeader(sheet: SheetWriter, committee: string, today: IsoDate): void {
  const title = sheet.addRow([OFFICIAL_TITLE]);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center' };
  const meta: string[] = COLUMNS.map(() => '');
  meta[0] = `基层党委：${committee}`;
  meta[12] = `汇总日期：${formatChineseDate(today)}`;
  const metaRow = sheet.addRow(meta);
  const top = COLUMNS.map((c, i) =>
    c === null ? '序号' : PHONE_COLUMNS.includes(letter(i)) ? '' : officialLabel(c),
  );
  top[12] = '联系电话';
  // Dense arrays: exceljs reads an array without an element 0 as 1-based.
  const bottom: string[] = COLUMNS.map(() => '');
  bottom[12] = officialLabel(columnOf('phoneMobile'));
  bottom[13] = officialLabel(columnOf('phoneLandline'));
  const headers = [top, bottom].map((values) => {
    const row = sheet.addRow(values);
    row.font = { bold: true };
    row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    return row;
  });
  sheet.mergeCells(`A1:${LAST}1`);
  sheet.mergeCells('A2:L2');
  sheet.mergeCells(`M2:${LAST}2`);
  sheet.mergeCells('M3:N3');
  COLUMNS.forEach((_, i) => {
    if (!PHONE_COLUMNS.includes(letter(i))) sheet.mergeCells(`${letter(i)}3:${letter(i)}4`);
  });
  for (const row of [title, metaRow, ...headers]) row.commit();
}

const letter = (index: number) => String.fromCharCode(65 + index);

function openSheet(workbook: WorkbookWriter, name: string, committee: string, today: IsoDate) {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = COLUMNS.map((c) => ({ width: c === null ? 6 : c.width }));
  writeHeader(sheet, committee, today);
  return sheet;
}

function closeSheet(sheet: SheetWriter, rows: number): void {
  const footnoteRow = 5 + rows;
  const footnote = sheet.addRow([OFFICIAL_FOOTNOTE]);
  sheet.mergeCells(`A${footnoteRow}:${LAST}${footnoteRow}`);
  footnote.commit();
  sheet.commit();
}

function writeCodeSheet(workbook: WorkbookWriter, list: CodeList): void {
  const sheet = workbook.addWorksheet(list.label);
  sheet.columns = [{ width: 60 }];
  for (const e of list.entries) sheet.addRow([`${e.code} ${e.name}`]).commit();
  sheet.commit();
}

export type OfficialExportContext = {
  readonly today: IsoDate;
  /** The 基层党委 named in row 2 for a branch's sheet. */
  readonly committeeOf: (orgId: number) => Promise<string>;
};

/**
 * Streams the 汇总表: one sheet per 党支部 (members of its 党小组 with it, the form having no 党小组 column);
 * records must arrive grouped by branch.
 */
export async function writeOfficialExport(
  out: Writable,
  batches: AsyncIterable<MemberExportRecord[]>,
  ctx: OfficialExportContext,
): Promise<void> {
  const workbook = streamWorkbook(out);
  const names = new Set<string>();
  let open = null as { orgId: number; sheet: SheetWriter; rows: number } | null;
  for await (const batch of batches) {
    for (const record of batch) {
      if (open?.orgId !== record.branchId) {
        if (open) closeSheet(open.sheet, open.rows);
        const name = sheetNameFor(record.branchName, names);
        open = {
          orgId: record.branchId,
          sheet: openSheet(workbook, name, await ctx.committeeOf(record.branchId), ctx.today),
          rows: 0,
        };
      }
      const current = open;
      current.rows++;
      const values = COLUMNS.map((c) => (c === null ? current.rows : officialCell(c, record)));
      addRecordRow(current.sheet, COLUMNS, values, OFFICIAL_DATE_FORMAT);
    }
    await drained(out);
  }
  if (open) closeSheet(open.sheet, open.rows);
  else closeSheet(openSheet(workbook, OFFICIAL_TITLE, '', ctx.today), 0);
  for (const list of [ETHNICITY_LIST, EDUCATION_LIST, WORK_POST_LIST]) writeCodeSheet(workbook, list);
  await workbook.commit();
}
