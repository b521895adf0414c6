import { Button, Table, Tag, Typography } from 'antd';
import type { ComplianceChild } from '../../api/compliance.ts';
import { RATE_BAND_COLOURS, rateBand, rateText } from './compliance-query.ts';

type ComplianceChildrenProps = {
  items: ComplianceChild[];
  onOpen: (org: { id: number; name: string }) => void;
};

/** Each child of the org (with its subtree) for the period asked: its rate and counts; its name opens it. */
export function ComplianceChildren({ items, onOpen }: ComplianceChildrenProps) {
  return (
    <Table<ComplianceChild>
      aria-label="下级组织达标情况"
      data-testid="compliance-children"
      size="small"
      rowKey={(c) => c.org.id}
      pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      dataSource={items}
      columns={[
        {
          title: '党组织',
          key: 'org',
          render: (_, c) => (
            <>
              <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(c.org)}>
                {c.org.name}
              </Button>
              {c.org.dissolved ? <Typography.Text type="secondary">（已撤销）</Typography.Text> : null}
            </>
          ),
        },
        {
          title: '达标率',
          key: 'rate',
          width: 100,
          sorter: (a, b) => (a.figures.rate ?? 2) - (b.figures.rate ?? 2),
          render: (_, c) => {
            const colours = RATE_BAND_COLOURS[rateBand(c.figures.rate)];
            return (
              <Tag style={{ background: colours.background, color: colours.color, border: 'none' }}>
                {rateText(c.figures.rate)}
              </Tag>
            );
          },
        },
        {
          title: '达标 / 考核项',
          key: 'met',
          width: 120,
          render: (_, c) => `${c.figures.met} / ${c.figures.checks}`,
        },
        { title: '未达要求', key: 'missing', width: 90, render: (_, c) => c.figures.missing },
        { title: '已召开未办结', key: 'notClosed', width: 110, render: (_, c) => c.figures.notClosed },
        { title: '即将到期', key: 'due', width: 90, render: (_, c) => c.figures.due },
      ]}
    />
  );
}
