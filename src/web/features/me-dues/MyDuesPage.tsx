import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Flex, Tabs, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { type MemberDuesView, useMyDues } from '../../api/dues-ledger.ts';
import { MEMBER_HOME_PATH } from '../../app/navigation.ts';
import { formatDate } from '../../ui/dates.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { monthStanding, yuan } from './dues-text.ts';

type Month = MemberDuesView['months'][number];

function thisMonth(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** One month: 应缴 / 已缴 / 欠缴, and how the amount is reached (base → rate → amount, the flat amount, a reduction). */
function MonthCard({ month: m, current }: { month: Month; current: string }) {
  const standing = monthStanding(m, m.month >= current);
  return (
    <Card size="small" role="article" aria-label={m.label}>
      <Flex vertical gap={6}>
        <Flex justify="space-between" align="center">
          <Typography.Text strong style={{ fontSize: 16 }}>
            {m.label}
          </Typography.Text>
          <Tag color={standing.color}>{standing.text}</Tag>
        </Flex>
        <Descriptions size="small" column={3} layout="vertical">
          <Descriptions.Item label="应缴">{m.charged === null ? '—' : yuan(m.charged)}</Descriptions.Item>
          <Descriptions.Item label="已缴">{yuan(m.paid)}</Descriptions.Item>
          <Descriptions.Item label="欠缴">{m.balance > 0 ? yuan(m.balance) : '—'}</Descriptions.Item>
        </Descriptions>
        {m.why ? <Typography.Text type="secondary">{m.why.explanation}</Typography.Text> : null}
      </Flex>
    </Card>
  );
}

/** 我的党费 (`/m/dues`): what the member owes and why, what they paid, and their arrears. Phone first. */
export function MyDuesPage() {
  const mine = useMyDues();
  usePageTitle('我的党费');
  if (mine.isPending) return <LoadingState />;
  if (mine.isError) return <ErrorState error={mine.error} what="我的党费" onRetry={() => mine.refetch()} />;
  const view = mine.data;
  const current = thisMonth();
  const now = view.months.find((m) => m.month === current);
  const special = view.entries.filter((e) => e.kind === 'special_dues');
  const paid = view.entries.filter((e) => e.kind !== 'special_dues');
  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={8}>
        <Link to={MEMBER_HOME_PATH} aria-label="返回我的党员档案">
          <ArrowLeftOutlined />
        </Link>
        <Typography.Title level={4} style={{ margin: 0 }}>
          我的党费
        </Typography.Title>
      </Flex>
      {view.arrears.total > 0 ? (
        <Alert
          type={view.arrears.run >= 3 ? 'error' : 'warning'}
          showIcon
          title={`欠缴${view.arrears.months.length}个月，共${yuan(view.arrears.total)}`}
          description={
            view.arrears.run >= 3
              ? `已连续${view.arrears.run}个月未交纳党费。党章第九条：没有正当理由连续六个月不交纳党费的，就被认为是自行脱党。请尽快向所在党支部交纳。`
              : '请尽快向所在党支部交纳。'
          }
        />
      ) : (
        <Alert type="success" showIcon title="党费已按月交清" />
      )}
      <Card size="small" title="本月应缴">
        {now?.charged != null ? (
          <Flex vertical gap={4}>
            <Typography.Text strong style={{ fontSize: 24 }}>
              {yuan(now.charged)}
            </Typography.Text>
            {now.why ? <Typography.Text type="secondary">{now.why.explanation}</Typography.Text> : null}
            <Typography.Text type="secondary">
              交纳至：{now.org?.name ?? view.member.org.name}
            </Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary">本月应缴党费尚未核定，请联系所在党支部</Typography.Text>
        )}
      </Card>
      <Tabs
        size="large"
        items={[
          {
            key: 'months',
            label: '逐月明细',
            children:
              view.months.length === 0 ? (
                <EmptyState description="还没有党费记录" />
              ) : (
                <Flex vertical gap={8}>
                  {view.months.map((m) => (
                    <MonthCard key={m.month} month={m} current={current} />
                  ))}
                </Flex>
              ),
          },
          {
            key: 'paid',
            label: `交纳记录（${paid.length}）`,
            children:
              paid.length === 0 ? (
                <EmptyState description="还没有交纳记录" />
              ) : (
                <Flex vertical gap={8}>
                  {paid.map((e) => (
                    <Card size="small" key={e.id}>
                      <Flex justify="space-between">
                        <Typography.Text>
                          {e.month ? `${e.month.replace('-', '年')}月` : ''} {e.kindLabel}
                        </Typography.Text>
                        <Typography.Text strong type={e.amount < 0 ? 'danger' : undefined}>
                          {yuan(e.amount)}
                        </Typography.Text>
                      </Flex>
                      <Typography.Text type="secondary">
                        {formatDate(e.paidOn)} · {e.methodLabel ?? ''} · {e.collectingOrg.name}
                        {e.reason ? ` · ${e.reason}` : ''}
                      </Typography.Text>
                    </Card>
                  ))}
                </Flex>
              ),
          },
          {
            key: 'special',
            label: `特殊党费（${special.length}）`,
            children:
              special.length === 0 ? (
                <EmptyState description="没有特殊党费记录" />
              ) : (
                <Flex vertical gap={8}>
                  {special.map((e) => (
                    <Card size="small" key={e.id}>
                      <Flex justify="space-between">
                        <Typography.Text>{formatDate(e.paidOn)}</Typography.Text>
                        <Typography.Text strong>{yuan(e.amount)}</Typography.Text>
                      </Flex>
                      {e.toCentre ? <Tag color="red">全部上缴中央（第十一条）</Tag> : null}
                    </Card>
                  ))}
                </Flex>
              ),
          },
        ]}
      />
    </Flex>
  );
}
