import type { GlobalToken } from 'antd';
import type { ChildStats } from '../../../contracts/stats.ts';
import type { EChartOption } from '../../ui/EChart.tsx';

export type Bucket = { key: string; label: string; count: number };

/** The buckets worth drawing: every bucket of the official list, but “unknown” only when someone is in it. */
export function visibleBuckets(buckets: readonly Bucket[]): Bucket[] {
  return buckets.filter((b) => b.count > 0 || !/unknown|未知/.test(`${b.key}${b.label}`));
}

/** A share as people read it: `12.5%`, one decimal, nothing for an empty whole. */
export function percent(part: number, whole: number): string {
  return whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : '—';
}

/** What a screen reader reads in place of a chart: `正式党员120人，预备党员8人`. */
export function bucketSummary(title: string, buckets: readonly Bucket[]): string {
  return `${title}：${buckets.map((b) => `${b.label}${b.count}人`).join('，') || '暂无数据'}`;
}

const axisText = (token: GlobalToken) => ({ color: token.colorTextSecondary });

/** A bar per bucket, labelled with its count; horizontal when the labels are long (工作岗位, 入党时间). */
export function barOption(
  buckets: readonly Bucket[],
  token: GlobalToken,
  options: { horizontal?: boolean; color?: string } = {},
): EChartOption {
  const category = {
    type: 'category' as const,
    data: buckets.map((b) => b.label),
    axisLabel: {
      ...axisText(token),
      interval: 0,
      ...(options.horizontal ? {} : { rotate: buckets.length > 6 ? 30 : 0 }),
    },
    axisLine: { lineStyle: { color: token.colorBorder } },
    ...(options.horizontal ? { inverse: true } : {}),
  };
  const value = {
    type: 'value' as const,
    minInterval: 1,
    axisLabel: axisText(token),
    splitLine: { lineStyle: { color: token.colorBorderSecondary } },
  };
  return {
    grid: { left: 8, right: 32, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: options.horizontal ? value : category,
    yAxis: options.horizontal ? category : value,
    series: [
      {
        type: 'bar',
        name: '党员数',
        barMaxWidth: 36,
        data: buckets.map((b) => b.count),
        itemStyle: {
          color: options.color ?? token.blue,
          borderRadius: options.horizontal ? [0, 4, 4, 0] : [4, 4, 0, 0],
        },
        label: { show: true, position: options.horizontal ? 'right' : 'top', color: token.colorText },
      },
    ],
  };
}

/**
 * A ring of the buckets with a legend below that carries the counts; `compact` (two rings side by side)
 * leaves the slice labels to the legend and the tooltip, a full-width ring labels its larger slices.
 */
export function pieOption(
  buckets: readonly Bucket[],
  token: GlobalToken,
  palette: string[],
  options: { compact?: boolean } = {},
): EChartOption {
  const shown = buckets.filter((b) => b.count > 0);
  const counts = new Map(shown.map((b) => [b.label, b.count]));
  return {
    color: palette,
    tooltip: { trigger: 'item', formatter: '{b}：{c}人（{d}%）' },
    legend: {
      bottom: 0,
      textStyle: { color: token.colorTextSecondary },
      itemWidth: 12,
      itemHeight: 12,
      formatter: (name: string) => `${name} ${counts.get(name) ?? 0}`,
    },
    series: [
      {
        type: 'pie',
        name: '党员数',
        radius: options.compact ? ['38%', '62%'] : ['40%', '66%'],
        center: ['50%', '42%'],
        avoidLabelOverlap: true,
        minShowLabelAngle: 12,
        itemStyle: { borderColor: token.colorBgContainer, borderWidth: 2 },
        label: options.compact ? { show: false } : { formatter: '{b}\n{d}%', color: token.colorText },
        labelLine: { show: !options.compact },
        data: shown.map((b) => ({ name: b.label, value: b.count })),
      },
    ],
  };
}

/** The direct children as bars, most members first, for drill-down (the bar's index finds the child). */
export function sortedChildren(children: readonly ChildStats[]): ChildStats[] {
  return [...children].sort((a, b) => b.memberCount - a.memberCount);
}

export function childrenOption(children: readonly ChildStats[], token: GlobalToken): EChartOption {
  return barOption(
    children.map((c) => ({ key: String(c.org.id), label: c.org.name, count: c.memberCount })),
    token,
    { horizontal: true, color: token.geekblue },
  );
}
