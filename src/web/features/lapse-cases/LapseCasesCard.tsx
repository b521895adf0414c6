import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import {
  isOnRoster,
  LAPSE_CASE_STATUS_LABELS,
  LAPSE_CAUSE_LABELS,
  LAPSE_OUTCOME_LABELS,
  LAPSE_OUTCOME_STEPS,
  LAPSE_OUTCOMES,
  LAPSE_STEP_LABELS,
  LAPSE_STEPS,
  type LapseOutcome,
  type LapseStepKey,
} from '../../../domain/membership/index.ts';
import {
  type LapseCaseView,
  type MemberLapseCases,
  useCloseLapseCase,
  useMemberLapseCases,
  useOpenLapseCase,
  useRecordLapseStep,
} from '../../api/lapse-cases.ts';
import type { MemberDetail } from '../../api/members.ts';
import { DATE_FORMAT, formatDate, isoDate } from '../../ui/dates.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { StatusChangeModal } from '../members/StatusChangeModal.tsx';

/** `2026-03` → 2026年3月. */
export function monthLabel(key: string): string {
  const [y, m] = key.split('-');
  return `${y}年${Number(m)}月`;
}

export const runLabel = (c: { runFrom: string; runTo: string }) =>
  `${monthLabel(c.runFrom)}至${monthLabel(c.runTo)}`;

/** The tag of a case's state: 办理中, or 已办结 with its outcome. */
export function LapseCaseStatusTag({ c }: { c: Pick<LapseCaseView, 'status' | 'outcome'> }) {
  if (c.status === 'open') return <Tag color="processing">{LAPSE_CASE_STATUS_LABELS.open}</Tag>;
  return (
    <Tag color={c.outcome === 'removal' ? 'error' : 'default'}>
      {LAPSE_CASE_STATUS_LABELS.closed}
      {c.outcome ? `：${LAPSE_OUTCOME_LABELS[c.outcome].split('，')[0]}` : ''}
    </Tag>
  );
}

type StepValues = { key: LapseStepKey; on: Dayjs; note?: string };

/** Records the date (and a note) of one step of the procedure. */
function StepForm({ c }: { c: LapseCaseView }) {
  const [form] = Form.useForm<StepValues>();
  const record = useRecordLapseStep();
  const handleError = useApiErrorHandler();
  const next = c.steps.find((s) => s.on === null)?.key ?? 'investigate';
  return (
    <Form<StepValues>
      form={form}
      layout="inline"
      initialValues={{ key: next, on: dayjs() }}
      onFinish={(v) =>
        record.mutate(
          { id: c.id, version: c.version, key: v.key, on: isoDate(v.on), note: v.note },
          {
            onSuccess: () => form.resetFields(['note']),
            onError: (e) =>
              handleError(e, {
                form,
                reasonFields: {
                  lapse_case_step_in_future: 'on',
                  lapse_case_step_before_opening: 'on',
                  lapse_case_approval_before_meeting: 'key',
                },
              }),
          },
        )
      }
    >
      <Form.Item name="key" label="办理步骤">
        <Select
          aria-label="办理步骤"
          style={{ width: 220 }}
          options={LAPSE_STEPS.map((s) => ({ value: s.key, label: s.label }))}
        />
      </Form.Item>
      <Form.Item name="on" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker format={DATE_FORMAT} aria-label="步骤日期" />
      </Form.Item>
      <Form.Item name="note" label="说明">
        <Input aria-label="步骤说明" maxLength={500} style={{ width: 240 }} />
      </Form.Item>
      <Form.Item>
        <Button htmlType="submit" loading={record.isPending}>
          记录
        </Button>
      </Form.Item>
    </Form>
  );
}

type CloseValues = { outcome: LapseOutcome; note?: string; deadline?: Dayjs | null };

