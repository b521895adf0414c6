import { Tag } from 'antd';
import {
  LEFT_REASON_LABELS,
  type LeftReason,
  MEMBER_STATUS_LABELS,
  type MemberStatus,
} from '../../../domain/membership/index.ts';

/** antd's preset status colours (from the theme), never raw values. */
const COLORS: Record<MemberStatus, string> = {
  probationary: 'processing',
  full: 'success',
  suspended: 'warning',
  unreachable: 'error',
  left: 'default',
  deceased: 'default',
  transferred_out: 'default',
};

export function MemberStatusTag({
  status,
  leftReason,
}: {
  status: MemberStatus;
  leftReason?: LeftReason | null;
}) {
  const label = MEMBER_STATUS_LABELS[status];
  return (
    <Tag color={COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {status === 'left' && leftReason ? `${label}（${LEFT_REASON_LABELS[leftReason]}）` : label}
    </Tag>
  );
}
