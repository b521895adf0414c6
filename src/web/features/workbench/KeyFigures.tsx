import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { FINDING_KIND_LABELS } from '../../../contracts/orgs.ts';
import type { WorkbenchView } from '../../../contracts/workbench.ts';
import { BRANCH_KINDS, FINDING_KINDS, type ORG_KINDS } from '../../../domain/org/index.ts';

function Figure({
  title,
  value,
  unit,
  note,
  danger = false,
}: {
  title: string;
  value: number;
  unit: string;
  note: ReactNode;
  danger?: boolean;
}) {
  return (
    <Col xs={12} md={8} xl={4}>
      <Card size="small" style={{ height: '100%' }}>
        <Statistic title={title} value={value} suffix={unit} />
        <Typography.Text type={danger ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
          {note}
        </Typography.Text>
      </Card>
    </Col>
  );
}

/** The key figures of the subtree: how many orgs, how many problems of each kind, how many accounts. */
export function KeyFigures({ workbench }: { workbench: WorkbenchView }) {
  const count = (k: (typeof ORG_KINDS)[number]) => workbench.orgCounts[k] ?? 0;
  const committees = count('local_committee') + count('working_committee') + count('committee');
  return (
    <Row gutter={[16, 16]}>
      {/* 党小组 are not 党组织 in the official counts (docs/organizations.md §1): listed apart. */}
      <Figure
        title="党组织总数"
        value={workbench.orgTotal}
        unit="个"
        note={`其中各级党委、党工委 ${committees} 个（不含党小组）`}
      />
      <Figure
        title="党支部"
        value={BRANCH_KINDS.reduce((n, k) => n + count(k), 0)}
        unit="个"
        note={`党总支 ${count('general_branch')} 个，党小组 ${count('group')} 个`}
      />
      {FINDING_KINDS.map((kind) => {
        // A server that does not count a kind yet answers nothing for it.
        const c = workbench.findingCounts[kind] ?? { critical: 0, warning: 0 };
        return (
          <Figure
            key={kind}
            title={FINDING_KIND_LABELS[kind]}
            value={c.critical + c.warning}
            unit="个"
            danger={c.critical > 0}
            note={c.critical > 0 ? `其中紧急 ${c.critical} 个` : '暂无紧急事项'}
          />
        );
      })}
      <Figure title="系统用户" value={workbench.userCount} unit="人" note="管辖范围内的账号" />
    </Row>
  );
}
