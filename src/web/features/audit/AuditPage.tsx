import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Flex, Form, Input, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ENTITY_TYPE_LABELS,
  type AuditAction,
  type AuditEntityType,
} from '../../../contracts/audit.ts';
import { ROLE_LABELS, type Role } from '../../../domain/access/index.ts';
import { type AuditEntry, type AuditFilter, exportAuditLogs, useAuditLogs } from '../../api/audit.ts';
import { ChangeTable } from '../../ui/ChangeTable.tsx';
import { DATE_FORMAT, formatDateTime, toIsoDate } from '../../ui/dates.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { FilterPanel } from '../../ui/FilterPanel.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';

type FilterValues = {
  range?: [Dayjs | null, Dayjs | null] | null;
  actor?: string;
  action?: AuditAction;
  entityType?: AuditEntityType;
};

function toFilter(values: FilterValues): AuditFilter {
  return {
    from: toIsoDate(values.range?.[0]),
    to: toIsoDate(values.range?.[1]),
    actor: values.actor?.trim() || undefined,
    action: values.action || undefined,
    entityType: values.entityType || undefined,
  };
}

const roleLabel = (role: string | null) => (role ? (ROLE_LABELS[role as Role] ?? role) : '—');

/** 审计日志: who did what, to which record, from where; each entry's before/after; export to Excel. */
export function AuditPage() {
  const [form] = Form.useForm<FilterValues>();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [exporting, setExporting] = useState(false);
  const logs = useAuditLogs(filter, page, pageSize);
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();

  const onExport = async () => {
    setExporting(true);
    try {
      await exportAuditLogs(filter);
      message.success('已导出当前筛选条件下的审计日志');
    } catch (error) {
      handleError(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title="审计日志"
        description="系统中每一次登录、授权、参数修改和业务数据变更均留痕，日志只可追加、不可修改或删除。"
        extra={
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={onExport}>
            导出
          </Button>
        }
      />
      <FilterPanel<FilterValues>
        name="auditFilter"
        form={form}
        onSearch={(values) => {
          setFilter(toFilter(values));
          setPage(1);
        }}
        onReset={() => {
          setFilter({});
          setPage(1);
        }}
      >
        <Form.Item label="时间范围" name="range">
          <DatePicker.RangePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="操作" name="action">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="全部操作"
            options={Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="操作人用户名" name="actor">
          <Input placeholder="如：city_org" allowClear />
        </Form.Item>
        <Form.Item label="对象类型" name="entityType">
          <Select
            allowClear
            placeholder="全部类型"
            options={Object.entries(AUDIT_ENTITY_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
      </FilterPanel>
      <Card>
        {logs.isError ? (
          <ErrorState error={logs.error} what="审计日志" onRetry={() => logs.refetch()} />
        ) : (
          <Table<AuditEntry>
            rowKey="id"
            size="middle"
            loading={logs.isFetching}
            dataSource={logs.data?.items ?? []}
            scroll={{ x: 1000 }}
            pagination={{
              current: page,
              pageSize,
              total: logs.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => `共 ${total} 条`,
              onChange: (p, size) => {
                setPage(size !== pageSize ? 1 : p);
                setPageSize(size);
              },
            }}
            locale={{
              emptyText: <EmptyState description="没有符合条件的日志，请调整时间范围或筛选条件。" />,
            }}
            expandable={{
              expandedRowRender: (entry) => (
                <Flex vertical gap={4}>
                  <ChangeTable diff={entry.diff} />
                  {entry.userAgent ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      客户端：{entry.userAgent}
                    </Typography.Text>
                  ) : null}
                </Flex>
              ),
            }}
            columns={[
              { title: '时间', dataIndex: 'at', width: 170, render: formatDateTime },
              {
                title: '操作人',
                dataIndex: 'actorUsername',
                width: 130,
                render: (v: string | null) =>
                  v ?? <Typography.Text type="secondary">（系统）</Typography.Text>,
              },
              { title: '角色', dataIndex: 'role', width: 110, render: roleLabel },
              {
                title: '操作',
                dataIndex: 'action',
                width: 130,
                render: (action: AuditAction) => AUDIT_ACTION_LABELS[action],
              },
              {
                title: '对象',
                key: 'entity',
                render: (_, e) =>
                  `${AUDIT_ENTITY_TYPE_LABELS[e.entityType]}${e.entityId ? ` #${e.entityId}` : ''}`,
              },
              { title: '组织', dataIndex: 'orgName', render: (v: string | null) => v ?? '—' },
              { title: 'IP', dataIndex: 'ip', width: 140, render: (v: string | null) => v ?? '—' },
            ]}
          />
        )}
      </Card>
    </>
  );
}
