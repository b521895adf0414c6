import { Badge, Card, Segmented } from 'antd';
import { useState } from 'react';
import { FINDING_KIND_LABELS } from '../../../contracts/orgs.ts';
import type { WorkbenchView } from '../../../contracts/workbench.ts';
import { FINDING_KINDS, type FindingKind } from '../../../domain/org/index.ts';
import { useFindings } from '../../api/findings.ts';
import { FindingsTable } from './FindingsTable.tsx';

type Filter = 'urgent' | FindingKind;

const PAGE_SIZE = 10;

/** 待办事项: the most urgent findings first; one kind at a time, all of them, page by page. */
export function TodoCard({ workbench }: { workbench: WorkbenchView }) {
  const [filter, setFilter] = useState<Filter>('urgent');
  const [page, setPage] = useState(1);
  const kind = filter === 'urgent' ? undefined : filter;
  const all = useFindings({ kind, page, pageSize: PAGE_SIZE }, kind !== undefined);
  const count = (k: FindingKind) => {
    const c = workbench.findingCounts[k];
    return c ? c.critical + c.warning : 0;
  };
  const total = FINDING_KINDS.reduce((sum, k) => sum + count(k), 0);

  return (
    <Card
      title={
        <span>
          待办事项 <Badge count={total} overflowCount={9999} style={{ marginInlineStart: 4 }} />
        </span>
      }
      extra={
        <Segmented<Filter>
          aria-label="待办类别"
          value={filter}
          onChange={(value) => {
            setFilter(value);
            setPage(1);
          }}
          options={[
            { value: 'urgent', label: '最紧急' },
            ...FINDING_KINDS.map((k) => ({ value: k, label: `${FINDING_KIND_LABELS[k]} ${count(k)}` })),
          ]}
        />
      }
    >
      {kind === undefined ? (
        <FindingsTable
          items={workbench.todos}
          emptyText="暂无待办事项：管辖范围内各组织任期与书记配备情况正常。"
        />
      ) : (
        <FindingsTable
          items={all.data?.items ?? []}
          loading={all.isFetching}
          emptyText={`暂无“${FINDING_KIND_LABELS[kind]}”的组织。`}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: all.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (n) => `共 ${n} 条`,
            onChange: setPage,
          }}
        />
      )}
    </Card>
  );
}
