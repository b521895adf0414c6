import { Card, Flex, Select, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  LAPSE_CASE_STATUS_LABELS,
  LAPSE_CASE_STATUSES,
  LAPSE_CAUSE_LABELS,
  LAPSE_CAUSES,
  type LapseCaseStatus,
  type LapseCause,
} from '../../../domain/membership/index.ts';
import { type LapseCaseView, useLapseCases } from '../../api/lapse-cases.ts';
import { formatDate } from '../../ui/dates.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LapseCaseStatusTag, runLabel } from './LapseCasesCard.tsx';

/**
 * 自行脱党情形 (党章第九条, docs/membership.md §6): the cases of the members in the user's scope, open first, filtered by
 * status and cause; each is handled on its member's page.
 */
export function LapseCasesPage() {
  const [status, setStatus] = useState<LapseCaseStatus | undefined>('open');
  const [cause, setCause] = useState<LapseCause | undefined>(undefined);
  const cases = useLapseCases({ ...(status ? { status } : {}), ...(cause ? { cause } : {}) });
  const columns: TableColumnsType<LapseCaseView> = [
    {
      title: '党员',
      key: 'member',
      width: 110,
      render: (_, c) => <Link to={`/members/${c.memberId}?tab=lapse`}>{c.memberName}</Link>,
    },
    { title: '所在党组织', key: 'org', render: (_, c) => c.orgName },
    { title: '情形', key: 'cause', width: 210, render: (_, c) => LAPSE_CAUSE_LABELS[c.cause] },
    { title: '连续月份', key: 'run', width: 200, render: (_, c) => runLabel(c) },
    { title: '立案日期', key: 'openedOn', width: 110, render: (_, c) => formatDate(c.openedOn) },
    {
      title: '已办步骤',
      key: 'steps',
      render: (_, c) =>
        c.steps
          .filter((s) => s.on)
          .map((s) => s.label)
          .join('、') || '—',
    },
    { title: '状态', key: 'status', width: 170, render: (_, c) => <LapseCaseStatusTag c={c} /> },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_, c) => <Link to={`/members/${c.memberId}?tab=lapse`}>{c.can.change ? '办理' : '查看'}</Link>,
    },
  ];
  return (
    <>
      <PageHeader
        title="自行脱党情形"
        description="党章第九条：党员没有正当理由，连续六个月不参加党的组织生活或不交纳党费，由支部大会决定是否按自行脱党除名并报上级批准。系统在满六个月时提示，党支部在党员信息中立案、核实、按程序办理；系统不会自动改变党员状态。"
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Select<LapseCaseStatus>
            aria-label="状态"
            placeholder="全部状态"
            allowClear
            style={{ width: 140 }}
            value={status}
            onChange={(v) => setStatus(v)}
            options={LAPSE_CASE_STATUSES.map((s) => ({ value: s, label: LAPSE_CASE_STATUS_LABELS[s] }))}
          />
          <Select<LapseCause>
            aria-label="情形"
            placeholder="全部情形"
            allowClear
            style={{ width: 240 }}
            value={cause}
            onChange={(v) => setCause(v)}
            options={LAPSE_CAUSES.map((c) => ({ value: c, label: LAPSE_CAUSE_LABELS[c] }))}
          />
        </Flex>
        {cases.isError ? (
          <ErrorState error={cases.error} what="自行脱党情形" onRetry={() => cases.refetch()} />
        ) : (
          <Table<LapseCaseView>
            rowKey="id"
            aria-label="自行脱党情形"
            columns={columns}
            dataSource={cases.data?.items ?? []}
            loading={cases.isFetching}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            locale={{
              emptyText: (
                <EmptyState description="暂无案件。党员连续六个月未参加组织生活时，待办中会提示，在党员信息的“自行脱党情形”中立案。" />
              ),
            }}
          />
        )}
      </Card>
    </>
  );
}
