import type { Writable } from 'node:stream';
import type { z } from 'zod';
import type { DuesSheetView } from '../../../contracts/dues-summary.ts';
import { PAYMENT_METHOD_LABELS } from '../../../domain/dues/index.ts';
import { MEMBER_CATEGORY_LABELS } from '../../../domain/membership/index.ts';
import { addHeadedSheet, streamWorkbook } from '../../excel/sheet-writer.ts';

export const SHEET_HEADERS = [
  '序号',
  '姓名',
  '人员类别',
  '应缴（元）',
  '实缴（元）',
  '欠缴（元）',
  '交纳方式',
  '交纳日期',
  '备注',
] as const;
const WIDTHS = [6, 12, 14, 12, 12, 12, 12, 12, 36];

/** 分 as a number of 元 for a cell (shown with two decimals): 1505 → 15.05, exact in a double. */
const yuan = (fen: number) => fen / 100;

/**
 * The branch's monthly collection sheet as a workbook (docs/dues.md §10): one row per member charged, then 合计,
 * set up to print on A4 landscape with the branch and month in the header.
 */
export async function writeDuesSheet(out: Writable, sheet: z.infer<typeof DuesSheetView>): Promise<void> {
  const workbook = streamWorkbook(out);
  const ws = addHeadedSheet(
    workbook,
    '党费收缴表',
    SHEET_HEADERS.map((header, i) => ({ header, width: WIDTHS[i] as number })),
  );
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
  };
  ws.headerFooter = {
    oddHeader: `&C${sheet.org.name} ${sheet.monthLabel} 党费收缴表`,
    oddFooter: '&C第 &P 页',
  };
  const money = (row: ReturnType<typeof ws.addRow>) => {
    for (const c of [4, 5, 6]) row.getCell(c).numFmt = '#,##0.00';
  };
  let n = 0;
  for (const r of sheet.rows) {
    n += 1;
    const row = ws.addRow([
      n,
      r.name,
      MEMBER_CATEGORY_LABELS[r.category],
      yuan(r.charged),
      yuan(r.paid),
      yuan(r.owed),
      r.method ? PAYMENT_METHOD_LABELS[r.method] : '',
      r.paidOn ?? '',
      r.notes,
    ]);
    money(row);
    row.commit();
  }
  const t = sheet.totals;
  const total = ws.addRow([
    '合计',
    `${t.members}人`,
    '',
    yuan(t.charged),
    yuan(t.paid),
    yuan(t.owed),
    '',
    '',
    `足额${t.paidInFull}人，欠缴${t.inArrears}人，按时${t.onTime}人`,
  ]);
  total.font = { bold: true };
  money(total);
  total.commit();
  await ws.commit();
  await workbook.commit();
}
