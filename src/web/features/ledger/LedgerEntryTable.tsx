import {
  Flex,
  Table,
  type TableColumnsType,
  type TablePaginationConfig,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { Link } from 'react-router';
import type { LedgerEntry } from '../../api/ledger.ts';
import { useColumnSettings } from '../../ui/ColumnSettings.tsx';
import { formatDate } from '../../ui/dates.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';

type LedgerEntryTableProps = {
  items: LedgerEntry[];
  loading: boolean;
  /** A page at a time on screen; none (every entry) when printed whole (LedgerPrintPage). */
  pagination: false | TablePaginationConfig;
  emptyText: string;
  /** Where the member page's 返回 leads: this ledger, with its org and period. */
  backTo: string;
  /** Offer 列设置, remembered under this table name (the ledger page); the printout shows every column. */
  settingsTable?: string;
};

const orText = (value: string | null) => value || '—';

/** 台账明细: each event that moved the count, oldest first; the name opens the member while still in scope. */
export function LedgerEntryTable({
  items,
  loading,
  pagination,
  emptyText,
  backTo,
  settingsTable,
}: LedgerEntryTableProps) {
  const columns: TableColumnsType<LedgerEntry> = [
    {
      title: '发生日期',
      key: 'effectiveOn',
      width: 110,
      fixed: 'left',
      render: (_, e) => formatDate(e.effectiveOn),
    },
    {
      // The day the ledger counts it on, where it differs: an arrival, an approval, a correction (docs/membership.md §8).
      title: '计入日期',
      key: 'countedOn',
      width: 150,
      render: (_, e) => (
        <>
          {e.countedOn === e.effectiveOn ? '同左' : formatDate(e.countedOn)}
          {e.correctionOf ? (
            <Tooltip title={`原应计入 ${formatDate(e.correctionOf)}，该期已关账，作为更正计入本期`}>
              <Tag color="warning" style={{ marginInlineStart: 6 }}>
                更正
              </Tag>
            </Tooltip>
          ) : null}
        </>
      ),
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
  ];
  const settings = useColumnSettings(columns, {
    table: settingsTable ?? 'ledger-entries',
    locked: ['effectiveOn', 'name'],
  });
  const table = (
    <Table<LedgerEntry>
      aria-label="增减明细"
      rowKey="eventId"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={pagination}
      scroll={{ x: 1000 }}
      locale={{ emptyText: <EmptyState description={emptyText} /> }}
      columns={settingsTable ? settings.columns : columns}
    />
  );
  if (!settingsTable) return table;
  return (
    <>
      <Flex justify="flex-end" className="no-print" style={{ marginBottom: 12 }}>
        {settings.button}
      </Flex>
      {table}
    </>
  );
}
