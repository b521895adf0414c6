import { Flex, Table, type TableColumnsType, type TablePaginationConfig, Tag, Typography, theme } from 'antd';
import { Link, useLocation } from 'react-router';
import type { TransferView } from '../../api/transfers.ts';
import { useColumnSettings } from '../../ui/ColumnSettings.tsx';
import { formatDate } from '../../ui/dates.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { TransferActions } from './TransferActions.tsx';
import { TransferStatusTag } from './TransferStatusTag.tsx';

type TransferTableProps = {
  items: TransferView[];
  loading: boolean;
  pagination: false | TablePaginationConfig;
  emptyText: string;
  /** Leave out the member column (a member's own tab). */
  hideMember?: boolean;
  /** Offer 列设置, remembered under this table name (the transfers page); none in a member's own tab. */
  settingsTable?: string;
};

/** Transfers with their letter, validity and status; overdue rows are tinted and tagged 已超期. */
export function TransferTable({
  items,
  loading,
  pagination,
  emptyText,
  hideMember = false,
  settingsTable,
}: TransferTableProps) {
  const { token } = theme.useToken();
  const location = useLocation();
  const columns: TableColumnsType<TransferView> = [
    ...(hideMember
      ? []
      : [
          {
            title: '党员',
            key: 'member',
            width: 100,
            fixed: 'left' as const,
            render: (_: unknown, t: TransferView) => (
              <Link to={`/members/${t.memberId}`}>{t.memberName}</Link>
            ),
          },
        ]),
    { title: '转出组织', key: 'from', render: (_, t) => t.fromOrgName },
    {
      title: '接收组织',
      key: 'to',
      render: (_, t) =>
        t.toOrgName ?? (
          <Flex gap={4} align="center" wrap>
            <span>{t.externalOrgName}</span>
            <Tag>系统外</Tag>
          </Flex>
        ),
    },
    { title: '介绍信编号', key: 'letterNo', width: 130, render: (_, t) => t.letterNo },
    { title: '开具日期', key: 'issuedOn', width: 110, render: (_, t) => formatDate(t.issuedOn) },
    {
      title: '有效期至',
      key: 'validUntil',
      width: 110,
      render: (_, t) =>
        t.overdue ? (
          <Typography.Text type="danger">{formatDate(t.validUntil)}</Typography.Text>
        ) : (
          formatDate(t.validUntil)
        ),
    },
    { title: '状态', key: 'status', width: 150, render: (_, t) => <TransferStatusTag transfer={t} /> },
    { title: '办结日期', key: 'decidedOn', width: 110, render: (_, t) => formatDate(t.decidedOn) },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      fixed: 'right',
      render: (_, t) => (
        <Flex gap={0} wrap={false} align="center">
          <Link
            to={`/member-transfers/${t.id}/letter`}
            state={{ back: location.pathname + location.search }}
            aria-label={`打印介绍信：${t.memberName}`}
            style={{ paddingInline: 7, whiteSpace: 'nowrap' }}
          >
            介绍信
          </Link>
          <TransferActions transfer={t} />
        </Flex>
      ),
    },
  ];
  const settings = useColumnSettings(columns, {
    table: settingsTable ?? 'transfers',
    locked: ['member', 'actions'],
  });
  const table = (
    <Table<TransferView>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={pagination}
      scroll={{ x: 1100 }}
      aria-label="组织关系转接"
      onRow={(t) => (t.overdue ? { style: { background: token.colorErrorBg } } : {})}
      locale={{ emptyText: <EmptyState description={emptyText} /> }}
      columns={settingsTable ? settings.columns : columns}
    />
  );
  if (!settingsTable) return table;
  return (
    <>
      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
        {settings.button}
      </Flex>
      {table}
    </>
  );
}
