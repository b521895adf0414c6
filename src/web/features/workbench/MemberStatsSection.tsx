import { Breadcrumb, Card, Flex, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useOrgStats } from '../../api/stats.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { ChildrenChart } from './ChildrenChart.tsx';
import { StatsCharts } from './StatsCharts.tsx';
import { StatsFigures } from './StatsFigures.tsx';

type OrgRef = { id: number; name: string };

/**
 * 党员统计 of the user's subtree (GET /api/orgs/:id/stats), with drill-down: a child's bar opens that child,
 * the breadcrumb goes back up. The path starts at one of the user's roots.
 */
export function MemberStatsSection({ roots }: { roots: readonly OrgRef[] }) {
  const [path, setPath] = useState<OrgRef[]>(() => (roots[0] ? [roots[0]] : []));
  const current = path.at(-1);
  const stats = useOrgStats(current?.id);
  if (!current) return null;

  return (
    <Card
      title="党员统计"
      aria-label="党员统计"
      extra={
        roots.length > 1 ? (
          <Segmented
            aria-label="统计范围"
            value={path[0]?.id}
            onChange={(id) => setPath(roots.filter((r) => r.id === id))}
            options={roots.map((r) => ({ value: r.id, label: r.name }))}
          />
        ) : null
      }
    >
      <Flex vertical gap={16}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Breadcrumb
            aria-label="统计层级"
            items={path.map((org, i) => ({
              key: org.id,
              title:
                i === path.length - 1 ? (
                  <Typography.Text strong>{org.name}</Typography.Text>
                ) : (
                  <Typography.Link onClick={() => setPath(path.slice(0, i + 1))}>{org.name}</Typography.Link>
                ),
            }))}
          />
          {stats.data ? (
            <Typography.Text type="secondary">
              统计截至 {stats.data.asOf}，含全部下级组织；不含已出党、已转出的党员
            </Typography.Text>
          ) : null}
        </Flex>
        {stats.isPending ? (
          <LoadingState tip="正在统计…" />
        ) : stats.isError ? (
          <ErrorState error={stats.error} what="党员统计" onRetry={() => stats.refetch()} />
        ) : stats.data.memberCount === 0 && stats.data.children.length === 0 ? (
          <Typography.Paragraph type="secondary">
            {current.name}暂无党员信息。录入或导入党员后，这里将显示党员构成、年龄、学历等统计图。
          </Typography.Paragraph>
        ) : (
          <>
            <StatsFigures stats={stats.data} />
            <Card size="small" title="下级组织党员数">
              <ChildrenChart
                items={stats.data.children}
                onDrill={(child) => setPath([...path, { id: child.org.id, name: child.org.name }])}
              />
            </Card>
            <StatsCharts stats={stats.data} />
          </>
        )}
      </Flex>
    </Card>
  );
}
