import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import type { LeadershipView, OrgDetail } from '../../../../contracts/orgs.ts';
import { LEADERSHIP_POST_LABELS, LEADERSHIP_POSTS } from '../../../../domain/org/index.ts';
import { formatDate } from '../../../ui/dates.ts';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { EndPostModal } from './EndPostModal.tsx';
import { PostFormDrawer } from './PostFormDrawer.tsx';
import { PostStatus, termLength } from './post-status.tsx';

const POST_ORDER = new Map(LEADERSHIP_POSTS.map((p, i) => [p, i]));

/** Sitting members first, by post (书记 first), then those who left, latest first. */
function byPostThenDate(a: LeadershipView, b: LeadershipView): number {
  if (!a.leftOn !== !b.leftOn) return a.leftOn ? 1 : -1;
  if (a.leftOn && b.leftOn) return b.leftOn.localeCompare(a.leftOn);
  return (
    (POST_ORDER.get(a.post) ?? 0) - (POST_ORDER.get(b.post) ?? 0) || a.startedOn.localeCompare(b.startedOn)
  );
}

/** 班子成员: posts with their terms; 新增任职, 修改, 离任 for those who manage leadership here. */
export function LeadershipTab({ org }: { org: OrgDetail }) {
  const [showLeft, setShowLeft] = useState(false);
  const [editing, setEditing] = useState<LeadershipView | 'new' | null>(null);
  const [ending, setEnding] = useState<LeadershipView | null>(null);
  const manage = org.can.manageLeadership && !org.dissolvedOn;
  const leftCount = org.leadership.filter((p) => p.leftOn).length;
  const rows = org.leadership.filter((p) => showLeft || !p.leftOn).sort(byPostThenDate);

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Flex align="center" gap={8}>
          <Switch size="small" checked={showLeft} onChange={setShowLeft} aria-label="显示已离任" />
          <Typography.Text type="secondary">显示已离任（{leftCount}）</Typography.Text>
        </Flex>
        {manage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新增任职
          </Button>
        ) : null}
      </Flex>
      <Table<LeadershipView>
        rowKey="id"
        size="middle"
        dataSource={rows}
        pagination={false}
        locale={{
          emptyText: (
            <EmptyState
              description={manage ? '暂无在任班子成员，请点击“新增任职”录入。' : '暂无在任班子成员。'}
            />
          ),
        }}
        columns={[
          {
            title: '职务',
            dataIndex: 'post',
            render: (p: LeadershipView['post']) => LEADERSHIP_POST_LABELS[p],
          },
          { title: '姓名', dataIndex: 'holderName' },
          { title: '任职日期', dataIndex: 'startedOn', render: formatDate },
          { title: '任期届满', dataIndex: 'endsOn', render: formatDate },
          { title: '任期', key: 'term', render: (_, p) => termLength(p.startedOn, p.endsOn) },
          {
            title: '延期批准文号',
            dataIndex: 'extensionDocNo',
            render: (v: string | null) => v || '—',
          },
          { title: '状态', key: 'status', render: (_, p) => <PostStatus post={p} /> },
          ...(manage
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  render: (_: unknown, p: LeadershipView) =>
                    p.leftOn ? null : (
                      <Flex gap={4}>
                        <Button type="link" size="small" onClick={() => setEditing(p)}>
                          修改
                        </Button>
                        <Button type="link" size="small" danger onClick={() => setEnding(p)}>
                          离任
                        </Button>
                      </Flex>
                    ),
                },
              ]
            : []),
        ]}
      />
      <PostFormDrawer
        org={org}
        post={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
      <EndPostModal org={org} post={ending} onClose={() => setEnding(null)} />
    </Flex>
  );
}
