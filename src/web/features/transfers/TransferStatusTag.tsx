import { Flex, Tag, Tooltip } from 'antd';
import { TRANSFER_STATUS_LABELS } from '../../../domain/membership/index.ts';
import type { TransferStatus, TransferView } from '../../api/transfers.ts';
import { formatDate } from '../../ui/dates.ts';

const COLORS: Record<TransferStatus, string> = {
  pending: 'processing',
  received: 'success',
  rejected: 'warning',
  cancelled: 'default',
  completed_out: 'default',
};

/** The status, with 已超期 when a pending transfer is past its letter's validity. */
export function TransferStatusTag({ transfer: t }: { transfer: TransferView }) {
  return (
    <Flex gap={4} wrap>
      <Tooltip
        title={t.status === 'rejected' && t.rejectionReason ? `退回理由：${t.rejectionReason}` : undefined}
      >
        <Tag color={COLORS[t.status]} style={{ marginInlineEnd: 0 }}>
          {TRANSFER_STATUS_LABELS[t.status]}
        </Tag>
      </Tooltip>
      {t.overdue ? (
        <Tooltip title={`介绍信有效期至 ${formatDate(t.validUntil)}，已过期仍未接收`}>
          <Tag color="error" style={{ marginInlineEnd: 0 }}>
            已超期
          </Tag>
        </Tooltip>
      ) : null}
    </Flex>
  );
}
