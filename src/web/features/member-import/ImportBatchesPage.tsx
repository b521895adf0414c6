import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Table, Tag, Tooltip, Typography, theme } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import {
  IMPORT_BATCH_STATUS_LABELS,
  IMPORT_BATCH_STATUSES,
  IMPORT_MODE_LABELS,
  type ImportBatchStatus as Status,
} from '../../../contracts/member-import.ts';
import { type ImportBatchView, useImportBatches } from '../../api/member-import.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { EXCEL_FORMAT_LABELS } from '../members/excel-formats.ts';
import { UndoBatchButton } from './UndoBatchButton.tsx';

/** 导入记录: each committed import as a batch, undoable while its members have not changed. */
export function ImportBatchesPage() {
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const [params] = useSearchParams();
  const highlighted = Number(params.get('batch')) || undefined;
  const [status, setStatus] = useState<Status | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const batches = useImportBatches({ status, page, pageSize });

  return (
    <>
      <PageHeader
        title="导入记录"
        description="每次导入形成一个批次。批次中的党员导入后没有任何变动时，可以撤销整批导入。"
        extra={
          <Button type="primary" icon={<UploadOutlined />} onClick={() => navigate('/member-imports/new')}>
            导入党员
          </Button>
        }
      />
      <Card>
        <Flex justify="flex-end" style={{ marginBottom: 16 }}>
          <Select<Status>
            allowClear
            aria-label="批次状态"
            placeholder="全部状态"
            style={{ width: 160 }}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={IMPORT_BATCH_STATUSES.map((s) => ({ value: s, label: IMPORT_BATCH_STATUS_LABELS[s] }))}
          />
        </Flex>
        {batches.isError ? (
          <ErrorState error={batches.error} what="导入记录" onRetry={() => batches.refetch()} />
        ) : (
          <Table<ImportBatchView>
            rowKey="id"
            size="middle"
            aria-label="导入批次"
            loading={batches.isFetching}
            dataSource={batches.data?.items ?? []}
            scroll={{ x: 1100 }}
            onRow={(b) => (b.id === highlighted ? { style: { background: token.colorPrimaryBg } } : {})}
            locale={{
              emptyText: (
                <EmptyState
                  description={
                    status ? '没有符合条件的批次。' : '还没有导入记录：点击“导入党员”从 Excel 批量导入。'
                  }
                />
              ),
            }}
            pagination={{
              current: page,
              pageSize,
              total: batches.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (n) => `共 ${n} 个批次`,
              onChange: (p, size) => {
                setPage(size !== pageSize ? 1 : p);
                setPageSize(size);
              },
            }}
            columns={[
              { title: '批次', key: 'id', width: 70, render: (_, b) => `#${b.id}` },
              {
                title: '文件',
                key: 'file',
                render: (_, b) => (
                  <Flex vertical>
                    <Typography.Text ellipsis={{ tooltip: b.fileName }} style={{ maxWidth: 260 }}>
                      {b.fileName}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {EXCEL_FORMAT_LABELS[b.format]} · {IMPORT_MODE_LABELS[b.mode]}
                    </Typography.Text>
                  </Flex>
                ),
              },
              { title: '导入到', key: 'org', render: (_, b) => b.orgName },
              {
                title: '行数 / 导入 / 有误',
                key: 'counts',
                width: 150,
                render: (_, b) => `${b.rowCount} / ${b.importedCount} / ${b.errorCount}`,
              },
              {
                title: '状态',
                key: 'status',
                width: 100,
                render: (_, b) =>
                  b.status === 'undone' ? (
                    <Tooltip
                      title={`${b.undoneByName ?? b.undoneBy ?? ''} 于 ${formatDateTime(b.undoneAt)} 撤销`}
                    >
                      <Tag>已撤销</Tag>
                    </Tooltip>
                  ) : (
                    <Tag color="success">已导入</Tag>
                  ),
              },
              {
                title: '导入人 / 时间',
                key: 'created',
                width: 190,
                render: (_, b) => (
                  <Flex vertical>
                    <span title={b.createdBy ?? undefined}>{b.createdByName ?? b.createdBy ?? '—'}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(b.createdAt)}
                    </Typography.Text>
                  </Flex>
                ),
              },
              {
                title: '操作',
                key: 'actions',
                width: 140,
                fixed: 'right',
                render: (_, b) =>
                  b.status === 'committed' && b.importedCount > 0 ? (
                    <UndoBatchButton
                      batchId={b.id}
                      importedCount={b.importedCount}
                      size="small"
                      type="link"
                    />
                  ) : null,
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
