import { Typography } from 'antd';
import type { OrgEvent } from '../../api/orgs.ts';
import { useOrgDetail } from '../../api/orgs.ts';
import { ChangeTable } from '../../ui/ChangeTable.tsx';

function num(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The parent's name as the move recorded it; events recorded without names fall back to a lookup. */
function OrgName({ side }: { side: Record<string, unknown> }) {
  const recorded = text(side.parentName);
  const id = num(side.parentId);
  const org = useOrgDetail(recorded === undefined ? id : undefined);
  if (recorded !== undefined) return <>{recorded}</>;
  if (id === undefined) return <>—</>;
  return <>{org.data?.name ?? `组织 #${id}`}</>;
}

/** What an org event recorded, in words: the move's two parents, the dissolution's reason, the edited fields. */
export function OrgEventDetails({ event }: { event: OrgEvent }) {
  const d = event.details;
  if (event.kind === 'moved') {
    const size = num(d.subtreeSize);
    return (
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        由 <OrgName side={record(d.from)} /> 调整至 <OrgName side={record(d.to)} />
        {size && size > 1 ? `，连同下级组织共 ${size} 个` : ''}
      </Typography.Paragraph>
    );
  }
  if (event.kind === 'dissolved') {
    const ended = Array.isArray(d.endedPostIds) ? d.endedPostIds.length : 0;
    return (
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        撤销原因：{typeof d.reason === 'string' ? d.reason : '—'}
        {ended > 0 ? `；${ended} 名在任班子成员随之离任` : ''}
      </Typography.Paragraph>
    );
  }
  if (event.kind === 'established') {
    const { parentId: _parent, ...rest } = d;
    return <ChangeTable diff={rest} compact />;
  }
  return <ChangeTable diff={d} compact />;
}
