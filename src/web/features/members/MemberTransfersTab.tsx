import { useTransfers } from '../../api/transfers.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { TransferTable } from '../transfers/TransferTable.tsx';

/** 组织关系转接 of one member, latest first. */
export function MemberTransfersTab({ memberId, canTransfer }: { memberId: number; canTransfer: boolean }) {
  const transfers = useTransfers({ memberId, direction: 'both', page: 1, pageSize: 100 });
  if (transfers.isError) {
    return <ErrorState error={transfers.error} what="转接记录" onRetry={() => transfers.refetch()} />;
  }
  const items = transfers.data?.items ?? [];
  return (
    <TransferTable
      hideMember
      items={items}
      loading={transfers.isFetching}
      pagination={false}
      emptyText={canTransfer ? '暂无转接记录。需要转接组织关系时，点击上方“转出”。' : '暂无转接记录。'}
    />
  );
}
