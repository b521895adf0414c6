import {
  Breadcrumb,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Segmented,
  Space,
  Table,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { permissionsOf } from '../../../domain/access/index.ts';
import { useMe } from '../../api/auth.ts';
import {
  type DuesSummary,
  type DuesSummaryChild,
  useDuesStatistics,
  useDuesSummary,
} from '../../api/dues-summary.ts';
import { useOrgDetail } from '../../api/orgs.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { OrgSelect } from '../../ui/OrgSelect.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { DuesFiguresRow } from './DuesFiguresRow.tsx';
import { orgIdFromSearch, periodFromSearch, rateText, yuanText } from './dues-display.ts';

type Month = DuesSummary['months'][number];

const moneyColumns = <T extends { figures: DuesSummary['figures'] }>() => [
  {
    title: '应缴（元）',
    key: 'charged',
    align: 'right' as const,
    render: (_: unknown, r: T) => yuanText(r.figures.charged),
  },
  {
    title: '实缴（元）',
    key: 'paid',
    align: 'right' as const,
    render: (_: unknown, r: T) => yuanText(r.figures.paid),
  },
  {
    title: '欠缴（元）',
    key: 'owed',
    align: 'right' as const,
    render: (_: unknown, r: T) => yuanText(r.figures.owed),
  },
  {
    title: '缴纳率',
    key: 'rate',
    width: 100,
    sorter: (a: T, b: T) => (a.figures.rateBp ?? 20_000) - (b.figures.rateBp ?? 20_000),
    render: (_: unknown, r: T) => rateText(r.figures.rateBp),
  },
  { title: '欠缴人次', key: 'inArrears', width: 90, render: (_: unknown, r: T) => r.figures.inArrears },
];

/** The year's statistics counts (docs/dues.md §10): members paid on time, 少交, 免交, 特殊党费. */
function YearStatistics({ orgId, year }: { orgId: number; year: number }) {
  const stats = useDuesStatistics(orgId, year);
  if (stats.isError)
    return <ErrorState error={stats.error} what="年度统计" onRetry={() => stats.refetch()} />;
  if (!stats.data) return <LoadingState />;
  const s = stats.data;
  return (
    <Descriptions
      size="small"
      bordered
      column={3}
      items={[
        { key: 'charged', label: '应缴党费党员', children: `${s.membersCharged}人` },
        { key: 'onTime', label: '按时足额交纳', children: `${s.membersOnTime}人` },
        { key: 'reduced', label: '少交 / 免交', children: `${s.membersReduced}人 / ${s.membersExempt}人` },
        {
          key: 'special',
          label: '特殊党费',
          children: `${s.special.count}笔，${yuanText(s.special.total)}元`,
        },
        {
          key: 'centre',
          label: '其中1000元以上（全额上交中央）',
          span: 2,
          children: `${s.special.toCentreCount}笔，${yuanText(s.special.toCentreTotal)}元`,
        },
      ]}
    />
  );
}

/**
 * 收缴统计 (docs/dues.md §10): a subtree's collection for a month or a year, each child's (down to the 党支部 and
 * its sheet), the months of the year, and the counts of the yearly statistics. `?orgId=&period=`.
 */
export function DuesSummaryPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [thisMonth] = useState(() => dayjs().format('YYYY-MM'));
  const period = periodFromSearch(params.get('period'), thisMonth);
  const yearly = period.length === 4;
  const year = Number(period.slice(0, 4));
  const own = me.data?.assignments.find((a) => permissionsOf(a.role).includes('dues.read'));
  const orgId = orgIdFromSearch(params.get('orgId')) ?? own?.orgId;
  const view = useDuesSummary(orgId, period);
  const detail = useOrgDetail(orgId);
  const go = (next: { orgId?: number; period?: string }) =>
    setParams({ orgId: String(next.orgId ?? orgId ?? ''), period: next.period ?? period });
  const org = view.data?.org;
  const people = yearly ? '人次' : '人';

  return (
    <>
      <PageHeader
        title="收缴统计"
        description="本组织及下级党组织的党费收缴情况：应缴、实缴、欠缴和缴纳率，逐级查看直至党支部的收缴表。"
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={24} wrap align="center">
          <Form.Item label="党组织（含下级）" htmlFor="dues-summary-org" style={{ margin: 0, minWidth: 360 }}>
            <OrgSelect
              key={orgId ?? 'none'}
              id="dues-summary-org"
              aria-label="党组织"
              data-testid="dues-summary-org"
              value={orgId}
              initial={
                org ? { id: org.id, name: org.name } : own ? { id: own.orgId, name: own.orgName } : null
              }
              onChange={(id) => {
                if (id) go({ orgId: id });
              }}
            />
          </Form.Item>
          <Form.Item label="统计期间" style={{ margin: 0 }}>
            <Space.Compact>
              <Segmented
                aria-label="按月或按年"
                value={yearly ? 'year' : 'month'}
                options={[
                  { value: 'month', label: '按月' },
                  { value: 'year', label: '按年' },
                ]}
                onChange={(v) =>
                  go({
                    period: v === 'year' ? String(year) : year === dayjs().year() ? thisMonth : `${year}-12`,
                  })
                }
              />
              <DatePicker
                aria-label={yearly ? '年度' : '月份'}
                picker={yearly ? 'year' : 'month'}
                allowClear={false}
                value={dayjs(yearly ? `${period}-01-01` : `${period}-01`)}
                format={yearly ? 'YYYY年' : 'YYYY年M月'}
                onChange={(d) => {
                  if (d) go({ period: d.format(yearly ? 'YYYY' : 'YYYY-MM') });
                }}
              />
            </Space.Compact>
          </Form.Item>
        </Flex>
      </Card>
      {orgId === undefined ? (
        <ErrorState error={null} what="党组织" />
      ) : view.isError ? (
        <ErrorState error={view.error} what="收缴统计" onRetry={() => view.refetch()} />
      ) : !view.data || !org ? (
        <LoadingState />
      ) : (
        <>
          <Breadcrumb
            aria-label="所在层级"
            style={{ marginBottom: 12 }}
            items={[
              ...(detail.data?.ancestors ?? []).map((a) => ({
                key: a.id,
                title: a.inScope ? <Link to={`?orgId=${a.id}&period=${period}`}>{a.name}</Link> : a.name,
              })),
              { key: org.id, title: org.name },
            ]}
          />
          <Card
            size="small"
            title={`${org.name} · ${view.data.periodLabel}`}
            extra={
              yearly ? null : <Link to={`/dues/sheet?orgId=${org.id}&month=${period}`}>查看本组织收缴表</Link>
            }
            style={{ marginBottom: 16 }}
          >
            <DuesFiguresRow figures={view.data.figures} people={people} />
            <Typography.Text type="secondary">
              缴纳率 = 实缴 ÷ 应缴（所属月份的应缴，之后补缴的计入该月）；年度数为各月之和（人次）。
            </Typography.Text>
          </Card>
          {view.data.children.length > 0 ? (
            <Card size="small" title={`下级组织 · ${view.data.periodLabel}`} style={{ marginBottom: 16 }}>
              <Table<DuesSummaryChild>
                aria-label="下级组织收缴情况"
                data-testid="dues-summary-children"
                size="small"
                rowKey={(c) => c.org.id}
                pagination={view.data.children.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                dataSource={view.data.children}
                columns={[
                  {
                    title: '党组织',
                    key: 'org',
                    render: (_, c) => (
                      <>
                        <Button type="link" style={{ padding: 0 }} onClick={() => go({ orgId: c.org.id })}>
                          {c.org.name}
                        </Button>
                        {c.org.dissolved ? (
                          <Typography.Text type="secondary">（已撤销）</Typography.Text>
                        ) : null}
                      </>
                    ),
                  },
                  ...moneyColumns<DuesSummaryChild>(),
                ]}
              />
            </Card>
          ) : null}
          {yearly ? (
            <>
              <Card size="small" title={`${year}年各月收缴情况（年度公开）`} style={{ marginBottom: 16 }}>
                <Table<Month>
                  aria-label="各月收缴情况"
                  size="small"
                  rowKey={(m) => m.month}
                  pagination={false}
                  dataSource={view.data.months}
                  columns={[{ title: '月份', dataIndex: 'label', key: 'label' }, ...moneyColumns<Month>()]}
                />
              </Card>
              <Card size="small" title={`${year}年度统计`}>
                <YearStatistics orgId={org.id} year={year} />
              </Card>
            </>
          ) : null}
        </>
      )}
    </>
  );
}
