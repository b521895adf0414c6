import { Typography } from 'antd';
import { useMemo } from 'react';
import type { ChildStats } from '../../../contracts/stats.ts';
import { useChartTokens } from '../../ui/chart-palette.ts';
import { EChart } from '../../ui/EChart.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { childrenOption, sortedChildren } from './stats-charts.ts';

/** The direct children by member count; a click on a bar drills into that child's statistics. */
export function ChildrenChart({
  items,
  onDrill,
}: {
  items: readonly ChildStats[];
  onDrill: (child: ChildStats) => void;
}) {
  const { token } = useChartTokens();
  const sorted = useMemo(() => sortedChildren(items), [items]);
  const option = useMemo(() => childrenOption(sorted, token), [sorted, token]);
  if (sorted.length === 0) return <EmptyState description="没有下级组织，上面是本组织自身的统计。" />;
  const summary = sorted.map((c) => `${c.org.name}${c.memberCount}人`).join('，');
  return (
    <>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        点击柱条查看该组织的统计
      </Typography.Text>
      <EChart
        option={option}
        height={Math.max(200, sorted.length * 32 + 48)}
        ariaLabel={`下级组织党员数：${summary}`}
        onClick={(e) => {
          const child = sorted[e.dataIndex];
          if (child) onDrill(child);
        }}
      />
    </>
  );
}
