import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Descriptions, Empty, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { MEETING_KIND_LABELS } from '../../../domain/org-life/index.ts';
import { type MeetingRegisterEntry, useMeetingRegister } from '../../api/meeting-register.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';

const kindsText = (e: MeetingRegisterEntry) => e.kinds.map((k) => MEETING_KIND_LABELS[k]).join('、');

function absenteesText(e: MeetingRegisterEntry): string {
  if (e.absentees.length === 0) return '无';
  return e.absentees
    .map((a) => {
      const what = a.attendance === 'leave' ? `请假${a.leaveReason ? `：${a.leaveReason}` : ''}` : '缺席';
      return `${a.name}（${what}${a.makeUpOn ? `，已补课 ${a.makeUpOn}` : ''}）`;
    })
    .join('、');
}

/** One meeting of the register as its page of the paper book: never split across two sheets when it fits one. */
function MeetingRecord({ entry, n }: { entry: MeetingRegisterEntry; n: number }) {
  const time = [entry.startTime, entry.endTime].filter(Boolean).join('–');
  return (
    <section
      aria-label={`第${n}次会议：${entry.heldOn} ${entry.topic}`}
      style={{ breakInside: 'avoid', marginBottom: 24 }}
    >
      <Typography.Title level={5}>
        第{n}次　{entry.heldOn}　{entry.topic}
      </Typography.Title>
      <Descriptions
        bordered
        size="small"
        column={2}
        items={[
          { key: 'time', label: '时间', children: `${entry.heldOn} ${time}` },
          { key: 'org', label: '召开组织', children: entry.orgName },
          { key: 'kinds', label: '会议类型', children: kindsText(entry) },
          { key: 'place', label: '地点', children: entry.place ?? '' },
          { key: 'host', label: '主持人', children: entry.host ?? '' },
          { key: 'recorder', label: '记录人', children: entry.recorder ?? '' },
          {
            key: 'counts',
            label: '应到 / 实到 / 请假 / 缺席',
            span: 2,
            children: `${entry.expected} / ${entry.present} / ${entry.leave} / ${entry.absent}`,
          },
          { key: 'absentees', label: '请假、缺席人员', span: 2, children: absenteesText(entry) },
          {
            key: 'minutes',
            label: '会议记录',
            span: 2,
            children: <div style={{ whiteSpace: 'pre-wrap' }}>{entry.minutes ?? ''}</div>,
          },
          {
            key: 'resolutions',
            label: '决议',
            span: 2,
            children: <div style={{ whiteSpace: 'pre-wrap' }}>{entry.resolutions ?? ''}</div>,
          },
        ]}
      />
    </section>
  );
}

/**
 * 打印会议记录本 (docs/organizational-life.md §4): every closed meeting of an org and its 党小组 in a year, in date
 * order, one record after another as the paper book keeps them. `?orgId=&year=`.
 */
export function MeetingRegisterPrintPage() {
  const [params] = useSearchParams();
  const [today] = useState(() => dayjs().startOf('day'));
  const id = Number(params.get('orgId'));
  const orgId = Number.isInteger(id) && id > 0 ? id : undefined;
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : today.year();
  const register = useMeetingRegister(orgId, year);
  const back = `/org-life/compliance?${new URLSearchParams({
    ...(orgId ? { orgId: String(orgId) } : {}),
    period: String(year),
  }).toString()}`;

  return (
    <>
      <div className="no-print">
        <Link to={back}>
          <ArrowLeftOutlined /> 返回组织生活达标
        </Link>
      </div>
      <PageHeader
        title="会议记录本"
        documentTitle="打印会议记录本"
        description="打印本年度已办结的全部会议记录。"
        extra={
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            disabled={!register.isSuccess}
            onClick={() => window.print()}
          >
            打印
          </Button>
        }
      />
      {orgId === undefined ? (
        <ErrorState error={null} what="党组织" />
      ) : register.isError ? (
        <ErrorState error={register.error} what="会议记录本" onRetry={() => register.refetch()} />
      ) : !register.isSuccess ? (
        <LoadingState tip="正在读取会议记录…" />
      ) : (
        <article aria-label="打印会议记录本" data-testid="meeting-register-print">
          <Typography.Title level={4} style={{ textAlign: 'center' }}>
            {register.data.orgName} {year}年 会议记录本
          </Typography.Title>
          <Typography.Paragraph>
            共 {register.data.meetings.length} 次会议　打印日期：{today.format('YYYY年M月D日')}
          </Typography.Paragraph>
          {register.data.meetings.length === 0 ? (
            <Empty description={`${year}年没有已办结的会议。`} />
          ) : (
            register.data.meetings.map((entry, i) => (
              <MeetingRecord key={entry.meetingId} entry={entry} n={i + 1} />
            ))
          )}
        </article>
      )}
    </>
  );
}
