import { Button, Card, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { DECISION_KIND_LABELS, LEFT_REASON_LABELS } from '../../../domain/membership/index.ts';
import { addDays, daysBetween, type IsoDate } from '../../../domain/shared/index.ts';
import { type MemberDecision, usePendingDecisions } from '../../api/member-decisions.ts';
import { formatDate } from '../../ui/dates.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ApproveDecisionModal } from './PendingDecisions.tsx';

/**
 * The days since the 支部大会, counted to the server's day (the view's due date less the days left), so that the
 * page agrees with the 待办 whatever the browser's clock says.
 */
export function daysWaiting(d: Pick<MemberDecision, 'meetingOn' | 'dueOn' | 'daysLeft'>): number {
  return daysBetween(d.meetingOn as IsoDate, addDays(d.dueOn as IsoDate, -d.daysLeft));
}

const kindLabel = (d: MemberDecision) =>
  d.kind === 'leave' && d.leftReason
    ? `出党（${LEFT_REASON_LABELS[d.leftReason]}）`
    : DECISION_KIND_LABELS[d.kind];

/**
 * 待审批决定 (docs/membership.md §12): the 支部大会 decisions in the user's scope waiting for the approval of the
 * level above, oldest meeting first. 录入批准 is offered where the user is that level (the view's `can.approve`);
 * past 3 months (发展党员工作细则第二十八条) a row is marked 已超期.
 */
export function PendingDecisionsPage() {
  const pending = usePendingDecisions(undefined);
  const [approving, setApproving] = useState<MemberDecision | null>(null);
  const columns: TableColumnsType<MemberDecision> = [
    {
      title: '党员',
      key: 'member',
      width: 110,
      render: (_, d) => <Link to={`/members/${d.memberId}`}>{d.memberName}</Link>,
    },
    { title: '所在党组织', key: 'org', render: (_, d) => d.orgName },
    { title: '决定', key: 'kind', width: 150, render: (_, d) => kindLabel(d) },
    { title: '支部大会日期', key: 'meetingOn', width: 120, render: (_, d) => formatDate(d.meetingOn) },
    {
      title: '已等待',
      key: 'waiting',
      width: 170,
      render: (_, d) => (
        <Flex gap={4} align="center" wrap>
          <span>{daysWaiting(d)} 天</span>
          {d.daysLeft < 0 ? (
            <Tag color="error">已超期 {-d.daysLeft} 天</Tag>
          ) : (
            <Typography.Text type="secondary">（{formatDate(d.dueOn)} 前批准）</Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 170,
      render: (_, d) => (
        <Flex gap={8} align="center">
          {d.can.approve ? (
            <Button size="small" type="primary" onClick={() => setApproving(d)}>
              录入批准
            </Button>
          ) : (
            <Typography.Text type="secondary">待上级批准</Typography.Text>
          )}
          <Link to={`/members/${d.memberId}`}>查看党员</Link>
        </Flex>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title="待审批决定"
        description="党支部大会通过、尚待上级党组织批准的转正、延长预备期和出党决定。批准由党支部的上级党组织录入，应在支部大会后 3 个月内完成；批准前党员状态和统计不变。"
      />
      <Card>
        {pending.isError ? (
          <ErrorState error={pending.error} what="待审批决定" onRetry={() => pending.refetch()} />
        ) : (
          <Table<MemberDecision>
            rowKey="id"
            aria-label="待审批决定"
            columns={columns}
            dataSource={pending.data?.items ?? []}
            loading={pending.isFetching}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{
              emptyText: (
                <EmptyState description="暂无待审批的决定。党支部录入支部大会决定后，在这里等待上级党组织批准。" />
              ),
            }}
          />
        )}
      </Card>
      {approving ? <ApproveDecisionModal decision={approving} onClose={() => setApproving(null)} /> : null}
    </>
  );
}
