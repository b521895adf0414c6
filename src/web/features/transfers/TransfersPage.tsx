import { Badge, Card, Checkbox, Flex, Select, Tabs } from 'antd';
import { useState } from 'react';
import { TRANSFER_STATUS_LABELS, TRANSFER_STATUSES } from '../../../domain/membership/index.ts';
import { type TransferDirection, type TransferStatus, useTransfers } from '../../api/transfers.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { TransferTable } from './TransferTable.tsx';

const EMPTY: Record<TransferDirection, string> = {
  outgoing: '暂无转出记录：在党员详情页点击“转出”发起组织关系转接。',
  incoming: '暂无转入本组织的转接。其他组织向本组织转出党员后，会在这里等待您接收。',
  both: '暂无组织关系转接记录：在党员详情页点击“转出”发起转接。',
};

/** 组织关系转接: 转出 / 转入 / 全部, by status; pending ones are received, returned or cancelled here. */
export function TransfersPage() {
  const [direction, setDirection] = useState<TransferDirection>('outgoing');
  const [status, setStatus] = useState<TransferStatus | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const transfers = useTransfers({
    direction,
    status,
    overdue: overdue ? 'true' : undefined,
    page,
    pageSize,
  });
  // What waits for this side to receive, counted on the 转入 tab.
  const waiting = useTransfers({ direction: 'incoming', status: 'pending', page: 1, pageSize: 1 });
  const waitingCount = waiting.data?.total ?? 0;
  const reset = () => setPage(1);

  return (
    <>
      <PageHeader
        title="组织关系转接"
        description="转出的党员在对方接收前仍属本组织；介绍信过期仍未接收的标记为“已超期”。"
      />
      <Card>
        <Tabs
          activeKey={direction}
          onChange={(key) => {
            setDirection(key as TransferDirection);
            reset();
          }}
          items={[
            { key: 'outgoing', label: '转出' },
            {
              key: 'incoming',
              label: (
                <span>
                  转入 <Badge count={waitingCount} size="small" title={`${waitingCount} 条待接收`} />
                </span>
              ),
            },
            { key: 'both', label: '全部' },
          ]}
          tabBarExtraContent={
            <Flex gap={12} align="center">
              <Select<TransferStatus>
                allowClear
                aria-label="转接状态"
                placeholder="全部状态"
                style={{ width: 160 }}
                value={status}
                onChange={(v) => {
                  setStatus(v);
                  reset();
                }}
                options={TRANSFER_STATUSES.map((s) => ({ value: s, label: TRANSFER_STATUS_LABELS[s] }))}
              />
              <Checkbox
                checked={overdue}
                onChange={(e) => {
                  setOverdue(e.target.checked);
                  reset();
                }}
              >
                只看已超期
              </Checkbox>
            </Flex>
          }
        />
        {transfers.isError ? (
          <ErrorState error={transfers.error} what="转接记录" onRetry={() => transfers.refetch()} />
        ) : (
          <TransferTable
            settingsTable="transfers"
            items={transfers.data?.items ?? []}
            loading={transfers.isFetching}
            emptyText={status || overdue ? '没有符合条件的转接，请调整状态筛选。' : EMPTY[direction]}
            pagination={{
              current: page,
              pageSize,
              total: transfers.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (n) => `共 ${n} 条`,
              onChange: (p, size) => {
                setPage(size !== pageSize ? 1 : p);
                setPageSize(size);
              },
            }}
          />
        )}
      </Card>
    </>
  );
}
