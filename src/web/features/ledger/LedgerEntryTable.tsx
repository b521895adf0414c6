import { Table, type TablePaginationConfig, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import type { LedgerEntry } from '../../api/ledger.ts';
import { formatDate } from '../../ui/dates.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';

type LedgerEntryTableProps = {
  items: LedgerEntry[];
  loading: boolean;
  pagination: TablePaginationConfig;
  emptyText: string;
  /** Where the member page's 返回 leads: this ledger, with its org and period. */
  backTo: string;
};

const orText = (value: string | null) => value || '—';

/** 台账明细: each event that moved the count, oldest first; the name opens the member while still in scope. */
export function LedgerEntryTable({ items, loading, pagination, emptyText, backTo }: LedgerEntryTableProps) {
  return (
    <Table<LedgerEntry>
      aria-label="增减明细"
      rowKey="eventId"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={pagination}
      scroll={{ x: 1000 }}
      locale={{ emptyText: <EmptyState description={emptyText} /> }}
      columns={[
        {
          title: '日期',
          key: 'effectiveOn',
          width: 110,
          fixed: 'left',
          render: (_, e) => formatDate(e.effectiveOn),
        },
        {
          title: '姓名',
          key: 'name',
          width: 100,
          fixed: 'left',
          render: (_, e) =>
            e.memberReachable ? (
              <Link to={`/members/${e.memberId}`} state={{ back: backTo }}>
                {e.name}
              </Link>
            ) : (
              <Tooltip title="该党员已不在您的管辖范围内">
                <Typography.Text>{e.name}</Typography.Text>
              </Tooltip>
            ),
        },
        {
          title: '增减',
          key: 'side',
          width: 70,
          align: 'center',
          render: (_, e) =>
            e.side === 'increase' ? (
              <Tag color="success" style={{ marginInlineEnd: 0 }}>
                增
              </Tag>
            ) : (
              <Tag color="error" style={{ marginInlineEnd: 0 }}>
                减
              </Tag>
            ),
        },
        { title: '类别', key: 'label', width: 150, render: (_, e) => e.label },
        { title: '原所在组织', key: 'fromOrg', render: (_, e) => orText(e.fromOrgName) },
        { title: '转入组织/去向', key: 'toOrg', render: (_, e) => orText(e.toOrgName) },
        { title: '介绍信编号', key: 'letterNo', width: 140, render: (_, e) => orText(e.letterNo) },
        {
          title: '原因',
          key: 'reason',
          ellipsis: { showTitle: true },
          render: (_, e) => orText(e.reason),
        },
      ]}
    />
  );
}
