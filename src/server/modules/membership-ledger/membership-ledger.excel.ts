import type { Writable } from 'node:stream';
import type { LedgerEntry, LedgerView } from '../../../contracts/ledger.ts';
import { LEFT_REASON_LABELS, LEFT_REASONS } from '../../../domain/membership/index.ts';
import { addHeadedSheet, drained, streamWorkbook } from '../../excel/sheet-writer.ts';

/** The 汇总 sheet: one line per column of the ledger, in the order of a paper 增减台账. */
export function summaryLines(l: LedgerView): [string, number][] {
  return [
    ['期初人数', l.opening],
    ['增加：新增党员', l.increases.registered],
    ['增加：转入', l.increases.transferredIn],
    ['增加：恢复党籍', l.increases.restored],
    ['增加：其他', l.increases.other],
    ['增加合计', l.increases.total],
    ...LEFT_REASONS.map((r): [string, number] => [
      `减少：出党（${LEFT_REASON_LABELS[r]}）`,
      l.decreases.left[r],
    ]),
    ['减少：停止党籍', l.decreases.suspended],
    ['减少：转出', l.decreases.transferredOut],
    ['减少：其他', l.decreases.other],
    ['减少合计', l.decreases.total],
    ['期末人数', l.closing],
  ];
}

export const ENTRY_HEADERS = [
  '序号',
  '日期',
  '姓名',
  '增减',
  '类别',
  '原所在组织',
  '转入组织 / 去向',
  '介绍信编号',
  '原因',
] as const;

/** The workbook of one 台账: 汇总 (counts) and 明细 (one row per entry, dates as date cells). */
export async function writeLedgerWorkbook(
  out: Writable,
  ledger: LedgerView,
  entries: readonly LedgerEntry[],
): Promise<void> {
  const workbook = streamWorkbook(out);
  const summary = workbook.addWorksheet('汇总');
  summary.columns = [{ width: 28 }, { width: 12 }];
  summary.addRow([`${ledger.orgName} 党员增减台账`]).font = { bold: true, size: 14 };
  summary.addRow([`期间：${ledger.from} 至 ${ledger.to}`]);
  summary.addRow(['项目', '人数']).font = { bold: true };
  for (const line of summaryLines(ledger)) summary.addRow(line);
  await summary.commit();

  const widths = [6, 12, 10, 6, 22, 24, 24, 20, 24];
  const sheet = addHeadedSheet(
    workbook,
    '明细',
    ENTRY_HEADERS.map((header, i) => ({ header, width: widths[i] as number })),
  );
  let n = 0;
  for (const e of entries) {
    n += 1;
    const row = sheet.addRow([
      n,
      new Date(`${e.effectiveOn}T00:00:00Z`),
      e.name,
      e.side === 'increase' ? '增' : '减',
      e.label,
      e.fromOrgName ?? '',
      e.toOrgName ?? '',
      e.letterNo ?? '',
      e.reason ?? '',
    ]);
    row.getCell(2).numFmt = 'yyyy-mm-dd';
    row.commit();
    if (n % 1000 === 0) await drained(out);
  }
  await sheet.commit();
  await workbook.commit();
}
