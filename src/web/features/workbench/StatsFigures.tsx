import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { OrgStatsView } from '../../api/stats.ts';
import { percent } from './stats-charts.ts';

const countOf = (buckets: OrgStatsView['byStatus'], key: string) =>
  buckets.find((b) => b.key === key)?.count ?? 0;

/** The headline figures of the subtree's roster, each with its share. */
export function StatsFigures({ stats }: { stats: OrgStatsView }) {
  const total = stats.memberCount;
  const young = countOf(stats.byAgeBand, '30_below') + countOf(stats.byAgeBand, '31_35');
  const figures = [
    {
      title: '党员总数',
      value: total,
      // 停止党籍 members are not in 党员总数 (docs/membership.md §1): shown beside it.
      note: `正式 ${countOf(stats.byStatus, 'full')}，预备 ${countOf(stats.byStatus, 'probationary')}；另有停止党籍 ${stats.suspendedCount}`,
    },
    {
      title: '女党员',
      value: countOf(stats.byGender, 'female'),
      note: `占 ${percent(countOf(stats.byGender, 'female'), total)}`,
    },
    {
      title: '少数民族',
      value: countOf(stats.byEthnicity, 'minority'),
      note: `占 ${percent(countOf(stats.byEthnicity, 'minority'), total)}`,
    },
    { title: '大专及以上', value: stats.collegeOrAbove, note: `占 ${percent(stats.collegeOrAbove, total)}` },
    { title: '35岁及以下', value: young, note: `占 ${percent(young, total)}` },
    { title: '流动 / 困难党员', value: stats.mobile, suffix: ` / ${stats.hardship}`, note: '人' },
  ];
  return (
    <Row gutter={[16, 16]}>
      {figures.map((f) => (
        <Col key={f.title} xs={12} md={8} xl={4}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic title={f.title} value={f.value} suffix={f.suffix ?? '人'} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {f.note}
            </Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
