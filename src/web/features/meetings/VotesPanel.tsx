import { Button, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { VOTE_SUBJECT_LABELS } from '../../../domain/org-life/index.ts';
import { type Meeting, useVotes, type Vote } from '../../api/meetings.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { VoteFormModal } from './VoteFormModal.tsx';

/** 表决: the votes of a closed 支部党员大会, and 登记表决 when the meeting may vote. */
export function VotesPanel({ meeting }: { meeting: Meeting }) {
  const votes = useVotes(meeting.id);
  const [open, setOpen] = useState(false);

  if (votes.isError)
    return <ErrorState error={votes.error} what="表决记录" onRetry={() => votes.refetch()} />;
  return (
    <Flex vertical gap={12}>
      <Flex gap={12} align="center" wrap>
        {meeting.can.vote ? (
          <Button type="primary" onClick={() => setOpen(true)}>
            登记表决
          </Button>
        ) : null}
        <Typography.Text type="secondary">
          {meeting.status === 'closed'
            ? '只有支部党员大会可以表决接收预备党员、转正、延长预备期、处置党员和选举。'
            : '会议办结后才能登记表决结果。'}
        </Typography.Text>
      </Flex>
      <Table<Vote>
        aria-label="表决记录"
        rowKey="id"
        size="small"
        loading={votes.isPending}
        dataSource={votes.data ?? []}
        pagination={false}
        locale={{ emptyText: '暂无表决记录' }}
        columns={[
          { title: '事项', key: 'subject', render: (_, v) => VOTE_SUBJECT_LABELS[v.subject] },
          {
            title: '标题',
            key: 'title',
            render: (_, v) => (v.subjectMemberName ? `${v.title}（${v.subjectMemberName}）` : v.title),
          },
          { title: '方式', key: 'secret', render: (_, v) => (v.secretBallot ? '无记名投票' : '逐人登记') },
          {
            title: '赞成 / 反对 / 弃权 / 书面赞成',
            key: 'tally',
            render: (_, v) => `${v.inFavour} / ${v.against} / ${v.abstain} / ${v.writtenInFavour}`,
          },
          {
            title: '有表决权 应到 / 实到',
            key: 'entitled',
            render: (_, v) => `${v.entitled} / ${v.present}`,
          },
          {
            title: '结果',
            key: 'passed',
            render: (_, v) => (v.passed ? <Tag color="success">通过</Tag> : <Tag color="error">未通过</Tag>),
          },
          { title: '登记时间', key: 'recordedAt', render: (_, v) => formatDateTime(v.recordedAt) },
        ]}
      />
      <VoteFormModal meetingId={meeting.id} open={open} onClose={() => setOpen(false)} />
    </Flex>
  );
}
