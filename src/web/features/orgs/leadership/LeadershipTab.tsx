import { PlusOutlined } from '@ant-design/icons';
import { Button, Descriptions, Flex, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { LeadershipView, OrgDetail } from '../../../../contracts/orgs.ts';
import { LEADERSHIP_POST_LABELS, LEADERSHIP_POSTS } from '../../../../domain/org/index.ts';
import { formatDate, todayIso } from '../../../ui/dates.ts';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { EndPostModal } from './EndPostModal.tsx';
import { PostFormDrawer } from './PostFormDrawer.tsx';
import { PostStatus, termLength } from './post-status.tsx';
import { RenewTermDrawer } from './RenewTermDrawer.tsx';

const POST_ORDER = new Map(LEADERSHIP_POSTS.map((p, i) => [p, i]));

/** Sitting members first, by post (书记 first), then those who left, latest first. */
function byPostThenDate(a: LeadershipView, b: LeadershipView): number {
  if (!a.leftOn !== !b.leftOn) return a.leftOn ? 1 : -1;
  if (a.leftOn && b.leftOn) return b.leftOn.localeCompare(a.leftOn);
  return (
    (POST_ORDER.get(a.post) ?? 0) - (POST_ORDER.get(b.post) ?? 0) || a.startedOn.localeCompare(b.startedOn)
  );
}

/** The current term (届) of the committee: elected when, ends when, its documents (docs/organizations.md §7). */
function CurrentTerm({ org }: { org: OrgDetail }) {
  const term = org.currentTerm;
  if (!org.electedTerm) {
    return (
      <Typography.Text type="secondary" data-testid="current-term">
        {org.kind === 'group'
          ? '党小组长由党支部指定，不实行届期。'
          : '本组织负责人由上级任命或指定，不实行届期。'}
      </Typography.Text>
    );
  }
  if (!term) {
    return (
      <Typography.Text type="warning" data-testid="current-term">
        尚未录入本届委员会。
      </Typography.Text>
    );
  }
  const expired = term.endsOn < todayIso();
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 3 }}
      data-testid="current-term"
      items={[
        { key: 'elected', label: '本届选举日期', children: formatDate(term.electedOn) },
        {
          key: 'ends',
          label: '任期届满',
          children: (
            <Flex gap={6} align="center">
              {formatDate(term.endsOn)}（{termLength(term.electedOn, term.endsOn)}）
              {expired ? <Tag color="error">已届满，应换届</Tag> : null}
            </Flex>
          ),
        },
        {
          key: 'doc',
          label: '选举结果批复',
          children: term.electionDocNo
            ? `${term.electionDocNo}${term.electionDocDate ? `（${formatDate(term.electionDocDate)}）` : ''}`
            : '—',
        },
        ...(term.approvalDocNo
          ? [
              {
                key: 'approval',
                label: '上级批准',
                children: `${term.approvalDocNo}${term.approvalDocDate ? `（${formatDate(term.approvalDocDate)}）` : ''}`,
              },
            ]
          : []),
      ]}
    />
  );
}

/** 班子成员: the current term with 换届, posts with 补选 (新增任职), 修改, 离任 for those who manage leadership here. */
export function LeadershipTab({ org }: { org: OrgDetail }) {
  const [showLeft, setShowLeft] = useState(false);
  const [editing, setEditing] = useState<LeadershipView | 'new' | null>(null);
  const [ending, setEnding] = useState<LeadershipView | null>(null);
  const [renewing, setRenewing] = useState(false);
  const manage = org.can.manageLeadership && !org.dissolvedOn;
  const leftCount = org.leadership.filter((p) => p.leftOn).length;
  const rows = org.leadership.filter((p) => showLeft || !p.leftOn).sort(byPostThenDate);

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <CurrentTerm org={org} />
        {manage && org.electedTerm ? <Button onClick={() => setRenewing(true)}>换届</Button> : null}
      </Flex>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Flex align="center" gap={8}>
          <Switch size="small" checked={showLeft} onChange={setShowLeft} aria-label="显示已离任" />
          <Typography.Text type="secondary">显示已离任（{leftCount}）</Typography.Text>
        </Flex>
        {manage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {org.electedTerm ? '补选' : '新增任职'}
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
              description={
                manage
                  ? org.electedTerm
                    ? '暂无在任班子成员，请点击“换届”录入本届委员会。'
                    : '暂无在任班子成员，请点击“新增任职”录入。'
                  : '暂无在任班子成员。'
              }
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
          {
            title: '任期届满',
            dataIndex: 'endsOn',
            render: (v: string | null) => (v ? formatDate(v) : '不实行届期'),
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
      <RenewTermDrawer org={org} open={renewing} onClose={() => setRenewing(false)} />
    </Flex>
  );
}
