import ExcelJS from 'exceljs';
import {
  BASE_KINDS,
  BASE_KINDS_BY_CATEGORY,
  type BaseItem,
  type BaseKind,
  COUNTED_PAY_ITEMS,
  formatYuan,
  PENSION_COUNTED_ITEMS,
  parseYuan,
} from '../../../domain/dues/index.ts';
import { MEMBER_CATEGORY_LABELS, type MemberCategory } from '../../../domain/membership/index.ts';
import { type CellInput, cellText } from '../../excel/cells.ts';

/**
 * The branch's sheet of bases in Excel (docs/dues.md §2): one row per member, the pay items in 元 in their own
 * columns (the counted ones, then 其他计入项目, the items listed apart as one sum, and 个人所得税). The template is the
 * sheet prefilled with the roster; the export is the same with the bases in force; the importer reads it back.
 */
export const BASE_SHEET = '党费计算基数';

/** Short names of the kinds as the sheet writes and reads them (the full labels are read too). */
export const BASE_KIND_SHORT: Record<BaseKind, string> = {
  salary: '工资收入',
  annual_salary: '年薪制',
  quarter_average: '上季度月平均纯收入',
  pension: '基本离退休费',
};

const PENSION_COLUMN = '基本离退休费（基本养老金）';
const QUARTER_COLUMN = '上季度纯收入合计';
const OTHER_COUNTED = '其他计入项目';
const APART_COLUMN = '不计入项目合计';
const APART_LABEL = '不计入项目';

/** The item columns: header → the item's label and whether it counts. */
const ITEM_COLUMNS: readonly { header: string; label: string; counted: boolean }[] = [
  ...COUNTED_PAY_ITEMS.map((label) => ({ header: label, label, counted: true })),
  { header: PENSION_COLUMN, label: '基本离退休费', counted: true },
  { header: QUARTER_COLUMN, label: QUARTER_COLUMN, counted: true },
  { header: OTHER_COUNTED, label: OTHER_COUNTED, counted: true },
  { header: APART_COLUMN, label: APART_LABEL, counted: false },
];

const H = {
  memberId: '党员编号',
  name: '姓名',
  org: '所在党组织',
  category: '人员类别',
  fromMonth: '起始月份',
  kind: '基数种类',
  tax: '个人所得税',
  note: '备注',
  base: '计算基数（元，导入时不读）',
  dues: '月缴党费（元，导入时不读）',
} as const;

const HEADERS: readonly string[] = [
  H.memberId,
  H.name,
  H.org,
  H.category,
  H.fromMonth,
  H.kind,
  ...ITEM_COLUMNS.map((c) => c.header),
  H.tax,
  H.note,
  H.base,
  H.dues,
];

export type SheetLine = {
  readonly memberId: number;
  readonly name: string;
  readonly orgName: string;
  readonly category: MemberCategory;
  readonly fromMonth: string;
  readonly base: {
    readonly kind: BaseKind;
    readonly items: readonly BaseItem[];
    readonly incomeTax: number;
    readonly amount: number;
    readonly note: string | null;
  } | null;
  readonly dues: number | null;
};

const yuan = (fen: number) => Number(formatYuan(fen).replaceAll(',', ''));

/** A base's items spread over the columns (amounts in 元). */
function itemCells(items: readonly BaseItem[]): Record<string, number> {
  const out: Record<string, number> = {};
  const add = (header: string, fen: number) => {
    out[header] = (out[header] ?? 0) + fen;
  };
  for (const i of items) {
    if (!i.counted) add(APART_COLUMN, i.amount);
    else if ((COUNTED_PAY_ITEMS as readonly string[]).includes(i.label)) add(i.label, i.amount);
    else if ((PENSION_COUNTED_ITEMS as readonly string[]).includes(i.label)) add(PENSION_COLUMN, i.amount);
    else if (i.label === QUARTER_COLUMN) add(QUARTER_COLUMN, i.amount);
    else add(OTHER_COUNTED, i.amount);
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, yuan(v)]));
}

