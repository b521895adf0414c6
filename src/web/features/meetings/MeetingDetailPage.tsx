import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Tabs, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { type Meeting, useMeeting } from '../../api/meetings.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { AttachmentsPanel } from './AttachmentsPanel.tsx';
import { AttendanceSheet } from './AttendanceSheet.tsx';
import { CheckInCodePanel } from './CheckInCodePanel.tsx';
import { MeetingActions } from './MeetingActions.tsx';
import { MinutesEditor } from './MinutesEditor.tsx';
import { countsText, kindsText, STATUS_COLORS, statusLabel, timeRange } from './meeting-display.ts';
import { VotesPanel } from './VotesPanel.tsx';

const personText = (p: Meeting['host']) => p.name ?? '—';

/** What the meeting is: kinds, org, times, place, people, agenda. */
function MeetingInfo({ meeting: m }: { meeting: Meeting }) {
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'kinds', label: '会议类型', children: kindsText(m.kinds) + (m.election ? '（选举）' : '') },
        { key: 'org', label: '党组织', children: m.orgName },
        { key: 'planned', label: '计划时间', children: timeRange(m.plannedStart, m.plannedEnd) },
        { key: 'held', label: '召开时间', children: timeRange(m.heldStart, m.heldEnd) },
        { key: 'place', label: '地点', children: m.place ?? '—' },
        { key: 'counts', label: '出勤', children: countsText(m.counts) },
        { key: 'host', label: '主持人', children: personText(m.host) + (m.givenByHead ? '（书记）' : '') },
        { key: 'recorder', label: '记录人', children: personText(m.recorder) },
        {
          key: 'agenda',
          label: '议程',
          span: 'filled',
          children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{m.agenda ?? '—'}</Typography.Text>,
        },
      ]}
    />
  );
}

/**
 * A meeting (`/meetings/:meetingId`): its status and actions (登记召开 → 办结, 重新打开 with a reason), and its record
 * in tabs: 出勤登记 with the counts and the quorum, 会议记录, 附件, 签到二维码, and 表决 for a 支部党员大会.
 */
export function MeetingDetailPage() {
  const id = Number(useParams().meetingId);
  const meeting = useMeeting(id);
  const navigate = useNavigate();

  if (meeting.isPending) return <LoadingState />;
  if (meeting.isError)
    return <ErrorState error={meeting.error} what="会议" onRetry={() => meeting.refetch()} />;
  const m = meeting.data;
  const reload = () => void meeting.refetch();
  const generalMeeting = m.kinds.includes('general_meeting');

  return (
    <>
      <PageHeader
        documentTitle={m.topic}
        title={
          <Flex gap={8} align="center" wrap>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              aria-label="返回会议列表"
              onClick={() => navigate('/meetings')}
            />
            <span>{m.topic}</span>
            <Tag color={STATUS_COLORS[m.status]} data-testid="meeting-status">
              {statusLabel(m.status)}
            </Tag>
          </Flex>
        }
        description={`${m.orgName} · ${kindsText(m.kinds)}`}
        extra={<MeetingActions meeting={m} onReload={reload} />}
      />
      <Flex vertical gap={16}>
        <Card size="small">
          <MeetingInfo meeting={m} />
        </Card>
        <Card size="small">
          <Tabs
            items={[
              { key: 'attendance', label: '出勤登记', children: <AttendanceSheet meeting={m} /> },
              {
                key: 'minutes',
                label: '会议记录',
                children: <MinutesEditor meeting={m} onConflict={reload} />,
              },
              {
                key: 'attachments',
                label: `附件${m.attachmentCount > 0 ? `（${m.attachmentCount}）` : ''}`,
                children: <AttachmentsPanel meeting={m} />,
              },
              ...(m.status !== 'closed' && m.can.edit
                ? [{ key: 'check-in', label: '签到二维码', children: <CheckInCodePanel meeting={m} /> }]
                : []),
              ...(generalMeeting
                ? [
                    {
                      key: 'votes',
                      label: `表决${m.voteCount > 0 ? `（${m.voteCount}）` : ''}`,
                      children: <VotesPanel meeting={m} />,
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      </Flex>
    </>
  );
}
