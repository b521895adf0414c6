import ExcelJS from 'exceljs';
import type { CodeList } from '../../../domain/codes/index.ts';
import { EDUCATION_LIST, ETHNICITY_LIST, WORK_POST_LIST } from '../../../domain/codes/index.ts';

/**
 * A synthetic 2017 《党员基本信息汇总表》 as branches keep it (docs/official-forms.md §4.1, §6): a title merged
 * across the table, the 基层党委 / 汇总日期 row with the template's own spaced text date, a two-row header
 * (联系电话 over 手机号 / 固定电话, the rest merged over both rows), data from row 5, pre-numbered empty rows,
 * the 注 footnote, an optional trailing 备注, and the three code sheets. Test data only: invented people.
 */
export const OFFICIAL_HEADERS = [
  '序号',
  '姓名',
  '所在党支部',
  '公民身份证号',
  '性别',
  '民族',
  '出生日期',
  '学历',
  '人员类别',
  '加入党组织日期',
  '转为正式党员日期',
  '工作岗位',
  '联系电话',
  '',
  '家庭住址',
  '党籍状态',
  '是否为失联党员',
  '失去联系日期',
  '是否为流动党员',
  '外出流向',
] as const;

/** Columns B–T of one member (序号 is filled in), in the form's order; `remark` goes to U when present. */
export type OfficialRow = {
  name: ExcelJS.CellValue;
  branch: ExcelJS.CellValue;
  id: ExcelJS.CellValue;
  gender: ExcelJS.CellValue;
  ethnicity: ExcelJS.CellValue;
  birth: ExcelJS.CellValue;
  education: ExcelJS.CellValue;
  kind: ExcelJS.CellValue;
  admitted: ExcelJS.CellValue;
  confirmed: ExcelJS.CellValue;
  post: ExcelJS.CellValue;
  mobile: ExcelJS.CellValue;
  landline: ExcelJS.CellValue;
  address: ExcelJS.CellValue;
  standing: ExcelJS.CellValue;
  unreachable: ExcelJS.CellValue;
  lost: ExcelJS.CellValue;
  mobileMember: ExcelJS.CellValue;
  outflow: ExcelJS.CellValue;
  remark?: ExcelJS.CellValue;
};

export type OfficialSheet = {
  name: string;
  committee: string;
  rows: OfficialRow[];
  /** Header labels replaced, e.g. the national system's 入党日期 for 加入党组织日期. */
  labels?: Partial<Record<number, string>>;
  remarkColumn?: boolean;
  /** Pre-numbered empty rows before the footnote. */
  blankRows?: number;
};

const DATE_FORMAT = 'yyyy"年"m"月"d"日"';
const DATE_COLUMNS = [7, 10, 11, 18];

function rowValues(r: OfficialRow): ExcelJS.CellValue[] {
  return [
    r.name,
    r.branch,
    r.id,
    r.gender,
    r.ethnicity,
    r.birth,
    r.education,
    r.kind,
    r.admitted,
    r.confirmed,
    r.post,
    r.mobile,
    r.landline,
    r.address,
    r.standing,
    r.unreachable,
    r.lost,
    r.mobileMember,
    r.outflow,
  ];
}

function writeHeader(ws: ExcelJS.Worksheet, sheet: OfficialSheet, last: string): void {
  ws.getCell('A1').value = '党员基本信息汇总表';
  ws.mergeCells(`A1:${last}1`);
  ws.getCell('A2').value = `基层党委：${sheet.committee}`;
  ws.getCell('P2').value = '汇总日期：2017年   7 月    31 日';
  const headers: string[] = [...OFFICIAL_HEADERS];
  for (const [i, label] of Object.entries(sheet.labels ?? {})) headers[Number(i)] = label as string;
  if (sheet.remarkColumn) headers.push('备注');
  ws.getRow(3).values = headers;
  ws.getCell('M4').value = '手机号';
  ws.getCell('N4').value = '固定电话';
  ws.mergeCells('M3:N3');
  headers.forEach((_, i) => {
    const col = ws.getColumn(i + 1).letter;
    if (col !== 'M' && col !== 'N') ws.mergeCells(`${col}3:${col}4`);
  });
}

function writeSheet(workbook: ExcelJS.Workbook, sheet: OfficialSheet): void {
  const ws = workbook.addWorksheet(sheet.name);
  const last = sheet.remarkColumn ? 'U' : 'T';
  writeHeader(ws, sheet, last);
  ws.getColumn(4).numFmt = '@';
  sheet.rows.forEach((r, i) => {
    const row = ws.getRow(5 + i);
    row.values = [i + 1, ...rowValues(r), ...(sheet.remarkColumn ? [r.remark ?? null] : [])];
    for (const c of DATE_COLUMNS)
      if (row.getCell(c).value instanceof Date) row.getCell(c).numFmt = DATE_FORMAT;
  });
  let next = 5 + sheet.rows.length;
  for (let i = 0; i < (sheet.blankRows ?? 0); i++) ws.getRow(next++).values = [sheet.rows.length + i + 1];
  ws.getCell(`A${next}`).value = '注：此表可从系统导出或从共产党员网…下载，不可自行制作。';
  ws.mergeCells(`A${next}:${last}${next}`);
}

function writeCodeSheet(workbook: ExcelJS.Workbook, list: CodeList): void {
  const ws = workbook.addWorksheet(list.label);
  ws.addRow([`${list.label}代码`]);
  for (const e of list.entries) ws.addRow([`${e.code} ${e.name}`]);
}

export async function officialWorkbook(sheets: readonly OfficialSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) writeSheet(workbook, sheet);
  for (const list of [ETHNICITY_LIST, EDUCATION_LIST, WORK_POST_LIST]) writeCodeSheet(workbook, list);
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
