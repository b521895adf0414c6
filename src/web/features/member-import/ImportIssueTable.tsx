import { Flex, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { ImportIssue } from '../../../contracts/member-import.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { type IssueRow, issuesByColumn, issuesOfColumn, sortIssues, withRowSpans } from './import-errors.ts';

type ImportIssueTableProps = {
  issues: readonly ImportIssue[];
  sheetOrder: readonly string[];
  /** 错误 or 提示, in the table's name and empty text. */
  what: string;
};

const PAGE_SIZE = 10;
const span = (row: IssueRow) => ({ rowSpan: row.rowSpan });

/** Problems by 工作表 / 行 / 列 / 内容 / 问题, a spreadsheet row's problems together, filterable by column. */
export function ImportIssueTable({ issues, sheetOrder, what }: ImportIssueTableProps) {
  const [column, setColumn] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const sorted = useMemo(() => sortIssues(issues, sheetOrder), [issues, sheetOrder]);
  const shown = useMemo(() => issuesOfColumn(sorted, column), [sorted, column]);
  const byColumn = useMemo(() => issuesByColumn(issues), [issues]);
  const rows = withRowSpans(shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), (page - 1) * PAGE_SIZE);
  const choose = (next: string | null) => {
    setColumn(next);
    setPage(1);
  };

  return (
    <Flex vertical gap={8} component="section" aria-label={`${what}明细`}>
      {byColumn.length > 1 ? (
        <Flex gap={4} wrap align="center">
          <Typography.Text type="secondary">按列查看：</Typography.Text>
          <Tag.CheckableTag checked={column === null} onChange={() => choose(null)}>
            全部 {issues.length}
          </Tag.CheckableTag>
          {byColumn.map((c) => (
            <Tag.CheckableTag key={c.column} checked={column === c.column} onChange={() => choose(c.column)}>
              {c.column} {c.count}
            </Tag.CheckableTag>
          ))}
        </Flex>
      ) : null}
      <Table<IssueRow>
        size="small"
        bordered
        dataSource={rows}
        locale={{ emptyText: <EmptyState description={`没有${what}。`} /> }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: shown.length,
          showSizeChanger: false,
          showTotal: (n) => `共 ${n} 条`,
          onChange: setPage,
        }}
        columns={[
          { title: '工作表', dataIndex: 'sheet', width: 140, onCell: span },
          { title: '行', dataIndex: 'row', width: 64, onCell: span },
          { title: '列', dataIndex: 'column', width: 140, render: (v: string | null) => v ?? '（整行）' },
          {
            title: '内容',
            dataIndex: 'value',
            width: 200,
            render: (v: string | null) =>
              v ? (
                <Typography.Text code>{v}</Typography.Text>
              ) : (
                <Typography.Text type="secondary">（空）</Typography.Text>
              ),
          },
          { title: '问题', dataIndex: 'message' },
        ]}
      />
    </Flex>
  );
}
