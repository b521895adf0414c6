import type { Dayjs } from 'dayjs';
import type { ComplianceFigures } from '../../api/compliance.ts';

/** The length of the period asked: a month, a quarter or a year (docs/organizational-life.md §7.1). */
export type PeriodUnit = 'month' | 'quarter' | 'year';
export const PERIOD_UNIT_LABELS: Record<PeriodUnit, string> = {
  month: '月度',
  quarter: '季度',
  year: '年度',
};

/** A period as the page holds it: the year, and the month (1–12) or quarter (1–4) within it. */
export type PeriodChoice = { unit: PeriodUnit; year: number; index: number };

/** The key the API takes: `2026`, `2026-Q3` or `2026-09`. */
export function periodKey(p: PeriodChoice): string {
  if (p.unit === 'year') return String(p.year);
  if (p.unit === 'quarter') return `${p.year}-Q${p.index}`;
  return `${p.year}-${String(p.index).padStart(2, '0')}`;
}

/** The period of a key, or undefined when it is none. */
export function parsePeriod(key: string | null): PeriodChoice | undefined {
  const m = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/.exec(key ?? '');
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2]) return { unit: 'quarter', year, index: Number(m[2]) };
  if (m[3]) return { unit: 'month', year, index: Number(m[3]) };
  return { unit: 'year', year, index: 1 };
}

/** The quarter today lies in: the page opens on it. */
export function currentQuarter(today: Dayjs): PeriodChoice {
  return { unit: 'quarter', year: today.year(), index: Math.floor(today.month() / 3) + 1 };
}

/** Switching between month, quarter and year keeps the year and the part of it nearest to today's choice. */
export function withUnit(p: PeriodChoice, unit: PeriodUnit): PeriodChoice {
  if (unit === p.unit) return p;
  const month = p.unit === 'month' ? p.index : p.unit === 'quarter' ? (p.index - 1) * 3 + 1 : 1;
  if (unit === 'month') return { unit, year: p.year, index: month };
  if (unit === 'quarter') return { unit, year: p.year, index: Math.ceil(month / 3) };
  return { unit, year: p.year, index: 1 };
}

/** The page's state in the URL: `?orgId=&period=`; without an org, the user's own. */
export type ComplianceState = { orgId?: number; period: PeriodChoice };

export function complianceStateFromSearch(params: URLSearchParams, today: Dayjs): ComplianceState {
  const id = Number(params.get('orgId'));
  return {
    ...(Number.isInteger(id) && id > 0 ? { orgId: id } : {}),
    period: parsePeriod(params.get('period')) ?? currentQuarter(today),
  };
}

export function searchFromComplianceState(s: ComplianceState): URLSearchParams {
  const out = new URLSearchParams();
  if (s.orgId !== undefined) out.set('orgId', String(s.orgId));
  out.set('period', periodKey(s.period));
  return out;
}

/** 85%, or — when nothing was judged yet. */
export function rateText(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/** The band of a rate, coloured on the heat map (with the figure printed in the cell, not colour alone). */
export type RateBand = 'none' | 'full' | 'high' | 'mid' | 'low';
export function rateBand(rate: number | null): RateBand {
  if (rate === null) return 'none';
  if (rate >= 1) return 'full';
  if (rate >= 0.8) return 'high';
  if (rate >= 0.6) return 'mid';
  return 'low';
}
export const RATE_BAND_COLOURS: Record<RateBand, { background: string; color: string }> = {
  none: { background: '#f5f5f5', color: '#595959' },
  full: { background: '#389e0d', color: '#ffffff' },
  high: { background: '#b7eb8f', color: '#135200' },
  mid: { background: '#ffd591', color: '#873800' },
  low: { background: '#ff7875', color: '#5c0011' },
};
export const RATE_BAND_LABELS: Record<RateBand, string> = {
  full: '全部达标',
  high: '80%及以上',
  mid: '60%–80%',
  low: '60%以下',
  none: '尚未考核',
};

/** What a cell says to a screen reader and in its tooltip: the org, the period, the rate and the counts. */
export function figuresText(figures: ComplianceFigures): string {
  const parts =
    figures.checks > 0
      ? [`达标率 ${rateText(figures.rate)}`, `考核 ${figures.checks} 项，达标 ${figures.met} 项`]
      : ['尚无到期的考核要求'];
  if (figures.missing > 0) parts.push(`未达要求 ${figures.missing} 项`);
  if (figures.notClosed > 0) parts.push(`已召开未办结 ${figures.notClosed} 项`);
  if (figures.due > 0) parts.push(`即将到期 ${figures.due} 项`);
  return parts.join('，');
}