/** The workbook: a 说明 sheet and the sheet of the lines (the template: no bases; the export: those in force). */
export async function writeBaseWorkbook(title: string, lines: readonly SheetLine[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(BASE_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  sheet.columns = HEADERS.map((header) => ({ header, width: Math.max(10, header.length * 2 + 2) }));
  sheet.getRow(1).font = { bold: true };
  for (const line of lines) {
    const items = line.base ? itemCells(line.base.items) : {};
    const values: Record<string, ExcelJS.CellValue> = {
      [H.memberId]: line.memberId,
      [H.name]: line.name,
      [H.org]: line.orgName,
      [H.category]: MEMBER_CATEGORY_LABELS[line.category],
      [H.fromMonth]: line.fromMonth,
      [H.kind]: line.base
        ? BASE_KIND_SHORT[line.base.kind]
        : BASE_KIND_SHORT[BASE_KINDS_BY_CATEGORY[line.category][0] ?? 'salary'],
      ...items,
      [H.tax]: line.base ? yuan(line.base.incomeTax) : null,
      [H.note]: line.base?.note ?? null,
      [H.base]: line.base ? yuan(line.base.amount) : null,
      [H.dues]: line.dues === null ? null : yuan(line.dues),
    };
    sheet.addRow(HEADERS.map((h) => values[h] ?? null));
  }
  sheet.getColumn(5).numFmt = '@';
  const notes = book.addWorksheet('说明');
  notes.columns = [{ header: title, width: 100 }];
  for (const text of [
    '金额单位为元，最多两位小数；空白的党员不导入（按固定金额交纳党费的党员无需填写）。',
    '起始月份：新收入开始领取的月份，格式 2026-07；同一党员同一月份已有基数的，导入后替换。',
    `基数种类：${BASE_KINDS.map((k) => BASE_KIND_SHORT[k]).join('、')}；空白时按人员类别取第一种。`,
    '计入基数：职务工资、级别工资、岗位工资、薪级工资、绩效工资、津贴补贴、基本工资、奖金等，按税后计算（只扣除个人所得税）。',
    '不计入基数：住房公积金、提租补贴、通讯补贴、交通补贴、特殊岗位津贴、艰苦边远地区津贴、社保补贴、加班费、误餐费、一次性奖励等，填在“不计入项目合计”。',
    '离退休党员只填基本离退休费（基本养老金）；个体经营等填上季度纯收入合计，按三个月平均。',
    '“计算基数”“月缴党费”两列仅供核对，导入时不读。',
  ]) {
    notes.addRow([text]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** One row of an uploaded sheet as read: the member, the entry, or why it cannot be read. */
export type ReadLine =
  | { readonly row: number; readonly kind: 'blank' }
  | {
      readonly row: number;
      readonly kind: 'entry';
      readonly memberId: number | null;
      readonly name: string;
      readonly fromMonth: string | null;
      readonly baseKind: BaseKind | null;
      readonly items: BaseItem[];
      readonly incomeTax: number;
      readonly note: string | null;
      /** What could not be read (a column and why), in Chinese. */
      readonly problems: string[];
    };

/** The columns of the header row (by their text), or null when this row is not our header. */
export function headerColumns(cells: readonly CellInput[]): Map<string, number> | null {
  const byHeader = new Map<string, number>();
  cells.forEach((cell, i) => {
    const text = cellText(cell);
    if (text) byHeader.set(text, i);
  });
  return byHeader.has(H.memberId) && byHeader.has(H.name) ? byHeader : null;
}

const KIND_BY_TEXT = new Map<string, BaseKind>(
  BASE_KINDS.flatMap((k) => [[BASE_KIND_SHORT[k], k] as const, [k, k] as const]),
);

/** A data row read by the header's columns: amounts in 元 to 分, the kind by its name, the month as typed. */
export function readLine(row: number, cells: readonly CellInput[], columns: Map<string, number>): ReadLine {
  const at = (header: string) => {
    const i = columns.get(header);
    return i === undefined ? null : cellText(cells[i] ?? { value: null, text: '' });
  };
  const problems: string[] = [];
  const money = (header: string): number | null => {
    const text = at(header);
    if (text === null) return null;
    const fen = parseYuan(text);
    if (fen === null) problems.push(`“${header}”应为金额（元，最多两位小数）：${text}`);
    return fen;
  };
  const items: BaseItem[] = [];
  for (const c of ITEM_COLUMNS) {
    const fen = money(c.header);
    if (fen !== null) items.push({ label: c.label, amount: fen, counted: c.counted });
  }
  const tax = money(H.tax);
  if (items.length === 0 && tax === null && problems.length === 0) return { row, kind: 'blank' };
  const idText = at(H.memberId);
  const memberId = idText && /^\d{1,9}$/.test(idText) ? Number(idText) : null;
  if (memberId === null) problems.push('“党员编号”缺失或不正确：请使用下载的模板，不要修改前两列');
  const kindText = at(H.kind);
  const baseKind = kindText === null ? null : (KIND_BY_TEXT.get(kindText) ?? null);
  if (kindText !== null && baseKind === null) problems.push(`“基数种类”不正确：${kindText}`);
  return {
    row,
    kind: 'entry',
    memberId,
    name: at(H.name) ?? '',
    fromMonth: at(H.fromMonth),
    baseKind,
    items,
    incomeTax: tax ?? 0,
    note: at(H.note),
    problems,
  };
}
