import { DownloadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  Select,
  Table,
  type TableColumnsType,
  Tooltip,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ENTITY_TYPE_LABELS,
  type AuditAction,
  type AuditEntityType,
} from '../../../contracts/audit.ts';
import { ROLE_LABELS, type Role } from '../../../domain/access/index.ts';
import { type AuditEntry, type AuditFilter, exportAuditLogs, useAuditLogs } from '../../api/audit.ts';
import { ChangeTable } from '../../ui/ChangeTable.tsx';
import { useColumnSettings } from '../../ui/ColumnSettings.tsx';
import { DATE_FORMAT, formatDateTime, toIsoDate } from '../../ui/dates.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { FilterPanel } from '../../ui/FilterPanel.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { auditStateFromSearch, searchFromAuditState } from './audit-query.ts';

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

function toValues(filter: AuditFilter): FilterValues {
  return {
    range:
      filter.from || filter.to
        ? [filter.from ? dayjs(filter.from) : null, filter.to ? dayjs(filter.to) : null]
        : null,
    ...(filter.actor ? { actor: filter.actor } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
  };
}

const roleLabel = (role: string | null) => (role ? (ROLE_LABELS[role as Role] ?? role) : '—');

/** Cut to its cell, whole on hover. */
const cut = (text: string) => (
  <Tooltip title={text} placement="topLeft">
    <span>{text}</span>
  </Tooltip>
);

/** What an entry is about: the kind of record and its name (the server names only what is in scope). */
function entityText(e: AuditEntry): string {
  const kind = AUDIT_ENTITY_TYPE_LABELS[e.entityType];
  if (e.entityName) return `${kind}：${e.entityName}`;
  return e.entityId ? `${kind}（编号 ${e.entityId}）` : kind;
}

const COLUMNS: TableColumnsType<AuditEntry> = [
  { title: '时间', key: 'at', dataIndex: 'at', width: 160, render: formatDateTime },
  {
    title: '操作人',
    key: 'actor',
    width: 150,
    ellipsis: { showTitle: false },
    render: (_, e) =>
      e.actorUsername ? (
        <Tooltip title={`用户名：${e.actorUsername}`} placement="topLeft">
          <span>{e.actorName ?? e.actorUsername}</span>
        </Tooltip>
      ) : (
        <Typography.Text type="secondary">（系统）</Typography.Text>
      ),
  },
  { title: '角色', key: 'role', dataIndex: 'role', width: 110, render: roleLabel },
  {
    title: '操作',
    key: 'action',
    dataIndex: 'action',
    width: 150,
    ellipsis: { showTitle: false },
    render: (action: AuditAction) => cut(AUDIT_ACTION_LABELS[action]),
  },
  { title: '对象', key: 'entity', ellipsis: { showTitle: false }, render: (_, e) => cut(entityText(e)) },
  {
    title: '组织',
    key: 'org',
    dataIndex: 'orgName',
    ellipsis: { showTitle: false },
    render: (v: string | null) => (v ? cut(v) : '—'),
  },
  { title: 'IP', key: 'ip', dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
];

/** 审计日志: who did what, to which record, from where; each entry's before/after; export to Excel. */
export function AuditPage() {
  const [form] = Form.useForm<FilterValues>();
  // The filter and the page live in the address (back, reload and a shared link keep them).
  const [params, setParams] = useSearchParams();
  const { filter, page, pageSize } = useMemo(() => auditStateFromSearch(params), [params]);
  const go = (next: { filter?: AuditFilter; page?: number; pageSize?: number }) =>
    setParams(searchFromAuditState({ filter, page, pageSize, ...next }));
  const [exporting, setExporting] = useState(false);
  const settings = useColumnSettings(COLUMNS, { table: 'audit', locked: ['at', 'action'] });
  // The form follows the address, not the other way round.
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toValues(filter));
  }, [form, filter]);
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
        onSearch={(values) => go({ filter: toFilter(values), page: 1 })}
        onReset={() => go({ filter: {}, page: 1 })}
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
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          {settings.button}
        </Flex>
        {logs.isError ? (
          <ErrorState error={logs.error} what="审计日志" onRetry={() => logs.refetch()} />
        ) : (
          <Table<AuditEntry>
            rowKey="id"
            size="middle"
            loading={logs.isFetching}
            dataSource={logs.data?.items ?? []}
            scroll={{ x: 1000 }}
            tableLayout="fixed"
            aria-label="审计日志"
            pagination={{
              current: page,
              pageSize,
              total: logs.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => `共 ${total} 条`,
              onChange: (p, size) => go({ page: size !== pageSize ? 1 : p, pageSize: size }),
            }}
            locale={{
              emptyText: <EmptyState description="没有符合条件的日志，请调整时间范围或筛选条件。" />,
            }}
            expandable={{
              expandedRowRender: (entry) => (
                <Flex vertical gap={4}>
                  <ChangeTable diff={entry.diff} names={entry.refNames} />
                  {entry.userAgent ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      客户端：{entry.userAgent}
                    </Typography.Text>
                  ) : null}
                </Flex>
              ),
            }}
            columns={settings.columns}
          />
        )}
      </Card>
    </>
  );
}
