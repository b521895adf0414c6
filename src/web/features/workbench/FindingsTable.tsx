import { Flex, Table, type TablePaginationConfig, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { FINDING_KIND_LABELS } from '../../../contracts/orgs.ts';
import { ORG_KIND_LABELS } from '../../../domain/org/index.ts';
import { useMe } from '../../api/auth.ts';
import type { OrgFinding } from '../../api/findings.ts';
import { formatDate } from '../../ui/dates.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SeverityTag } from '../orgs/finding-labels.tsx';

type FindingsTableProps = {
  items: OrgFinding[];
  loading?: boolean;
  pagination?: false | TablePaginationConfig;
  emptyText: string;
};

/**
 * Whom a finding is about, linked to where the branch acts on it: the member's page, the transfers to receive, or
 * the account to deactivate in 用户与权限 (found there by the member's name).
 */
function SubjectLink({ subject }: { subject: OrgFinding['finding']['subject'] }) {
  const me = useMe();
  if (!subject) return null;
  // A secretary reads no accounts: the org_admin above deactivates it.
  if (subject.type === 'account' && !me.data?.permissions.includes('user.read'))
    return (
      <Tooltip title="请本级或上级组织管理员在“用户与权限”中停用该账号">
        <Typography.Text>{subject.name}</Typography.Text>
      </Tooltip>
    );
  const to =
    subject.type === 'member'
      ? `/members/${subject.id}`
      : subject.type === 'account'
        ? `/system/users?q=${encodeURIComponent(subject.name)}`
        : '/member-transfers';
  return <Link to={to}>{subject.name}</Link>;
}

/**
 * Where a finding about the org itself is acted on, when a page does: 未核定基数 on the branch's 党费基数 sheet of the
 * month (for whoever may set bases).
 */
function OrgActionLink({ row }: { row: OrgFinding }) {
  const me = useMe();
  if (row.finding.kind !== 'dues_base_missing' || !me.data?.permissions.includes('dues.base')) return null;
  const search = new URLSearchParams({
    orgId: String(row.org.id),
    month: (row.finding.date ?? '').slice(0, 7),
  });
  return <Link to={`/dues/bases?${search.toString()}`}>核定基数</Link>;
}

/** To-dos derived from the rules: what, where (with a link to the org), why, and the date it is about. */
export function FindingsTable({ items, loading, pagination = false, emptyText }: FindingsTableProps) {
  return (
    <Table<OrgFinding>
      rowKey={(row) =>
        `${row.org.id}-${row.finding.kind}-${row.finding.subject ? `${row.finding.subject.type}${row.finding.subject.id}` : ''}`
      }
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={pagination}
      locale={{ emptyText: <EmptyState description={emptyText} /> }}
      columns={[
        {
          title: '级别',
          key: 'severity',
          width: 80,
          render: (_, row) => <SeverityTag severity={row.finding.severity} />,
        },
        {
          title: '事项',
          key: 'kind',
          width: 130,
          render: (_, row) => FINDING_KIND_LABELS[row.finding.kind],
        },
        {
          title: '组织',
          key: 'org',
          render: (_, row) => (
            <Flex vertical>
              <Link to={`/orgs/${row.org.id}?tab=findings`}>{row.org.name}</Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {ORG_KIND_LABELS[row.org.kind]}
                {row.org.pathNames ? ` · ${row.org.pathNames}` : ''}
              </Typography.Text>
            </Flex>
          ),
        },
        {
          title: '对象',
          key: 'subject',
          width: 110,
          render: (_, row) =>
            row.finding.subject ? <SubjectLink subject={row.finding.subject} /> : <OrgActionLink row={row} />,
        },
        { title: '说明', key: 'message', render: (_, row) => row.finding.message },
        {
          title: '日期',
          key: 'date',
          width: 120,
          render: (_, row) => formatDate(row.finding.date),
        },
      ]}
    />
  );
}
