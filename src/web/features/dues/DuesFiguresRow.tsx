import { Col, Row, Statistic } from 'antd';
import type { CollectionFigures } from '../../api/dues-summary.ts';
import { rateText, yuanText } from './dues-display.ts';

/** 应缴 / 实缴 / 欠缴 / 缴纳率 and the member counts of a set of member-months (docs/dues.md §10). */
export function DuesFiguresRow({ figures, people = '人' }: { figures: CollectionFigures; people?: string }) {
  return (
    <Row gutter={16} aria-label="收缴概况" role="group">
      <Col span={4}>
        <Statistic title="应缴（元）" value={yuanText(figures.charged)} />
      </Col>
      <Col span={4}>
        <Statistic title="实缴（元）" value={yuanText(figures.paid)} />
      </Col>
      <Col span={4}>
        <Statistic title="欠缴（元）" value={yuanText(figures.owed)} />
      </Col>
      <Col span={4}>
        <Statistic title="缴纳率" value={rateText(figures.rateBp)} />
      </Col>
      <Col span={4}>
        <Statistic title={`足额 / 应缴（${people}）`} value={`${figures.paidInFull} / ${figures.members}`} />
      </Col>
      <Col span={4}>
        <Statistic title={`按时足额（${people}）`} value={figures.onTime} />
      </Col>
    </Row>
  );
}
