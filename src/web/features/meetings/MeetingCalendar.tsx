import { Alert, Badge, Calendar, Flex, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { type MeetingListItem, useMeetings } from '../../api/meetings.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { byDay, countsText, kindsText, STATUS_COLORS, statusLabel } from './meeting-display.ts';

/** At most this many meetings are read for one month's grid (the API's largest page). */
const MONTH_LIMIT = 200;

type MeetingCalendarProps = {
  orgId: number | undefined;
  month: Dayjs;
  onMonthChange: (month: Dayjs) => void;
};

function MeetingEntry({ meeting: m }: { meeting: MeetingListItem }) {
  const status = statusLabel(m.status);
  return (
    <Tooltip title={`${m.orgName} · ${kindsText(m.kinds)} · ${status} · ${countsText(m.counts)}`}>
      <Link to={`/meetings/${m.id}`} aria-label={`${m.topic}（${status}）`} style={{ display: 'block' }}>
        <Badge
          color={STATUS_COLORS[m.status]}
          text={
            <Typography.Text ellipsis style={{ fontSize: 12, maxWidth: '100%' }}>
              {m.heldOn ? '' : `${dayjs(m.plannedStart).format('HH:mm')} `}
              {m.topic}
            </Typography.Text>
          }
        />
      </Link>
    </Tooltip>
  );
}

/**
 * 会议日历: the month of an org (and its subtree) with each meeting on its day — held day once held, planned day
 * before — coloured by status: 计划 blue, 已召开 orange, 已办结 green.
 */
export function MeetingCalendar({ orgId, month, onMonthChange }: MeetingCalendarProps) {
  // The grid shows up to six weeks around the month: read them all.
  const from = month.startOf('month').subtract(7, 'day').format('YYYY-MM-DD');
  const to = month.endOf('month').add(14, 'day').format('YYYY-MM-DD');
  const meetings = useMeetings({ orgId, from, to, page: 1, pageSize: MONTH_LIMIT });
  const days = useMemo(() => byDay(meetings.data?.items ?? []), [meetings.data]);

  if (meetings.isError) {
    return <ErrorState error={meetings.error} what="会议" onRetry={() => meetings.refetch()} />;
  }
  return (
    <Flex vertical gap={8}>
      {(meetings.data?.total ?? 0) > MONTH_LIMIT ? (
        <Alert
          type="info"
          showIcon
          title={`该时段共 ${meetings.data?.total} 次会议，日历只显示前 ${MONTH_LIMIT} 次：请选择下级组织或改用列表查看`}
        />
      ) : null}
      <Flex gap={16} wrap aria-label="图例">
        {(['planned', 'held', 'closed'] as const).map((s) => (
          <Badge key={s} color={STATUS_COLORS[s]} text={statusLabel(s)} />
        ))}
      </Flex>
      <Calendar
        value={month}
        onPanelChange={(date, mode) => {
          if (mode === 'month') onMonthChange(date);
        }}
        onSelect={(date, info) => {
          if (info.source !== 'date') onMonthChange(date);
        }}
        cellRender={(current, info) => {
          if (info.type !== 'date') return info.originNode;
          const list = days.get(current.format('YYYY-MM-DD')) ?? [];
          if (list.length === 0) return null;
          return (
            <Flex vertical gap={2} data-testid={`meetings-${current.format('YYYY-MM-DD')}`}>
              {list.map((m) => (
                <MeetingEntry key={m.id} meeting={m} />
              ))}
            </Flex>
          );
        }}
      />
    </Flex>
  );
}
