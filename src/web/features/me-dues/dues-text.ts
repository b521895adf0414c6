import { formatYuan } from '../../../domain/dues/index.ts';

/** 分 as `40.00元`. */
export const yuan = (fen: number) => `${formatYuan(fen)}元`;

type Month = { charged: number | null; paid: number; balance: number };

/** A month's standing in a word, and its tag colour (docs/dues.md §5, §9). */
export function monthStanding(m: Month, isCurrentOrLater: boolean): { text: string; color: string } {
  if (m.charged === null) return { text: m.paid > 0 ? '已预交' : '无应缴', color: 'default' };
  if (m.charged === 0) return { text: '免交', color: 'default' };
  if (m.balance <= 0) return { text: m.balance < 0 ? '已交清（有多交）' : '已交清', color: 'success' };
  if (isCurrentOrLater) return { text: m.paid > 0 ? '部分交纳' : '待交纳', color: 'processing' };
  return { text: m.paid > 0 ? '部分欠缴' : '欠缴', color: 'error' };
}
