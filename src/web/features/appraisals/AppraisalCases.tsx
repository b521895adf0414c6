import {
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  APPRAISAL_CASE_STATUS_LABELS,
  APPRAISAL_GRADE_LABELS,
  APPRAISAL_MEASURE_LABELS,
  type AppraisalMeasure,
} from '../../../domain/org-life/index.ts';
import {
  type AppraisalCaseView,
  type AppraisalView,
  useCreateCase,
  useDeleteCase,
  useUpdateCase,
} from '../../api/appraisals.ts';
import { DATE_FORMAT, isoDate } from '../../ui/dates.ts';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';

type NewCase = {
  memberId: number;
  measure: AppraisalMeasure;
  openedOn: Dayjs;
  deadlineOn?: Dayjs | null;
  note?: string;
};

function NewCaseModal({ round, onClose }: { round: AppraisalView; onClose: () => void }) {
  const [form] = Form.useForm<NewCase>();
  const create = useCreateCase();
  const handleError = useApiErrorHandler();
  const memberId = Form.useWatch('memberId', form);
  const lower = round.items.filter((p) => p.measures.length > 0);
  const measures = lower.find((p) => p.memberId === memberId)?.measures ?? [];
  return (
    <Modal
      open
      title="登记处置"
      okText="登记"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
    >
      <Form<NewCase>
        form={form}
        layout="vertical"
        initialValues={{ openedOn: dayjs() }}
        onFinish={(v) =>
          create.mutate(
            {
              id: round.id,
              memberId: v.memberId,
              measure: v.measure,
              openedOn: isoDate(v.openedOn),
              deadlineOn: v.deadlineOn ? isoDate(v.deadlineOn) : null,
              note: v.note,
            },
            {
              onSuccess: onClose,
              onError: (e) =>
                handleError(e, { form, reasonFields: { appraisal_measure_not_for_grade: 'measure' } }),
            },
          )
        }
      >
        <Form.Item name="memberId" label="党员" rules={[{ required: true, message: '请选择党员' }]}>
          <Select
            aria-label="党员"
            options={lower.map((p) => ({
              value: p.memberId,
              label: `${p.name}（${p.grade ? APPRAISAL_GRADE_LABELS[p.grade] : ''}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="measure" label="处置措施" rules={[{ required: true, message: '请选择处置措施' }]}>
          <Select
            aria-label="处置措施"
            options={measures.map((m) => ({ value: m, label: APPRAISAL_MEASURE_LABELS[m] }))}
          />
        </Form.Item>
        <Form.Item name="openedOn" label="登记日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item name="deadlineOn" label="改正期限（限期改正）">
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Records the day of the next step of a case's procedure, or finishes it. */
function CaseActions({ c, memberId }: { c: AppraisalCaseView; memberId: number }) {
  const update = useUpdateCase();
  const remove = useDeleteCase();
  const handleError = useApiErrorHandler();
  const [on, setOn] = useState<Dayjs | null>(dayjs());
  const next = c.steps.find((s) => s.on === null);
  const recorded = Object.fromEntries(
    c.steps.filter((s) => s.on !== null).map((s) => [s.key, { on: s.on as string, note: s.note }]),
  );
  if (c.status !== 'open') return null;
  return (
    <Space wrap>
      {next ? (
        <>
          <DatePicker
            size="small"
            format={DATE_FORMAT}
            value={on}
            onChange={setOn}
            aria-label={`${next.label}的日期`}
          />
          <Button
            size="small"
            disabled={!on}
            onClick={() =>
              update.mutate(
                {
                  id: c.id,
                  version: c.version,
                  steps: { ...recorded, [next.key]: { on: isoDate(on as Dayjs) } },
                },
                { onError: (e) => handleError(e) },
              )
            }
          >
            登记“{next.label}”
          </Button>
        </>
      ) : (
        <Button
          size="small"
          type="primary"
          onClick={() =>
            update.mutate(
              { id: c.id, version: c.version, status: 'done' },
              { onError: (e) => handleError(e) },
            )
          }
        >
          办结
        </Button>
      )}
      <Button
        size="small"
        onClick={() =>
          update.mutate(
            { id: c.id, version: c.version, status: 'withdrawn' },
            { onError: (e) => handleError(e) },
          )
        }
      >
        撤销
      </Button>
      <Popconfirm
        title="删除这条误登记的处置？"
        onConfirm={() => remove.mutate({ id: c.id, version: c.version }, { onError: (e) => handleError(e) })}
      >
        <Button size="small" danger>
          删除
        </Button>
      </Popconfirm>
      {c.changesStatusOnMemberPage ? <Link to={`/members/${memberId}`}>到党员信息办理出党</Link> : null}
    </Space>
  );
}

/** The follow-up of the 基本合格 and 不合格 grades: one case per measure, with its procedure (never automatic). */
export function AppraisalCases({ round }: { round: AppraisalView }) {
  const [creating, setCreating] = useState(false);
  const needed = round.items.some((p) => p.measures.length > 0);
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">
          评为基本合格的党员予以教育帮助；不合格的先教育，再按规定限期改正、劝其退党或除名。劝退、除名须在党员信息中按出党程序办理，系统不会自动改变党员状态。
        </Typography.Text>
        {round.can.manage && needed ? <Button onClick={() => setCreating(true)}>登记处置</Button> : null}
      </Flex>
      <Table<AppraisalCaseView>
        rowKey="id"
        size="small"
        pagination={false}
        aria-label="处置"
        dataSource={round.cases}
        locale={{ emptyText: needed ? '尚未登记处置' : '没有评为基本合格或不合格的党员' }}
        columns={[
          { title: '党员', dataIndex: 'memberName', width: 100 },
          {
            title: '措施',
            key: 'measure',
            width: 100,
            render: (_, c) => APPRAISAL_MEASURE_LABELS[c.measure],
          },
          {
            title: '程序',
            key: 'steps',
            render: (_, c) => (
              <Space direction="vertical" size={0}>
                {c.steps.map((s) => (
                  <span key={s.key}>
                    {s.on ? '✔' : '○'} {s.label}
                    {s.on ? `（${s.on}）` : ''}
                  </span>
                ))}
              </Space>
            ),
          },
          { title: '期限', dataIndex: 'deadlineOn', width: 110 },
          {
            title: '状态',
            key: 'status',
            width: 90,
            render: (_, c) => (
              <Tag color={c.status === 'open' ? 'blue' : 'default'}>
                {APPRAISAL_CASE_STATUS_LABELS[c.status]}
              </Tag>
            ),
          },
          ...(round.can.manage
            ? [
                {
                  title: '办理',
                  key: 'actions',
                  render: (_: unknown, c: AppraisalCaseView) => <CaseActions c={c} memberId={c.memberId} />,
                },
              ]
            : []),
        ]}
      />
      {creating ? <NewCaseModal round={round} onClose={() => setCreating(false)} /> : null}
    </>
  );
}
