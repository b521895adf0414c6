import type { Writable } from 'node:stream';
import type { LedgerEntry, LedgerView } from '../../../contracts/ledger.ts';
import {
  LEDGER_DECREASE_LABELS as D,
  LEDGER_INCREASE_LABELS as I,
  LEAVING_CATEGORIES,
  LEFT_REASON_LABELS,
} from '../../../domain/membership/index.ts';
import { addHeadedSheet, drained, streamWorkbook } from '../../excel/sheet-writer.ts';

/**
 * The 汇总 sheet: the lines of 党统 T1 in its order (docs/official-forms.md §8.1), 出党 broken down by the T10
 * categories, then the check line: 期末应有数 = 期初 + 增 − 减, 期末实有数 and their difference.
 */
export function summaryLines(l: LedgerView): [string, number][] {
  const byCategory = [
    ...LEAVING_CATEGORIES,
    ...(l.decreases.leftBy.removed > 0 ? (['removed'] as const) : []),
  ];
  return [
    ['期初人数', l.opening],
    [`增加：${I.registered}`, l.increases.registered],
    ['　其中 重新入党', l.increases.readmitted],
    [`增加：${I.restored}`, l.increases.restored],
    [`增加：${I.transferredIn}`, l.increases.transferredIn],
    ['增加：其他', l.increases.other],
    ['　其中 建库', l.increases.initialLoad],
    ['增加合计', l.increases.total],
    [`减少：${D.left}`, l.decreases.left],
    ...byCategory.map((r): [string, number] => [`　其中 ${LEFT_REASON_LABELS[r]}`, l.decreases.leftBy[r]]),
    ['　　其中 无法取得联系', l.decreases.leftUnreachable],
    [`减少：${D.suspended}`, l.decreases.suspended],
    [`减少：${D.died}`, l.decreases.died],
    [`减少：${D.transferredOut}`, l.decreases.transferredOut],
    ['减少：其他', l.decreases.other],
    ['减少合计', l.decreases.total],
    ['期末应有数（期初＋增加－减少）', l.closing],
    ['期末实有数', l.actualClosing],
    ['实有数与应有数之差', l.difference],
  ];
}

export const ENTRY_HEADERS = [
  '序号',
  '发生日期',
  '计入日期',
  '姓名',
  '增减',
  '类别',
  '原所在组织',
  '转入组织 / 去向',
  '介绍信编号',
  '原因',
  '备注',
] as const;

/** 更正: a change booked after its period was closed (docs/membership.md §8). */
export const correctionNote = (e: LedgerEntry) =>
  e.correctionOf ? `更正（原应计入 ${e.correctionOf}）` : '';

const dateCell = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * The workbook of one 台账: 汇总 (counts) and 明细 (one row per entry: the day it happened and the day it is counted
 * on, as date cells; a correction marked 更正).
 */
export async function writeLedgerWorkbook(
  out: Writable,
  ledger: LedgerView,
  entries: readonly LedgerEntry[],
): Promise<void> {
  const workbook = streamWorkbook(out);
  const summary = workbook.addWorksheet('汇总');
  summary.columns = [{ width: 34 }, { width: 12 }];
  summary.addRow([`${ledger.orgName} 党员增减台账`]).font = { bold: true, size: 14 };
  summary.addRow([`期间：${ledger.from} 至 ${ledger.to}`]);
  summary.addRow(['项目', '人数']).font = { bold: true };
  for (const line of summaryLines(ledger)) summary.addRow(line);
  await summary.commit();

  const widths = [6, 12, 12, 10, 6, 22, 24, 24, 20, 24, 26];
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
      dateCell(e.effectiveOn),
      dateCell(e.countedOn),
      e.name,
      e.side === 'increase' ? '增' : '减',
      e.label,
      e.fromOrgName ?? '',
      e.toOrgName ?? '',
      e.letterNo ?? '',
      e.reason ?? '',
      correctionNote(e),
    ]);
    row.getCell(2).numFmt = 'yyyy-mm-dd';
    row.getCell(3).numFmt = 'yyyy-mm-dd';
    row.commit();
    if (n % 1000 === 0) await drained(out);
  }
  await sheet.commit();
  await workbook.commit();
}
