import { DatePicker, Form, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  MEETING_STATUS_LABELS,
  MEETING_STATUSES,
} from '../../../domain/org-life/index.ts';
import {
  type MeetingKind,
  type MeetingListItem,
  type MeetingStatus,
  useMeetings,
} from '../../api/meetings.ts';
import { DATE_FORMAT, toIsoDate } from '../../ui/dates.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { FilterPanel } from '../../ui/FilterPanel.tsx';
import { countsText, kindsText, meetingDay, STATUS_COLORS, statusLabel } from './meeting-display.ts';

type Filters = { kind?: MeetingKind; status?: MeetingStatus; period?: [Dayjs | null, Dayjs | null] | null };

const COLUMNS = [
  {
    title: '日期',
    key: 'day',
    width: 110,
    render: (_: unknown, m: MeetingListItem) => meetingDay(m),
  },
  { title: '党组织', dataIndex: 'orgName', key: 'orgName', ellipsis: true },
  {
    title: '会议类型',
    key: 'kinds',
    render: (_: unknown, m: MeetingListItem) => kindsText(m.kinds),
  },
  {
    title: '主题',
    key: 'topic',
    render: (_: unknown, m: MeetingListItem) => <Link to={`/meetings/${m.id}`}>{m.topic}</Link>,
  },
  {
    title: '状态',
    key: 'status',
    width: 90,
    render: (_: unknown, m: MeetingListItem) => (
      <Tag color={STATUS_COLORS[m.status]}>{statusLabel(m.status)}</Tag>
    ),
  },
  {
    title: '出勤',
    key: 'counts',
    render: (_: unknown, m: MeetingListItem) => (
      <Typography.Text type="secondary">{countsText(m.counts)}</Typography.Text>
    ),
  },
  { title: '地点', dataIndex: 'place', key: 'place', ellipsis: true },
];

/** 会议列表 for the levels above: the subtree's meetings, filtered by kind, status and period. */
export function MeetingList({ orgId }: { orgId: number | undefined }) {
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const meetings = useMeetings({
    orgId,
    kind: filters.kind,
    status: filters.status,
    from: toIsoDate(filters.period?.[0]),
    to: toIsoDate(filters.period?.[1]),
    page,
    pageSize,
  });

  return (
    <>
      <FilterPanel<Filters>
        name="meetingFilter"
        form={form}
        onSearch={(values) => {
          setFilters(values);
          setPage(1);
        }}
        onReset={() => {
          setFilters({});
          setPage(1);
        }}
      >
        <Form.Item label="会议类型" name="kind">
          <Select
            allowClear
            aria-label="会议类型"
            placeholder="全部类型"
            options={MEETING_KINDS.map((k) => ({ value: k, label: MEETING_KIND_LABELS[k] }))}
          />
        </Form.Item>
        <Form.Item label="状态" name="status">
          <Select
            allowClear
            aria-label="会议状态"
            placeholder="全部状态"
            options={MEETING_STATUSES.map((s) => ({ value: s, label: MEETING_STATUS_LABELS[s] }))}
          />
        </Form.Item>
        <Form.Item label="时间范围" name="period">
          <DatePicker.RangePicker format={DATE_FORMAT} style={{ width: '100%' }} allowEmpty={[true, true]} />
        </Form.Item>
      </FilterPanel>
      {meetings.isError ? (
        <ErrorState error={meetings.error} what="会议" onRetry={() => meetings.refetch()} />
      ) : (
        <Table<MeetingListItem>
          aria-label="会议列表"
          rowKey="id"
          size="middle"
          columns={COLUMNS}
          dataSource={meetings.data?.items ?? []}
          loading={meetings.isFetching}
          locale={{ emptyText: '没有符合条件的会议' }}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page,
            pageSize,
            total: meetings.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => `共 ${n} 次会议`,
            onChange: (p, size) => {
              setPage(size !== pageSize ? 1 : p);
              setPageSize(size);
            },
          }}
        />
      )}
    </>
  );
}
