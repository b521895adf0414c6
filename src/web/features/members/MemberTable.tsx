import { Flex, Table, type TableColumnsType, type TableProps, Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { GENDER_LABELS, MEMBER_CATEGORY_LABELS } from '../../../domain/membership/index.ts';
import type { MemberListItem, MemberQuery, MemberSort } from '../../api/members.ts';
import { useColumnSettings } from '../../ui/ColumnSettings.tsx';
import { formatDate } from '../../ui/dates.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { MemberStatusTag } from './MemberStatusTag.tsx';
import { columnOrder, sortOf } from './member-query.ts';

type MemberTableProps = {
  query: MemberQuery;
  items: MemberListItem[];
  total: number;
  loading: boolean;
  emptyText: string;
  /** The query after a page, page size or sort change. */
  onChange: (next: MemberQuery) => void;
  /** Where a row's link goes back to (the list with its filter). */
  backTo: string;
  /** The left of the table's toolbar (the search); 列设置 is on its right. */
  toolbar?: ReactNode;
  /**
   * Ticking rows for a batch (批量操作): the ids ticked (kept across pages) and their change; with `all`, everything
   * the filter matches is selected and the boxes show it.
   */
  selection?: { ids: number[]; all: boolean; onChange: (ids: number[]) => void };
};

type Sorter = Parameters<NonNullable<TableProps<MemberListItem>['onChange']>>[2];

const mono = { fontFamily: 'monospace', whiteSpace: 'nowrap' } as const;

/** The least width 所属组织 keeps (its name is cut with an ellipsis and shown whole on hover). */
const ORG_MIN_WIDTH = 160;

/**
 * The roster, one page at a time from the server; ID and phone numbers come masked. Every column fits a
 * 1366 px screen beside the menu; 姓名 stays in view when a narrower screen scrolls, and 列设置 hides columns.
 */
export function MemberTable({
  query,
  items,
  total,
  loading,
  emptyText,
  onChange,
  backTo,
  toolbar,
  selection,
}: MemberTableProps) {
  const order = (column: Parameters<typeof columnOrder>[1]) => columnOrder(query.sort, column);
  const settings = useColumnSettings(columnsOf(order, backTo), { table: 'members', locked: ['name'] });
  const width = settings.columns.reduce(
    (sum, c) => sum + (typeof c.width === 'number' ? c.width : ORG_MIN_WIDTH),
    0,
  );
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        {toolbar ?? <span />}
        {settings.button}
      </Flex>
      <Table<MemberListItem>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={items}
        scroll={{ x: width }}
        tableLayout="fixed"
        aria-label="党员名册"
        rowSelection={
          selection
            ? {
                preserveSelectedRowKeys: true,
                selectedRowKeys: selection.all ? items.map((m) => m.id) : selection.ids,
                onChange: (keys) => selection.onChange(keys.map(Number)),
                getCheckboxProps: (m) => ({ disabled: selection.all, 'aria-label': `选择 ${m.name}` }),
              }
            : undefined
        }
        onChange={(pagination, _filters, sorter) => {
          const s = (Array.isArray(sorter) ? sorter[0] : sorter) as Exclude<Sorter, unknown[]> | undefined;
          const sort: MemberSort = sortOf(s?.columnKey as string | undefined, s?.order);
          const pageSize = pagination.pageSize ?? query.pageSize;
          const sortChanged = sort !== (query.sort ?? 'name');
          onChange({
            ...query,
            sort,
            pageSize,
            page: sortChanged || pageSize !== query.pageSize ? 1 : (pagination.current ?? 1),
          });
        }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total,
          showSizeChanger: true,
          showTotal: (n) => `共 ${n} 名党员`,
        }}
        locale={{ emptyText: <EmptyState description={emptyText} /> }}
        columns={settings.columns}
      />
    </Flex>
  );
}

type Order = (column: Parameters<typeof columnOrder>[1]) => ReturnType<typeof columnOrder>;

function columnsOf(order: Order, backTo: string): TableColumnsType<MemberListItem> {
  return [
    {
      title: '姓名',
      key: 'name',
      width: 88,
      ellipsis: true,
      fixed: 'left',
      sorter: true,
      sortDirections: ['ascend'],
      sortOrder: order('name'),
      render: (_, m) => (
        <Link to={`/members/${m.id}`} state={{ back: backTo }}>
          {m.name}
        </Link>
      ),
    },
    { title: '性别', key: 'gender', width: 52, render: (_, m) => GENDER_LABELS[m.gender] },
    {
      title: '出生日期',
      key: 'birthDate',
      width: 112,
      sorter: true,
      sortOrder: order('birthDate'),
      render: (_, m) => formatDate(m.birthDate),
    },
    {
      title: '公民身份号码',
      key: 'idNumber',
      width: 168,
      render: (_, m) => <span style={mono}>{m.idNumber ?? '—'}</span>,
    },
    {
      title: '手机号',
      key: 'phoneMobile',
      width: 116,
      render: (_, m) => <span style={mono}>{m.phoneMobile ?? '—'}</span>,
    },
    {
      title: '所属组织',
      key: 'org',
      sorter: true,
      sortDirections: ['ascend'],
      sortOrder: order('org'),
      // Cut to the cell (never over the next one), whole on hover.
      ellipsis: { showTitle: false },
      render: (_, m) => (
        <Tooltip title={m.orgName} placement="topLeft">
          <span>{m.orgName}</span>
        </Tooltip>
      ),
    },
    {
      title: '党籍状态',
      key: 'status',
      width: 128,
      render: (_, m) => (
        <Flex gap={4} wrap>
          <MemberStatusTag status={m.status} />
          {m.isMobile ? <Tag>流动</Tag> : null}
          {m.isHardship ? <Tag>困难</Tag> : null}
        </Flex>
      ),
    },
    {
      title: '人员类别',
      key: 'category',
      width: 84,
      render: (_, m) => MEMBER_CATEGORY_LABELS[m.category],
    },
    {
      title: '入党时间',
      key: 'admittedOn',
      width: 112,
      sorter: true,
      sortOrder: order('admittedOn'),
      render: (_, m) => formatDate(m.admittedOn),
    },
  ];
}
