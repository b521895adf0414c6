import { theme } from 'antd';
import { useMemo } from 'react';
import { ORG_KIND_LABELS, ORG_KINDS } from '../../../domain/org/index.ts';
import { EChart, type EChartOption } from '../../ui/EChart.tsx';

/** 组织数量（按类别）: one bar per kind, from the top of the tree down. */
export function OrgKindChart({ counts }: { counts: Partial<Record<(typeof ORG_KINDS)[number], number>> }) {
  const { token } = theme.useToken();
  const option = useMemo<EChartOption>(
    () => ({
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: {
        type: 'category',
        data: ORG_KINDS.map((k) => ORG_KIND_LABELS[k]),
        axisLabel: { color: token.colorTextSecondary },
        axisLine: { lineStyle: { color: token.colorBorder } },
      },
      yAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { color: token.colorTextSecondary },
        splitLine: { lineStyle: { color: token.colorBorderSecondary } },
      },
      series: [
        {
          type: 'bar',
          name: '组织数',
          barMaxWidth: 40,
          data: ORG_KINDS.map((k) => counts[k] ?? 0),
          itemStyle: { color: token.colorPrimary, borderRadius: [4, 4, 0, 0] },
          label: { show: true, position: 'top', color: token.colorText },
        },
      ],
    }),
    [counts, token],
  );
  const summary = ORG_KINDS.map((k) => `${ORG_KIND_LABELS[k]}${counts[k] ?? 0}个`).join('，');
  return <EChart option={option} height={280} ariaLabel={`组织数量（按类别）：${summary}`} />;
}