/** 办结 with the branch's outcome: the steps it needs, a valid reason stated, the deadline of 限期改正. */
function CloseModal({ c, onClose }: { c: LapseCaseView; onClose: () => void }) {
  const [form] = Form.useForm<CloseValues>();
  const close = useCloseLapseCase();
  const handleError = useApiErrorHandler();
  const outcome = Form.useWatch('outcome', form);
  const recorded = new Set(c.steps.filter((s) => s.on !== null).map((s) => s.key));
  const missing = outcome ? LAPSE_OUTCOME_STEPS[outcome].filter((k) => !recorded.has(k)) : [];
  return (
    <Modal
      open
      title="办结自行脱党情形"
      okText="办结"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={close.isPending}
    >
      <Form<CloseValues>
        form={form}
        layout="vertical"
        onFinish={(v) =>
          close.mutate(
            {
              id: c.id,
              version: c.version,
              outcome: v.outcome,
              note: v.note,
              deadline: v.outcome === 'rectification' && v.deadline ? isoDate(v.deadline) : null,
            },
            {
              onSuccess: onClose,
              onError: (e) =>
                handleError(e, {
                  form,
                  reasonFields: {
                    lapse_case_steps_incomplete: 'outcome',
                    lapse_case_reason_required: 'note',
                    lapse_case_deadline_required: 'deadline',
                    lapse_case_deadline_not_future: 'deadline',
                  },
                }),
            },
          )
        }
      >
        <Form.Item name="outcome" label="处理结果" rules={[{ required: true, message: '请选择处理结果' }]}>
          <Select
            aria-label="处理结果"
            options={LAPSE_OUTCOMES.map((o) => ({ value: o, label: LAPSE_OUTCOME_LABELS[o] }))}
          />
        </Form.Item>
        {missing.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={`办结前须先记录：${missing.map((k) => LAPSE_STEP_LABELS[k]).join('、')}`}
          />
        ) : null}
        {outcome === 'removal' ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="办结后请在党员信息中办理出党（出党类别选“自行脱党除名”），录入支部大会决定和上级批准；本案件不会改变党员状态。"
          />
        ) : null}
        <Form.Item
          name="note"
          label={outcome === 'valid_reason' ? '正当理由' : '说明'}
          rules={
            outcome === 'valid_reason'
              ? [{ required: true, whitespace: true, message: '请写明正当理由' }]
              : []
          }
        >
          <Input.TextArea rows={3} maxLength={1000} aria-label="说明" />
        </Form.Item>
        {outcome === 'rectification' ? (
          <Form.Item name="deadline" label="改正期限" rules={[{ required: true, message: '请选择改正期限' }]}>
            <DatePicker format={DATE_FORMAT} aria-label="改正期限" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

/** One case: its run, steps and outcome; the step form and 办结 while open; after 除名, the way to 出党. */
function LapseCaseItem({ c, member }: { c: LapseCaseView; member: MemberDetail }) {
  const [closing, setClosing] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const canLeave = c.outcome === 'removal' && member.can.changeStatus && isOnRoster(member.status);
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <span>{LAPSE_CAUSE_LABELS[c.cause]}</span>
          <Typography.Text type="secondary">（{runLabel(c)}）</Typography.Text>
          <LapseCaseStatusTag c={c} />
        </Space>
      }
      extra={
        c.can.change ? (
          <Button type="primary" size="small" onClick={() => setClosing(true)}>
            办结
          </Button>
        ) : null
      }
    >
      <Flex vertical gap={8}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
          <Descriptions.Item label="立案日期">{formatDate(c.openedOn)}</Descriptions.Item>
          <Descriptions.Item label="立案支部">{c.openedInOrgName}</Descriptions.Item>
          {c.closedOn ? (
            <Descriptions.Item label="办结日期">{formatDate(c.closedOn)}</Descriptions.Item>
          ) : null}
          {c.outcome ? (
            <Descriptions.Item label="处理结果">{LAPSE_OUTCOME_LABELS[c.outcome]}</Descriptions.Item>
          ) : null}
          {c.outcomeNote ? <Descriptions.Item label="说明">{c.outcomeNote}</Descriptions.Item> : null}
          {c.deadline ? (
            <Descriptions.Item label="改正期限">{formatDate(c.deadline)}</Descriptions.Item>
          ) : null}
        </Descriptions>
        <Space direction="vertical" size={0} aria-label="办理步骤">
          {c.steps.map((s) => (
            <span key={s.key}>
              {s.on ? '✔' : '○'} {s.label}
              {s.on ? `（${formatDate(s.on)}${s.note ? `，${s.note}` : ''}）` : ''}
            </span>
          ))}
        </Space>
        {c.can.change ? <StepForm c={c} /> : null}
        {c.outcome === 'removal' && isOnRoster(member.status) ? (
          <Alert
            type="warning"
            showIcon
            title="支部大会已决定按自行脱党除名"
            description="请办理出党：出党类别选“自行脱党除名”，录入支部大会决定；上级党组织批准后党员状态才会改变。"
            action={
              canLeave ? (
                <Button size="small" danger onClick={() => setLeaving(true)}>
                  办理出党
                </Button>
              ) : null
            }
          />
        ) : null}
      </Flex>
      {closing ? <CloseModal c={c} onClose={() => setClosing(false)} /> : null}
      {leaving ? <StatusChangeModal member={member} kind="leave" onClose={() => setLeaving(false)} /> : null}
    </Card>
  );
}

