import dayjs, { type Dayjs } from 'dayjs';
import type { AssignmentView } from '../../../contracts/auth.ts';
import { permissionsOf } from '../../../domain/access/index.ts';
import {
  LEAVING_CATEGORIES,
  LEDGER_DECREASE_LABELS,
  LEDGER_INCREASE_LABELS,
  LEFT_REASON_LABELS,
} from '../../../domain/membership/index.ts';
import type { LedgerPeriod, LedgerView } from '../../api/ledger.ts';
import { DATE_FORMAT } from '../../ui/dates.ts';

export const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 200;

export type PeriodPreset = { label: string; period: LedgerPeriod };

const iso = (d: Dayjs) => d.format(DATE_FORMAT);
const period = (from: Dayjs, to: Dayjs): LedgerPeriod => ({ from: iso(from), to: iso(to) });

/**
 * The periods a 台账 is usually drawn for. A current period ends today: the closing count is of a day that
 * has happened, not of the end of a month still running.
 */
export function periodPresets(today: Dayjs): PeriodPreset[] {
  const day = today.startOf('day');
  const month = day.startOf('month');
  const quarter = month.subtract(month.month() % 3, 'month');
  const lastMonth = month.subtract(1, 'month');
  const lastYear = day.startOf('year').subtract(1, 'year');
  return [
    { label: '本月', period: period(month, day) },
    { label: '上月', period: period(lastMonth, month.subtract(1, 'day')) },
    { label: '本季度', period: period(quarter, day) },
    { label: '上季度', period: period(quarter.subtract(3, 'month'), quarter.subtract(1, 'day')) },
    { label: '本年', period: period(day.startOf('year'), day) },
    { label: '上年', period: period(lastYear, day.startOf('year').subtract(1, 'day')) },
  ];
}

/** 本年: 1 January to today. */
export function defaultPeriod(today: Dayjs): LedgerPeriod {
  return period(today.startOf('year'), today);
}

/** The preset a period is, if any (shown beside the dates). */
export function presetLabelOf(value: LedgerPeriod, today: Dayjs): string | undefined {
  return periodPresets(today).find((p) => p.period.from === value.from && p.period.to === value.to)?.label;
}

/** A real calendar day written `YYYY-MM-DD` (dayjs would roll 02-30 over into March). */
function isIsoDay(value: string | null): value is string {
  return !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value).format(DATE_FORMAT) === value;
}

function positiveInt(value: string | null): number | undefined {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** What the ledger page shows; it lives in the URL so that the page can be shared and reloaded. */
export type LedgerState = {
  /** Left out: the user's own org (see defaultLedgerOrg). */
  orgId?: number;
  period: LedgerPeriod;
  page: number;
  pageSize: number;
};

/** The page's state from the URL; a period the API would refuse (bad day, from after to) becomes 本年. */
export function ledgerStateFromSearch(params: URLSearchParams, today: Dayjs): LedgerState {
  const from = params.get('from');
  const to = params.get('to');
  const size = positiveInt(params.get('pageSize'));
  const state: LedgerState = {
    period: isIsoDay(from) && isIsoDay(to) && from <= to ? { from, to } : defaultPeriod(today),
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: size && size <= MAX_PAGE_SIZE ? size : DEFAULT_PAGE_SIZE,
  };
  const orgId = positiveInt(params.get('orgId'));
  if (orgId) state.orgId = orgId;
  return state;
}

/** The state as a URL: the org and the period always (a shared link means the same dates next year). */
export function searchFromLedgerState(state: LedgerState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.orgId !== undefined) params.set('orgId', String(state.orgId));
  params.set('from', state.period.from);
  params.set('to', state.period.to);
  if (state.page !== 1) params.set('page', String(state.page));
  if (state.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(state.pageSize));
  return params;
}

export type OrgRef = { id: number; name: string };

/** The org the page opens on: the first org where the user holds a role that reads members. */
export function defaultLedgerOrg(assignments: readonly AssignmentView[]): OrgRef | undefined {
  const a = assignments.find((x) => permissionsOf(x.role).includes('member.read'));
  return a ? { id: a.orgId, name: a.orgName } : undefined;
}

/** One figure of the summary: a column of the 台账. */
export type LedgerFigure = { key: string; title: string; value: number };

export type LedgerSummary = {
  opening: number;
  /** T1's increases: 发展党员, 恢复党籍, 转入, 其他增加 and 增加合计. */
  increases: LedgerFigure[];
  /** T1's decreases: 出党, 停止党籍, 死亡, 转出, 其他减少 and 减少合计. */
  decreases: LedgerFigure[];
  /** 出党 by its T10 category (the unclassified 除名 of older records only when there is one). */
  left: LedgerFigure[];
  /** 其中 自行脱党除名 无法取得联系. */
  leftUnreachable: number;
  /** 期末应有数 (期初 + 增加 − 减少). */
  closing: number;
  /** 期末实有数, counted from each member's standing at the end of the period. */
  actualClosing: number;
  /** 期初 + 增加 − 减少 = 期末应有数 = 期末实有数. */
  balanced: boolean;
  /** The check line, e.g. “期初 7 + 增加 3 − 减少 4 = 期末 6（实有 6）”. */
  check: string;
};

/** The counts of the ledger as the page's summary columns, in the lines of 党统 T1 (docs/membership.md §8). */
export function ledgerSummary(l: LedgerView): LedgerSummary {
  const inc = l.increases;
  const dec = l.decreases;
  const increases: LedgerFigure[] = [
    ...(['registered', 'restored', 'transferredIn', 'other'] as const).map((column) => ({
      key: `increase.${column}`,
      title: LEDGER_INCREASE_LABELS[column],
      value: inc[column],
    })),
    { key: 'increase.total', title: '增加合计', value: inc.total },
  ];
  const decreases: LedgerFigure[] = [
    ...(['left', 'suspended', 'died', 'transferredOut', 'other'] as const).map((column) => ({
      key: `decrease.${column}`,
      title: LEDGER_DECREASE_LABELS[column],
      value: dec[column],
    })),
    { key: 'decrease.total', title: '减少合计', value: dec.total },
  ];
  const categories = [...LEAVING_CATEGORIES, ...(dec.leftBy.removed > 0 ? (['removed'] as const) : [])];
  const left = categories.map((reason) => ({
    key: `left.${reason}`,
    title: LEFT_REASON_LABELS[reason],
    value: dec.leftBy[reason],
  }));
  const balanced = l.opening + inc.total - dec.total === l.closing && l.actualClosing === l.closing;
  const sides = `期初 ${l.opening} + 增加 ${inc.total} − 减少 ${dec.total}`;
  const sumHolds = l.opening + inc.total - dec.total === l.closing;
  return {
    opening: l.opening,
    increases,
    decreases,
    left,
    leftUnreachable: dec.leftUnreachable,
    closing: l.closing,
    actualClosing: l.actualClosing,
    balanced,
    check: `${sides} ${sumHolds ? '=' : '≠'} 期末 ${l.closing}（实有 ${l.actualClosing}）`,
  };
}
