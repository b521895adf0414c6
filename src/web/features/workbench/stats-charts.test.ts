import type { GlobalToken } from 'antd';
import { describe, expect, it } from 'vitest';
import type { ChildStats } from '../../../contracts/stats.ts';
import {
  barOption,
  bucketSummary,
  percent,
  pieOption,
  sortedChildren,
  visibleBuckets,
} from './stats-charts.ts';

const token = {
  colorTextSecondary: 'c1',
  colorText: 'c2',
  colorBorder: 'c3',
  colorBorderSecondary: 'c4',
  colorBgContainer: 'c5',
  blue: 'b',
  geekblue: 'g',
} as GlobalToken;

const buckets = [
  { key: 'han', label: '汉族', count: 9 },
  { key: 'minority', label: '少数民族', count: 1 },
  { key: 'other', label: '其他', count: 0 },
  { key: 'unknown', label: '未知', count: 0 },
];

const child = (id: number, memberCount: number) =>
  ({ org: { id, name: `支部${id}`, kind: 'branch', dissolved: false }, memberCount }) as ChildStats;

describe('workbench statistics charts', () => {
  it('keeps every official bucket, but “unknown” only when someone is in it', () => {
    expect(visibleBuckets(buckets).map((b) => b.key)).toEqual(['han', 'minority', 'other']);
    expect(visibleBuckets([{ key: 'unknown', label: '未知', count: 2 }])).toHaveLength(1);
  });

  it('gives shares with one decimal and nothing for an empty whole', () => {
    expect(percent(1, 8)).toBe('12.5%');
    expect(percent(203, 412)).toBe('49.3%');
    expect(percent(0, 0)).toBe('—');
  });

  it('reads a chart aloud for screen readers', () => {
    expect(bucketSummary('民族', buckets.slice(0, 2))).toBe('民族：汉族9人，少数民族1人');
    expect(bucketSummary('民族', [])).toBe('民族：暂无数据');
  });

  it('draws bars in the official order with their counts, horizontal bars top-down', () => {
    const option = barOption(buckets.slice(0, 2), token, { horizontal: true });
    expect(option.yAxis).toMatchObject({ type: 'category', data: ['汉族', '少数民族'], inverse: true });
    expect(option.series).toMatchObject([{ type: 'bar', data: [9, 1] }]);
  });

  it('leaves empty slices out of a ring and puts the counts in its legend', () => {
    const option = pieOption(buckets, token, ['p']);
    const series = (option.series as { data: { name: string; value: number }[] }[])[0];
    expect(series?.data).toEqual([
      { name: '汉族', value: 9 },
      { name: '少数民族', value: 1 },
    ]);
    const legend = option.legend as { formatter: (name: string) => string };
    expect(legend.formatter('汉族')).toBe('汉族 9');
  });

  it('orders children by members for drill-down, so a bar’s index finds its child', () => {
    expect(sortedChildren([child(1, 5), child(2, 40), child(3, 12)]).map((c) => c.org.id)).toEqual([2, 3, 1]);
  });
});
