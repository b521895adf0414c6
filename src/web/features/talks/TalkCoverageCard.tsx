import { Button, Card, Col, Empty, List, Row, Statistic, Tag, Typography } from 'antd';
import { TALK_PAIRING_LABELS } from '../../../domain/org-life/index.ts';
import { useTalkCoverage } from '../../api/talks.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';

/** The coverage of a branch for a year: the pairs the rules require, those covered and those still missing. */
export function TalkCoverageCard({
  orgId,
  year,
  onRecord,
}: {
  orgId: number;
  year: number;
  onRecord?: (pair: { memberId: number; partnerId: number }) => void;
}) {
  const coverage = useTalkCoverage(orgId, year);
  if (coverage.isError)
    return <ErrorState error={coverage.error} what="谈话覆盖情况" onRetry={() => coverage.refetch()} />;
  if (!coverage.data) return <LoadingState />;
  const c = coverage.data;
  return (
    <Card size="small" title={`${c.orgName} ${c.year}年谈心谈话覆盖情况`} style={{ marginBottom: 16 }}>
      <Row gutter={16} role="group" aria-label="覆盖概况">
        <Col span={6}>
          <Statistic title="应谈人员组合" value={c.required} />
        </Col>
        <Col span={6}>
          <Statistic title="已谈" value={c.covered} />
        </Col>
        <Col span={6}>
          <Statistic title="未谈" value={c.required - c.covered} />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        要求：{c.pairings.map((p) => TALK_PAIRING_LABELS[p]).join('、')}，每年至少谈一次（书记、支部委员按{' '}
        {c.asOf} 在任的班子成员认定）。
        {c.people.some((p) => p.secretary)
          ? null
          : ' 未在班子成员中找到与名册同名的书记，请在组织管理中维护班子成员。'}
      </Typography.Paragraph>
      {c.missing.length === 0 ? (
        <Empty description={c.required === 0 ? '没有需要谈话的人员组合' : '全部人员组合均已谈话'} />
      ) : (
        <section data-testid="talk-missing" aria-label="未谈话的人员组合">
          <List
            size="small"
            dataSource={c.missing}
            renderItem={(p) => (
              <List.Item
                actions={
                  onRecord
                    ? [
                        <Button
                          key="record"
                          size="small"
                          onClick={() => onRecord({ memberId: p.a.memberId, partnerId: p.b.memberId })}
                        >
                          登记谈话
                        </Button>,
                      ]
                    : []
                }
              >
                <Tag color="orange">未谈</Tag>
                {p.a.name} — {p.b.name}
              </List.Item>
            )}
          />
        </section>
      )}
    </Card>
  );
}
