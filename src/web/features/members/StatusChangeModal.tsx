import { Alert, App, Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { MemberEventBody } from '../../../contracts/members.ts';
import {
  LEFT_REASON_LABELS,
  type LeavingCategory,
  probationEndOf,
} from '../../../domain/membership/index.ts';
import { useRecordDecision } from '../../api/member-decisions.ts';
import { type MemberDetail, useMemberEvent, useReloadMember } from '../../api/members.ts';
import { contractRules } from '../../ui/contract-rules.ts';
import { DATE_FORMAT, formatDate, fromIsoDate, isoDate, todayIso, toIsoDate } from '../../ui/dates.ts';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { APPROVAL_FIELDS, type ApprovalValues, DecisionApprovalFields } from './DecisionApprovalFields.tsx';
import {
  decisionKindOf,
  earliestChangeDate,
  extensionRange,
  leavingProcedure,
  leftReasonsFor,
  type StatusChangeKind,
  statusChange,
} from './status-changes.ts';

type Values = {
  effectiveOn: Dayjs;
  reason?: string;
  leftReason?: LeavingCategory;
  approvalOrgName?: string;
  approvalDocumentNo?: string;
  approvalOn?: Dayjs | null;
  unreachable?: boolean;
  probationEndsOn?: Dayjs | null;
  lostContactOn?: Dayjs | null;
  /** A decision (转正, 延长预备期, 出党 approved above) recorded with its approval already given. */
  approved?: boolean;
} & ApprovalValues;

const FIELDS = [
  'effectiveOn',
  'reason',
  'leftReason',
  'approvalOrgName',
  'approvalDocumentNo',
  'approvalOn',
  'unreachable',
  'probationEndsOn',
  'lostContactOn',
  ...APPROVAL_FIELDS,
];
/** The rules' refusals (src/domain/membership/member-rules.ts) that belong to one field. */
const REASON_FIELDS = {
  confirm_before_probation_end: 'effectiveOn',
  event_in_future: 'effectiveOn',
  event_before_admission: 'effectiveOn',
  event_before_last_change: 'effectiveOn',
  probation_already_extended: 'probationEndsOn',
  probation_extension_out_of_range: 'probationEndsOn',
  left_reason_required: 'leftReason',
  probation_cancel_not_probationary: 'leftReason',
  leave_category_not_for_probationary: 'leftReason',
  leave_unreachable_not_lapsed: 'unreachable',
  leave_procedure_missing: 'approvalOrgName',
  leave_procedure_in_future: 'approvalOn',
  leave_procedure_before_decision: 'approvalOn',
  lost_contact_on_out_of_range: 'lostContactOn',
  reason_required: 'reason',
  approval_before_meeting: 'approvedOn',
  approval_in_future: 'approvedOn',
};

/** The end of the 预备期, extended or not. */
const probationEnd = (m: MemberDetail) => m.probationEndsOn ?? probationEndOf(m.admittedOn);

/** One status change: its date and fields, and what will happen, before the user confirms. */
export function StatusChangeModal({
  member,
  kind,
  onClose,
}: {
  member: MemberDetail;
  kind: StatusChangeKind | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const change = useMemberEvent(member.id);
  const recordDecision = useRecordDecision(member.id);
  const { message } = App.useApp();
  // What the rules accepted but flagged (an early extension, 停止党籍 before six months of lost contact).
  const showWarnings = (saved: MemberDetail) => {
    for (const w of saved.warnings) {
      if (!member.warnings.some((x) => x.reason === w.reason)) message.warning(w.message, 8);
    }
  };
  const reload = useReloadMember();
  const handleError = useApiErrorHandler();
  const def = kind ? statusChange(kind) : null;
  const range = extensionRange(member.admittedOn);
  const earliest = earliestChangeDate(member.admittedOn, member.events);
  // 转正 only once the 预备期 is over (党章第七条): before that the modal says when, and cannot be confirmed.
  const tooEarly = kind === 'confirm' && probationEnd(member) > todayIso();
  const category = Form.useWatch('leftReason', form);
  const procedure = category ? leavingProcedure(category) : null;
  // 转正, 延长预备期 and the 出党 the level above approves are 支部大会 decisions, pending until approved (§12).
  const decisionKind = kind ? decisionKindOf(kind, category) : null;
  const approved = Form.useWatch('approved', form);
  const meetingOn = Form.useWatch('effectiveOn', form);

  useEffect(() => {
    if (!kind) return;
    form.resetFields();
    form.setFieldsValue({
      effectiveOn: dayjs(),
      probationEndsOn:
        kind === 'extend_probation' ? fromIsoDate(extensionRange(member.admittedOn).earliest) : null,
    });
  }, [kind, member, form]);

  if (!kind || !def) return null;

  const onError = (error: unknown) =>
    handleError(error, {
      form,
      knownFields: FIELDS,
      reasonFields: REASON_FIELDS,
      onConflict: () => {
        reload(member.id);
        onClose();
      },
    });

  const submitDecision = (values: Values, decided: NonNullable<typeof decisionKind>) =>
    recordDecision.mutate(
      {
        version: member.version,
        kind: decided,
        meetingOn: isoDate(values.effectiveOn),
        reason: values.reason?.trim() || null,
        leftReason: decided === 'leave' ? values.leftReason : undefined,
        unreachable: values.leftReason === 'removed_lapsed' ? values.unreachable === true : undefined,
        probationEndsOn: decided === 'extend_probation' ? toIsoDate(values.probationEndsOn) : undefined,
        approval:
          values.approved && values.approvedOn
            ? {
                approvingOrgName: values.approvingOrgName?.trim() ?? '',
                approvedOn: isoDate(values.approvedOn),
                documentNo: values.documentNo?.trim() ?? '',
              }
            : undefined,
      },
      {
        onSuccess: (saved) => {
          showWarnings(saved);
          if (saved.decisions.length > 0) message.info('已录入支部大会决定，待上级党组织批准后生效');
          onClose();
        },
        onError,
      },
    );

  const submit = (values: Values) =>
    decisionKind
      ? submitDecision(values, decisionKind)
      : change.mutate(
          {
            version: member.version,
            kind,
            effectiveOn: isoDate(values.effectiveOn),
            reason: values.reason?.trim() || null,
            ...(kind === 'leave'
              ? {
                  leftReason: values.leftReason,
                  approvalOrgName: values.approvalOrgName?.trim() || null,
                  approvalDocumentNo: values.approvalDocumentNo?.trim() || null,
                  approvalOn: toIsoDate(values.approvalOn),
                  unreachable:
                    values.leftReason === 'removed_lapsed' ? values.unreachable === true : undefined,
                }
              : {}),
            probationEndsOn: kind === 'extend_probation' ? toIsoDate(values.probationEndsOn) : undefined,
            lostContactOn: kind === 'mark_unreachable' ? toIsoDate(values.lostContactOn) : undefined,
          },
          {
            onSuccess: (saved) => {
              showWarnings(saved);
              onClose();
            },
            onError,
          },
        );

  return (
    <Modal
      title={`${def.label} — ${member.name}`}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={`确认${def.label}`}
      cancelText="取消"
      okButtonProps={{ danger: def.danger, disabled: tooEarly }}
      confirmLoading={change.isPending || recordDecision.isPending}
      destroyOnHidden
    >
      <Alert
        type={def.danger ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        title="确认后将发生："
        description={
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {def.consequences.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        }
      />
      <Form name={`member-${kind}`} form={form} layout="vertical" onFinish={submit} aria-label={def.label}>
        <Form.Item
          label={decisionKind ? '支部大会日期' : def.dateLabel}
          name="effectiveOn"
          rules={[{ required: true, message: `请选择${decisionKind ? '支部大会日期' : def.dateLabel}` }]}
        >
          <DatePicker
            format={DATE_FORMAT}
            style={{ width: '100%' }}
            disabledDate={(d) =>
              d.isAfter(dayjs(), 'day') ||
              d.isBefore(dayjs(earliest), 'day') ||
              (kind === 'confirm' && d.isBefore(dayjs(probationEnd(member)), 'day'))
            }
          />
        </Form.Item>
        {kind === 'confirm' ? (
          <Alert
            type={tooEarly ? 'error' : 'info'}
            style={{ marginBottom: 16 }}
            title={
              tooEarly
                ? `预备期至 ${formatDate(probationEnd(member))} 届满，届满后方可讨论转正。`
                : `预备期满日期：${formatDate(probationEnd(member))}，转正时间将记为该日。`
            }
          />
        ) : null}
        {kind === 'extend_probation' ? (
          <Form.Item
            label="延长至"
            name="probationEndsOn"
            rules={[{ required: true, message: '请选择延长后的预备期满日期' }]}
            extra={`原预备期 ${formatDate(probationEndOf(member.admittedOn))} 届满，延长后应在 ${range.earliest} 至 ${range.latest} 之间届满`}
          >
            <DatePicker
              format={DATE_FORMAT}
              style={{ width: '100%' }}
              disabledDate={(d) =>
                d.isBefore(dayjs(range.earliest), 'day') || d.isAfter(dayjs(range.latest), 'day')
              }
            />
          </Form.Item>
        ) : null}
        {kind === 'mark_unreachable' ? (
          <Form.Item label="失去联系日期" name="lostContactOn" extra="不填则与确认失联日期相同">
            <DatePicker
              format={DATE_FORMAT}
              style={{ width: '100%' }}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            />
          </Form.Item>
        ) : null}
        {kind === 'leave' ? (
          <Form.Item
            label="出党类别"
            name="leftReason"
            rules={[{ required: true, message: '请选择出党类别' }]}
          >
            <Select
              aria-label="出党类别"
              options={leftReasonsFor(member.status).map((r) => ({ value: r, label: LEFT_REASON_LABELS[r] }))}
            />
          </Form.Item>
        ) : null}
        {kind === 'leave' && procedure && !decisionKind ? (
          <>
            <Form.Item
              label={procedure.orgLabel}
              name="approvalOrgName"
              rules={contractRules(MemberEventBody.shape.approvalOrgName, {
                required: `请填写${procedure.orgLabel}`,
              })}
            >
              <Input />
            </Form.Item>
            <Form.Item
              label={procedure.documentLabel}
              name="approvalDocumentNo"
              rules={contractRules(MemberEventBody.shape.approvalDocumentNo, {
                required: procedure.documentRequired ? `请填写${procedure.documentLabel}` : undefined,
              })}
            >
              <Input placeholder={procedure.documentRequired ? undefined : '选填'} />
            </Form.Item>
            <Form.Item
              label={procedure.dateLabel}
              name="approvalOn"
              rules={[{ required: true, message: `请选择${procedure.dateLabel}` }]}
            >
              <DatePicker
                format={DATE_FORMAT}
                style={{ width: '100%' }}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              />
            </Form.Item>
            {category === 'removed_lapsed' ? (
              <Form.Item name="unreachable" valuePropName="checked">
                <Checkbox>经多方查找确实无法取得联系</Checkbox>
              </Form.Item>
            ) : null}
          </>
        ) : null}
        {decisionKind ? (
          <>
            <Form.Item
              name="approved"
              valuePropName="checked"
              extra="未经批准的，录入后显示为“待上级批准”，批准后方生效并按批准日期计入台账"
            >
              <Checkbox>已经上级党组织批准（由党支部的上级党组织录入）</Checkbox>
            </Form.Item>
            {approved ? <DecisionApprovalFields meetingOn={meetingOn} /> : null}
            {category === 'removed_lapsed' ? (
              <Form.Item name="unreachable" valuePropName="checked">
                <Checkbox>经多方查找确实无法取得联系</Checkbox>
              </Form.Item>
            ) : null}
          </>
        ) : null}
        <Form.Item
          label={def.reasonLabel}
          name="reason"
          rules={contractRules(MemberEventBody.shape.reason, {
            required: def.reasonRequired ? `请填写${def.reasonLabel}` : undefined,
          })}
        >
          <Input.TextArea rows={3} placeholder={def.reasonRequired ? undefined : '选填'} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
