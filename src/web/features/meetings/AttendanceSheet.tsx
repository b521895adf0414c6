import { useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Flex, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { MEMBER_STATUS_LABELS } from '../../../domain/membership/index.ts';
import {
  ATTENDANCE_STATUS_LABELS,
  ATTENDANCE_STATUSES,
  CHECK_IN_SOURCE_LABELS,
  EXPECTED_EXCLUSION_REASON_LABELS,
} from '../../../domain/org-life/index.ts';
import {
  type Attendee,
  type Meeting,
  meetingKeys,
  useAttendance,
  useMeetingPolicy,
  usePutAttendance,
} from '../../api/meetings.ts';
import { DATE_FORMAT, formatChineseDate, formatDateTime, fromIsoDate, toIsoDate } from '../../ui/dates.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { AttendanceSummary } from './AttendanceSummary.tsx';
import {
  type AttendanceDraft,
  type AttendeeFields,
  changedEntries,
  leaveWithoutReason,
  markUnrecorded,
  merged,
  withChange,
} from './attendance-draft.ts';

const ATTENDANCE_OPTIONS = ATTENDANCE_STATUSES.map((s) => ({ value: s, label: ATTENDANCE_STATUS_LABELS[s] }));

/**
 * 出勤登记: 应到会 from the roster of the meeting's day, each attendee present / 请假 (with reason) / 缺席, taken out
 * of 应到会 with a configured reason, and 补课 within the configured days. The QR check-ins show as 扫码签到; the
 * secretary's entries are saved together (audited).
 */
export function AttendanceSheet({ meeting }: { meeting: Meeting }) {
  const attendance = useAttendance(meeting.id);
  const policy = useMeetingPolicy();
  const put = usePutAttendance(meeting.id);
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<AttendanceDraft>(new Map());
  const editable = meeting.can.edit;
  const attendees = attendance.data?.attendees ?? [];
  const change = (a: Attendee, c: Partial<AttendeeFields>) => setDraft((d) => withChange(d, a, c));
  const reasons = policy.data?.exclusionReasons ?? [];
  const makeUpDays = policy.data?.makeUpDays;
  const meetingDay = fromIsoDate(attendance.data?.rosterDate);

  const columns: ColumnsType<Attendee> = [
    {
      title: '姓名',
      key: 'name',
      fixed: 'left',
      render: (_, a) => (
        <Space size={4} wrap>
          <span>{a.name}</span>
          <Tag variant="filled">{MEMBER_STATUS_LABELS[a.memberStatus]}</Tag>
          {a.hasVote ? null : <Tag>无表决权</Tag>}
        </Space>
      ),
    },
    { title: '所在组织', dataIndex: 'orgName', key: 'orgName', ellipsis: true },
    {
      title: '不计入应到会',
      key: 'excluded',
      width: 220,
      render: (_, a) => {
        const row = merged(a, draft);
        return (
          <Flex vertical gap={4}>
            <Select
              allowClear
              size="small"
              aria-label={`${a.name}不计入应到会的事由`}
              placeholder="计入应到会"
              disabled={!editable}
              value={row.excludedReason ?? undefined}
              onChange={(v) => change(a, { excludedReason: v ?? null })}
              options={reasons.map((r) => ({ value: r, label: EXPECTED_EXCLUSION_REASON_LABELS[r] }))}
              style={{ width: '100%' }}
            />
            {row.excludedReason ? (
              <Input
                size="small"
                aria-label={`${a.name}不计入应到会的说明`}
                placeholder="说明（选填）"
                disabled={!editable}
                value={row.excludedNote ?? ''}
                onChange={(e) => change(a, { excludedNote: e.target.value || null })}
              />
            ) : null}
          </Flex>
        );
      },
    },
    {
      title: '出勤',
      key: 'attendance',
      width: 220,
      render: (_, a) => {
        const row = merged(a, draft);
        return (
          <Radio.Group
            size="small"
            optionType="button"
            aria-label={`${a.name}的出勤`}
            disabled={!editable || row.excludedReason !== null}
            value={row.attendance}
            options={ATTENDANCE_OPTIONS}
            onChange={(e) => change(a, { attendance: e.target.value })}
          />
        );
      },
    },
    {
      title: '请假事由 / 补课',
      key: 'details',
      width: 260,
      render: (_, a) => {
        const row = merged(a, draft);
        return (
          <Flex vertical gap={4}>
            {row.attendance === 'leave' ? (
              <Input
                size="small"
                aria-label={`${a.name}的请假事由`}
                placeholder="请假事由（必填）"
                disabled={!editable}
                status={row.leaveReason?.trim() ? undefined : 'error'}
                value={row.leaveReason ?? ''}
                onChange={(e) => change(a, { leaveReason: e.target.value || null })}
              />
            ) : null}
            {row.attendance === 'leave' || row.attendance === 'absent' ? (
              <Flex gap={4}>
                <DatePicker
                  size="small"
                  aria-label={`${a.name}的补课日期`}
                  placeholder="补课日期"
                  format={DATE_FORMAT}
                  disabled={!editable}
                  value={fromIsoDate(row.makeUpOn)}
                  disabledDate={(d) =>
                    d.isAfter(dayjs(), 'day') ||
                    (meetingDay !== null &&
                      (d.isBefore(meetingDay, 'day') ||
                        (makeUpDays !== undefined && d.isAfter(meetingDay.add(makeUpDays, 'day'), 'day'))))
                  }
                  onChange={(d) => change(a, { makeUpOn: toIsoDate(d) ?? null })}
                />
                {row.makeUpOn ? (
                  <Input
                    size="small"
                    aria-label={`${a.name}的补课说明`}
                    placeholder="补课方式"
                    disabled={!editable}
                    value={row.makeUpNote ?? ''}
                    onChange={(e) => change(a, { makeUpNote: e.target.value || null })}
                  />
                ) : null}
              </Flex>
            ) : null}
          </Flex>
        );
      },
    },
    {
      title: '签到',
      key: 'checkIn',
      width: 170,
      render: (_, a) =>
        a.checkedInAt ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.checkInSource ? CHECK_IN_SOURCE_LABELS[a.checkInSource] : ''} {formatDateTime(a.checkedInAt)}
          </Typography.Text>
        ) : null,
    },
  ];

  if (attendance.isPending) return <LoadingState />;
  if (attendance.isError) {
    return <ErrorState error={attendance.error} what="出勤情况" onRetry={() => attendance.refetch()} />;
  }
  const view = attendance.data;

  const save = () => {
    const missing = leaveWithoutReason(draft, attendees);
    if (missing.length > 0) {
      message.error(`请填写请假事由：${missing.join('、')}`);
      return;
    }
    put.mutate(
      { version: meeting.version, attendees: changedEntries(draft, attendees) },
      {
        onSuccess: (next) => {
          queryClient.setQueryData(meetingKeys.attendance(meeting.id), next);
          setDraft(new Map());
          message.success('出勤已保存');
        },
        onError: (error) =>
          handleError(error, {
            onConflict: () => {
              setDraft(new Map());
              void attendance.refetch();
            },
          }),
      },
    );
  };

  return (
    <Flex vertical gap={16}>
      <AttendanceSummary counts={view.counts} quorum={view.quorum} />
      <Typography.Text type="secondary">
        应到会人员按{formatChineseDate(view.rosterDate)}的党员名册生成
        {makeUpDays !== undefined ? `；补课须在会后 ${makeUpDays} 天内` : ''}。
      </Typography.Text>
      {editable ? (
        <Flex gap={8} wrap>
          <Button type="primary" disabled={draft.size === 0} loading={put.isPending} onClick={save}>
            保存出勤{draft.size > 0 ? `（${draft.size} 人）` : ''}
          </Button>
          <Button onClick={() => setDraft((d) => markUnrecorded(d, attendees, 'present'))}>
            未登记的记为出席
          </Button>
          <Button onClick={() => setDraft((d) => markUnrecorded(d, attendees, 'absent'))}>
            未登记的记为缺席
          </Button>
          {draft.size > 0 ? <Button onClick={() => setDraft(new Map())}>放弃修改</Button> : null}
        </Flex>
      ) : null}
      <Table<Attendee>
        aria-label="出勤登记"
        rowKey="memberId"
        size="small"
        columns={columns}
        dataSource={attendees}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '会议日期该组织名册上没有党员' }}
      />
    </Flex>
  );
}
