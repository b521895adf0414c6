import ExcelJS from 'exceljs';
import type { CodeList } from '../../../domain/codes/index.ts';
import { generateIdNumber } from '../../../domain/people/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import type { MemberExportRecord } from './member-record.ts';
import { type MemberColumn, TEMPLATE_COLUMNS } from './members.excel.ts';

/**
 * The Jiceng import template: a 说明 sheet (every column, whether it is required, what it takes), the data
 * sheet with its header, a 示例 row that the importer skips, a text-format ID column and drop-down lists
 * (the closed lists inline, 民族 / 学历 / 工作岗位 from hidden code sheets written `代码 名称`).
 */
export const TEMPLATE_SHEET = '党员信息';
/** Rows that get the drop-downs and column formats. */
const TEMPLATE_ROWS = 5000;
const DATE_FORMAT = 'yyyy-mm-dd';

/** A synthetic member for the 示例 row: an invented name and a generated, valid ID number. */
function exampleRecord(): MemberExportRecord {
  const birthDate: IsoDate = '1985-03-12';
  return {
    name: '示例：王晓明',
    orgId: 0,
    orgName: '和平社区第一党支部',
    branchId: 0,
    branchName: '和平社区第一党支部',
    idNumber: generateIdNumber({ provinceAndCounty: '110105', birthDate, sequence: 123 }),
    gender: 'male',
    ethnicity: '01',
    birthDate,
    education: '21',
    status: 'full',
    leftReason: null,
    admittedOn: '2010-07-01',
    confirmedOn: '2011-07-01',
    probationEndsOn: '2011-07-01',
    workPost: '0212',
    phoneMobile: '13800001234',
    phoneLandline: '010-12345678',
    address: '某市某区和平路1号',
    category: 'employed',
    isMobile: false,
    outflowDestination: null,
    isHardship: false,
    lostContactOn: null,
  };
}

function writeInstructions(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('说明');
  sheet.columns = [{ width: 30 }, { width: 26 }, { width: 90 }];
  sheet.addRow(['党员信息导入模板 填写说明']).font = { bold: true, size: 14 };
  for (const line of [
    '1. 在“党员信息”工作表中每行填写一名党员；第2行为示例，导入时自动跳过，可保留或删除。',
    '2. 日期可填日期单元格，或文本“年-月-日”（如2017-07-01），也可写2017/7/1、2017年7月1日、2017.7.1。',
    '3. 民族、学历、工作岗位可从下拉列表选择“代码 名称”（如“01 汉族”），也可只写名称（“汉族”）或只写代码（“01”）。',
    '4. 公民身份号码列已设为文本格式，请勿改为数值：数值格式会被Excel截断，末几位数字丢失。',
    '5. 不适用的单元格留空即可，“无”、“—”、“-”、“/”也按空白处理。',
    '6. 也可直接导入《党员基本信息汇总表》（2017）原表，每个党支部一个工作表均可。',
  ]) {
    sheet.addRow([line]);
  }
  sheet.addRow([]);
  sheet.addRow(['列名', '是否必填', '填写说明']).font = { bold: true };
  for (const c of TEMPLATE_COLUMNS) sheet.addRow([c.header, c.required, c.help]);
}

function writeCodeSheet(workbook: ExcelJS.Workbook, list: CodeList): string {
  const sheet = workbook.addWorksheet(list.label, { state: 'hidden' });
  sheet.getColumn(1).width = 50;
  for (const e of list.entries) sheet.addRow([`${e.code} ${e.name}`]);
  return `'${list.label}'!$A$1:$A$${list.entries.length}`;
}

function validationOf(workbook: ExcelJS.Workbook, column: MemberColumn): ExcelJS.DataValidation | null {
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop' } as const;
  if ('list' in column && column.list) {
    const formula =
      'codes' in column.list
        ? writeCodeSheet(workbook, column.list.codes)
        : `"${column.list.values.join(',')}"`;
    return { ...common, type: 'list', formulae: [formula], error: `请从下拉列表中选择${column.header}` };
  }
  if (column.kind === 'date') {
    const prompt = '请按“年-月-日”格式输入，例如2017-07-01';
    return {
      ...common,
      errorStyle: 'warning',
      type: 'date',
      operator: 'between',
      // Serial days: 1 = 1900-01-01, 73050 = 2099-12-31 (exceljs converts dates before March 1900 one day off).
      formulae: [1, 73_050],
      error: prompt,
      prompt,
      showInputMessage: true,
    };
  }
  if (column.kind === 'id') {
    return {
      ...common,
      type: 'textLength',
      operator: 'between',
      formulae: [15, 18],
      error: '请输入18位公民身份号码',
    };
  }
  return null;
}

/** exceljs has worksheet data validations but leaves them out of its typings. */
const validations = (sheet: ExcelJS.Worksheet) =>
  (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;

function writeDataSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = TEMPLATE_COLUMNS.map((c) => ({
    header: c.header,
    width: c.width,
    style:
      c.kind === 'date'
        ? { numFmt: DATE_FORMAT }
        : c.kind === 'id' || c.kind === 'phone'
          ? { numFmt: '@' }
          : {},
  }));
  sheet.getRow(1).font = { bold: true };
  const example = exampleRecord();
  sheet.addRow(TEMPLATE_COLUMNS.map((c) => c.format(example))).font = {
    italic: true,
    color: { argb: 'FF888888' },
  };
  TEMPLATE_COLUMNS.forEach((column, i) => {
    const validation = validationOf(workbook, column);
    const letter = sheet.getColumn(i + 1).letter;
    if (validation) validations(sheet).add(`${letter}2:${letter}${TEMPLATE_ROWS}`, validation);
  });
}

/** The template as .xlsx bytes (small: written in one go, not streamed). */
export async function buildTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  writeInstructions(workbook);
  writeDataSheet(workbook);
  // The data sheet opens first.
  workbook.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' },
  ];
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes as ArrayBuffer);
}
