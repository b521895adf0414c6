import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  ATTENDANCE_STATUS_LABELS,
  EXPECTED_EXCLUSION_REASON_LABELS,
} from '../../../domain/org-life/index.ts';
import { type MyMeeting, useMyMeetings } from '../../api/meetings.ts';
import { MEMBER_HOME_PATH } from '../../app/navigation.ts';
import { formatDate } from '../../ui/dates.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { kindsText, timeRange } from '../meetings/meeting-display.ts';
import { LeaveRequestModal } from './LeaveRequestModal.tsx';

const ATTENDANCE_COLORS = { present: 'success', leave: 'warning', absent: 'error' } as const;

/** The member's own standing at one meeting: 出席 / 请假 (reason) / 缺席, 补课, or not expected. */
function MyAttendance({ meeting: m }: { meeting: MyMeeting }) {
  if (m.excludedReason) return <Tag>不计入应到会：{EXPECTED_EXCLUSION_REASON_LABELS[m.excludedReason]}</Tag>;
  if (!m.attendance) return m.status === 'planned' ? null : <Tag>未登记</Tag>;
  return (
    <Flex gap={4} wrap>
      <Tag color={ATTENDANCE_COLORS[m.attendance]}>
        {ATTENDANCE_STATUS_LABELS[m.attendance]}
        {m.attendance === 'leave' && m.leaveReason ? `：${m.leaveReason}` : ''}
      </Tag>
      {m.makeUpOn ? <Tag color="blue">已补课 {formatDate(m.makeUpOn)}</Tag> : null}
    </Flex>
  );
}

function MeetingCard({ meeting: m, onLeave }: { meeting: MyMeeting; onLeave: (m: MyMeeting) => void }) {
  return (
    <Card size="small" aria-label={m.topic} role="article">
      <Flex vertical gap={6}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {m.topic}
        </Typography.Text>
        <Typography.Text type="secondary">
          {kindsText(m.kinds)} · {m.orgName}
        </Typography.Text>
        <Typography.Text>
          {m.heldOn ? `召开日期 ${formatDate(m.heldOn)}` : timeRange(m.plannedStart, m.plannedEnd)}
        </Typography.Text>
        {m.place ? <Typography.Text type="secondary">地点：{m.place}</Typography.Text> : null}
        <MyAttendance meeting={m} />
        {m.canRequestLeave ? (
          <Button size="large" block onClick={() => onLeave(m)}>
            请假
          </Button>
        ) : null}
      </Flex>
    </Card>
  );
}

function MeetingCards({
  list,
  empty,
  onLeave,
}: {
  list: readonly MyMeeting[];
  empty: string;
  onLeave: (m: MyMeeting) => void;
}) {
  if (list.length === 0) return <EmptyState description={empty} />;
  return (
    <Flex vertical gap={8}>
      {list.map((m) => (
        <MeetingCard key={m.id} meeting={m} onLeave={onLeave} />
      ))}
    </Flex>
  );
}

/** 我的会议 (`/m/meetings`): the member's meetings, upcoming (with 请假) and past (with their attendance). Phone first. */
export function MyMeetingsPage() {
  const mine = useMyMeetings();
  const [leaving, setLeaving] = useState<MyMeeting | null>(null);
  usePageTitle('我的会议');

  if (mine.isPending) return <LoadingState />;
  if (mine.isError) return <ErrorState error={mine.error} what="我的会议" onRetry={() => mine.refetch()} />;
  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={8}>
        <Link to={MEMBER_HOME_PATH} aria-label="返回我的党员档案">
          <ArrowLeftOutlined />
        </Link>
        <Typography.Title level={4} style={{ margin: 0 }}>
          我的会议
        </Typography.Title>
      </Flex>
      <Tabs
        size="large"
        items={[
          {
            key: 'upcoming',
            label: `即将召开（${mine.data.upcoming.length}）`,
            children: (
              <MeetingCards list={mine.data.upcoming} empty="近期没有安排会议" onLeave={setLeaving} />
            ),
          },
          {
            key: 'past',
            label: `已召开（${mine.data.past.length}）`,
            children: <MeetingCards list={mine.data.past} empty="还没有参加过的会议" onLeave={setLeaving} />,
          },
        ]}
      />
      <LeaveRequestModal meeting={leaving} onClose={() => setLeaving(null)} />
    </Flex>
  );
}
