import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { generateIdNumber } from '../../../domain/people/index.ts';
import { addDays } from '../../../domain/shared/index.ts';
import type { App } from '../../http/app-types.ts';
import { type ColumnKey, MEMBER_COLUMNS } from './members.excel.ts';

/**
 * Synthetic rosters for tests and the benchmark: invented names, generated valid ID numbers, real .xlsx
 * files written with exceljs. Never real people (docs/official-forms.md: test files are always synthetic).
 */
export type RowInput = Partial<Record<ColumnKey, ExcelJS.CellValue>>;

const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '强',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '桂英',
  '建华',
  '志强',
];

export const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The i-th synthetic person: a distinct valid ID number for every i below five million. */
export function syntheticIdentity(i: number, area = '110105') {
  const male = i % 2 === 0;
  const birthDate = addDays('1960-01-01', i % 10_000);
  const sequence = (Math.floor(i / 10_000) % 500) * 2 + (male ? 1 : 0);
  const idNumber = generateIdNumber({ provinceAndCounty: area, birthDate, sequence });
  const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}`;
  return { name, male, birthDate, idNumber };
}

/** A valid template row for the i-th synthetic member of `orgName`. */
export function memberRow(i: number, orgName: string, overrides: RowInput = {}, area?: string): RowInput {
  const p = syntheticIdentity(i, area);
  return {
    name: p.name,
    org: orgName,
    idNumber: p.idNumber,
    gender: p.male ? '男' : '女',
    ethnicity: '01 汉族',
    birthDate: utc(p.birthDate),
    education: '21 大学',
    kind: '正式党员',
    admittedOn: utc('2010-07-01'),
    confirmedOn: utc('2011-07-01'),
    workPost: '0212 事业单位专业技术岗位',
    phoneMobile: `138${String(i).padStart(8, '0')}`,
    address: `和平路${(i % 200) + 1}号`,
    category: '在职',
    isMobile: '否',
    isHardship: '否',
    standing: '正常',
    isUnreachable: '否',
    ...overrides,
  };
}

const cellsOf = (row: RowInput) => MEMBER_COLUMNS.map((c) => (row[c.key] === undefined ? null : row[c.key]));

function formatRow(row: ExcelJS.Row): void {
  MEMBER_COLUMNS.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    if (c.kind === 'date' && cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    if (c.kind === 'id' && typeof cell.value === 'string') cell.numFmt = '@';
  });
}

/** A template workbook (header + rows) as bytes; `sheet` names the data sheet. */
export async function templateWorkbook(rows: readonly RowInput[], sheet = '党员信息'): Promise<Buffer> {
  return templateSheets([{ name: sheet, rows }]);
}

/** A workbook of several template sheets. */
export async function templateSheets(sheets: readonly { name: string; rows: readonly RowInput[] }[]) {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    ws.addRow(MEMBER_COLUMNS.map((c) => c.header));
    for (const row of sheet.rows) formatRow(ws.addRow(cellsOf(row)));
  }
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A big template workbook written with the STREAMING writer to `path` (10,000 or 100,000 rows). */
export async function writeLargeWorkbook(path: string, count: number, rowOf: (i: number) => RowInput) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: createWriteStream(path),
    useStyles: true,
    useSharedStrings: true,
  });
  const ws = workbook.addWorksheet('党员信息');
  ws.addRow(MEMBER_COLUMNS.map((c) => c.header)).commit();
  for (let i = 0; i < count; i++) {
    const row = ws.addRow(cellsOf(rowOf(i)));
    formatRow(row);
    row.commit();
  }
  ws.commit();
  await workbook.commit();
}

/** A multipart/form-data body with text fields and an .xlsx file part. */
export function multipartBody(
  fields: Record<string, string>,
  file: { name: string; content: Buffer } | null,
) {
  const boundary = `----jiceng${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  if (file) {
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`;
    parts.push(Buffer.from(head, 'utf8'), file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** POST /api/members/import as a logged-in client (its headers) would send it. */
export async function postImport(
  app: App,
  headers: Record<string, string>,
  content: Buffer,
  fields: Record<string, string> = {},
  name = '党员名册.xlsx',
) {
  const body = multipartBody(fields, { name, content });
  return app.inject({
    method: 'POST',
    url: '/api/members/import',
    headers: { 'user-agent': 'vitest', ...headers, 'content-type': body.contentType },
    payload: body.payload,
  });
}
