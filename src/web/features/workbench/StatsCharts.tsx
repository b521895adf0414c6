import { Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { type ReactNode, useMemo } from 'react';
import type { OrgStatsView } from '../../api/stats.ts';
import { useChartTokens } from '../../ui/chart-palette.ts';
import { EChart } from '../../ui/EChart.tsx';
import { barOption, bucketSummary, percent, pieOption, visibleBuckets } from './stats-charts.ts';

function ChartCard({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card title={title} size="small" extra={extra} style={{ height: '100%' }}>
      {children}
    </Card>
  );
}

/**
 * The breakdowns of a subtree's roster (docs/membership.md §9), each in the official order with its official
 * labels.
 */
export function StatsCharts({ stats }: { stats: OrgStatsView }) {
  const { token, palette } = useChartTokens();
  const b = useMemo(
    () => ({
      status: visibleBuckets(stats.byStatus),
      gender: visibleBuckets(stats.byGender),
      ethnicity: visibleBuckets(stats.byEthnicity),
      age: visibleBuckets(stats.byAgeBand),
      education: visibleBuckets(stats.byEducation),
      workPost: visibleBuckets(stats.byWorkPost),
      admission: visibleBuckets(stats.byAdmissionPeriod),
    }),
    [stats],
  );
  const o = useMemo(
    () => ({
      status: pieOption(b.status, token, palette),
      gender: pieOption(b.gender, token, [token.blue, token.magenta], { compact: true }),
      ethnicity: pieOption(
        b.ethnicity,
        token,
        [token.gold, token.cyan, token.purple, token.colorTextTertiary],
        {
          compact: true,
        },
      ),
      age: barOption(b.age, token),
      education: barOption(b.education, token, { color: token.cyan }),
      workPost: barOption(b.workPost, token, { horizontal: true, color: token.geekblue }),
      admission: barOption(b.admission, token, { horizontal: true, color: token.gold }),
    }),
    [b, token, palette],
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <ChartCard title="党员构成">
          <EChart option={o.status} height={300} ariaLabel={bucketSummary('党员构成', b.status)} />
        </ChartCard>
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard title="性别 / 民族">
          <Flex wrap>
            <div style={{ flex: '1 1 220px', minWidth: 0 }}>
              <EChart option={o.gender} height={300} ariaLabel={bucketSummary('性别', b.gender)} />
            </div>
            <div style={{ flex: '1 1 220px', minWidth: 0 }}>
              <EChart option={o.ethnicity} height={300} ariaLabel={bucketSummary('民族', b.ethnicity)} />
            </div>
          </Flex>
        </ChartCard>
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard
          title="年龄段"
          extra={<Typography.Text type="secondary">截至 {stats.asOf}</Typography.Text>}
        >
          <EChart option={o.age} height={300} ariaLabel={bucketSummary('年龄段', b.age)} />
        </ChartCard>
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard
          title="学历"
          extra={
            <Statistic
              value={stats.collegeOrAbove}
              prefix="大专及以上"
              suffix={`人（${percent(stats.collegeOrAbove, stats.memberCount)}）`}
              styles={{ content: { fontSize: 14 } }}
            />
          }
        >
          <EChart option={o.education} height={300} ariaLabel={bucketSummary('学历', b.education)} />
        </ChartCard>
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard title="工作岗位">
          <EChart option={o.workPost} height={420} ariaLabel={bucketSummary('工作岗位', b.workPost)} />
        </ChartCard>
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard title="入党时间">
          <EChart option={o.admission} height={420} ariaLabel={bucketSummary('入党时间', b.admission)} />
        </ChartCard>
      </Col>
    </Row>
  );
}