/** 立案 for one cause: enabled while the 6-month to-do stands; otherwise the reason, on hover. */
function OpenButton({ memberId, cause }: { memberId: number; cause: MemberLapseCases['causes'][number] }) {
  const open = useOpenLapseCase();
  const handleError = useApiErrorHandler();
  const button = (
    <Popconfirm
      title={`按“${LAPSE_CAUSE_LABELS[cause.cause]}”立案？`}
      description="立案后由党支部核实情况、了解有无正当理由，并按程序办理；系统不会改变党员状态。"
      okText="立案"
      cancelText="取消"
      disabled={!cause.canOpen}
      onConfirm={() => open.mutate({ memberId, cause: cause.cause }, { onError: (e) => handleError(e) })}
    >
      <Button disabled={!cause.canOpen} loading={open.isPending}>
        立案：{LAPSE_CAUSE_LABELS[cause.cause]}
      </Button>
    </Popconfirm>
  );
  return cause.why ? (
    <Tooltip title={cause.why}>
      <span>{button}</span>
    </Tooltip>
  ) : (
    button
  );
}

/**
 * 自行脱党情形 (党章第九条, docs/membership.md §6) on the member's page: the 6-month to-dos that allow a case, 立案, the
 * cases with their procedure, and 办结. Nothing here changes the member's status.
 */
export function LapseCasesCard({ member }: { member: MemberDetail }) {
  const cases = useMemberLapseCases(member.id);
  if (cases.isPending) return <LoadingState />;
  if (cases.isError) {
    return <ErrorState error={cases.error} what="自行脱党情形" onRetry={() => cases.refetch()} />;
  }
  const { items, causes } = cases.data;
  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        党章第九条：党员没有正当理由，连续六个月不参加党的组织生活，或不交纳党费，或不做党所分配的工作，就被认为是自行脱党，支部大会应决定把这样的党员除名，并报上级党组织批准。满六个月时系统在待办中提示，由党支部立案核实、按程序办理；系统不会自动改变党员状态。
      </Typography.Paragraph>
      {causes
        .filter((c) => c.finding)
        .map((c) => (
          <Alert key={c.cause} type="error" showIcon title={c.finding?.message} />
        ))}
      <Space wrap>
        {causes.map((c) => (
          <OpenButton key={c.cause} memberId={member.id} cause={c} />
        ))}
      </Space>
      {items.length === 0 ? (
        <Typography.Text type="secondary">暂无自行脱党情形案件。</Typography.Text>
      ) : (
        items.map((c) => <LapseCaseItem key={c.id} c={c} member={member} />)
      )}
    </Flex>
  );
}

/** Above the member's tabs: a 6-month to-do waiting for a case, or a case being handled. */
export function LapseCaseNotice({ memberId, onShow }: { memberId: number; onShow: () => void }) {
  const cases = useMemberLapseCases(memberId);
  if (!cases.data) return null;
  const waiting = cases.data.causes.filter((c) => c.finding && c.canOpen);
  const open = cases.data.items.filter((c) => c.status === 'open');
  if (waiting.length === 0 && open.length === 0) return null;
  const title =
    waiting.length > 0
      ? `${waiting.map((c) => LAPSE_CAUSE_LABELS[c.cause]).join('、')}，请立案办理（党章第九条）`
      : `自行脱党情形办理中：${open.map((c) => LAPSE_CAUSE_LABELS[c.cause]).join('、')}`;
  return (
    <Alert
      type={waiting.length > 0 ? 'error' : 'info'}
      showIcon
      title={title}
      action={
        <Button size="small" onClick={onShow}>
          查看
        </Button>
      }
    />
  );
}
