import { type GlobalToken, Timeline, Typography, theme } from 'antd';
import type { MemberEvent } from '../../api/members.ts';
import { formatDate, formatDateTime } from '../../ui/dates.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import {
  type EventTone,
  memberChangeLine,
  memberEventLabel,
  memberEventTone,
} from './member-event-labels.ts';

const toneColor = (tone: EventTone, token: GlobalToken) =>
  ({
    gain: token.colorSuccess,
    loss: token.colorError,
    end: token.colorTextQuaternary,
    change: token.colorInfo,
  })[tone];

function EventLine({ event }: { event: MemberEvent }) {
  const parts: string[] = [];
  const change = memberChangeLine(event.fromValue, event.toValue);
  if (change) parts.push(change);
  if (event.toOrgName || event.toOrgId) {
    parts.push(`${event.orgName ?? '原组织'} → ${event.toOrgName ?? '其他组织'}`);
  } else if (event.orgName) {
    parts.push(`所在组织：${event.orgName}`);
  }
  return (
    <>
      {parts.map((p) => (
        <Typography.Text key={p} style={{ display: 'block' }}>
          {p}
        </Typography.Text>
      ))}
      {event.approval ? (
        <Typography.Text style={{ display: 'block' }}>
          会议日期 {formatDate(event.effectiveOn)} / 批准日期 {formatDate(event.approval.approvedOn)}（
          {event.approval.approvingOrgName}，{event.approval.documentNo}）
        </Typography.Text>
      ) : event.countedOn !== event.effectiveOn ? (
        <Typography.Text type="secondary" style={{ display: 'block' }}>
          计入台账日期：{formatDate(event.countedOn)}
        </Typography.Text>
      ) : null}
      {event.reason ? (
        <Typography.Text type="secondary" style={{ display: 'block' }}>
          说明：{event.reason}
        </Typography.Text>
      ) : null}
    </>
  );
}

/** 历史: the member's effective-dated events, latest first, in Chinese. */
export function MemberHistoryTab({ events }: { events: MemberEvent[] }) {
  const { token } = theme.useToken();
  if (events.length === 0) return <EmptyState description="暂无历史记录。" />;
  const sorted = [...events].sort((a, b) =>
    a.effectiveOn === b.effectiveOn
      ? b.recordedAt.localeCompare(a.recordedAt)
      : b.effectiveOn.localeCompare(a.effectiveOn),
  );
  return (
    <Timeline
      style={{ marginTop: 8 }}
      aria-label="党员历史记录"
      items={sorted.map((event) => ({
        key: event.id,
        color: toneColor(memberEventTone(event.kind), token),
        content: (
          <>
            <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
              {formatDate(event.effectiveOn)} {memberEventLabel(event.kind)}
            </Typography.Text>
            <EventLine event={event} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              记录于 {formatDateTime(event.recordedAt)}
            </Typography.Text>
          </>
        ),
      }))}
    />
  );
}
