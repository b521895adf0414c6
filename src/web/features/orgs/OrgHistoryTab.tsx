import { Timeline, Typography } from 'antd';
import { ORG_EVENT_KIND_LABELS } from '../../../contracts/orgs.ts';
import { type OrgEvent, useOrgEvents } from '../../api/orgs.ts';
import { formatDate, formatDateTime } from '../../ui/dates.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { OrgEventDetails } from './OrgEventDetails.tsx';

const EVENT_COLORS: Record<OrgEvent['kind'], string> = {
  established: 'green',
  updated: 'blue',
  moved: 'blue',
  dissolved: 'gray',
};

/** 历史: the org's effective-dated events, latest first. */
export function OrgHistoryTab({ orgId }: { orgId: number }) {
  const events = useOrgEvents(orgId);
  if (events.isPending) return <LoadingState />;
  if (events.isError)
    return <ErrorState error={events.error} what="历史记录" onRetry={() => events.refetch()} />;
  if (events.data.length === 0) return <EmptyState description="暂无历史记录。" />;
  const sorted = [...events.data].sort((a, b) =>
    a.effectiveOn === b.effectiveOn
      ? b.recordedAt.localeCompare(a.recordedAt)
      : b.effectiveOn.localeCompare(a.effectiveOn),
  );
  return (
    <Timeline
      style={{ marginTop: 8 }}
      items={sorted.map((event) => ({
        key: event.id,
        color: EVENT_COLORS[event.kind],
        content: (
          <>
            <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
              {formatDate(event.effectiveOn)} {ORG_EVENT_KIND_LABELS[event.kind]}
            </Typography.Text>
            <OrgEventDetails event={event} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              记录于 {formatDateTime(event.recordedAt)}
            </Typography.Text>
          </>
        ),
      }))}
    />
  );
}
