import { Alert, App, Button, Flex, Form, Modal } from 'antd';
import { DECISION_KIND_LABELS, LEFT_REASON_LABELS } from '../../../domain/membership/index.ts';
import { type MemberDecision, useApproveDecision, useWithdrawDecision } from '../../api/member-decisions.ts';
import { formatDate, fromIsoDate, isoDate } from '../../ui/dates.ts';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { APPROVAL_FIELDS, type ApprovalValues, DecisionApprovalFields } from './DecisionApprovalFields.tsx';

/** `转正待上级批准（支部大会 2026-10-08 通过）`, with what is overdue. */
export function pendingTitle(d: MemberDecision): string {
  const what =
    d.kind === 'leave' && d.leftReason
      ? `出党（${LEFT_REASON_LABELS[d.leftReason]}）`
      : DECISION_KIND_LABELS[d.kind];
  return `${what}待上级批准（支部大会 ${formatDate(d.meetingOn)} 通过）`;
}

export function pendingDue(d: MemberDecision): string {
  return d.daysLeft >= 0
    ? `应于 ${formatDate(d.dueOn)} 前审批，还有 ${d.daysLeft} 天；批准前党员状态和统计不变。`
    : `已超过审批期限（${formatDate(d.dueOn)}）${-d.daysLeft} 天；批准前党员状态和统计不变。`;
}

/** Records the approval of a pending decision: the level above the branch (docs/membership.md §12). */
export function ApproveDecisionModal({
  decision,
  onClose,
}: {
  decision: MemberDecision;
  onClose: () => void;
}) {
  const [form] = Form.useForm<ApprovalValues>();
  const approve = useApproveDecision();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const submit = (v: ApprovalValues) =>
    approve.mutate(
      {
        id: decision.id,
        version: decision.version,
        approvingOrgName: v.approvingOrgName?.trim() ?? '',
        approvedOn: v.approvedOn ? isoDate(v.approvedOn) : '',
        documentNo: v.documentNo?.trim() ?? '',
      },
      {
        onSuccess: (saved) => {
          for (const w of saved.warnings) message.warning(w.message, 8);
          message.success('已录入上级批准，决定已生效');
          onClose();
        },
        onError: (error) =>
          handleError(error, {
            form,
            knownFields: APPROVAL_FIELDS,
            reasonFields: { approval_before_meeting: 'approvedOn', approval_in_future: 'approvedOn' },
          }),
      },
    );
  return (
    <Modal
      title={`录入批准 — ${decision.memberName}`}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="确认批准"
      cancelText="取消"
      confirmLoading={approve.isPending}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={pendingTitle(decision)}
        description="批准后决定生效：日期仍记为支部大会日期，增减台账和统计按批准日期计入。"
      />
      <Form form={form} layout="vertical" onFinish={submit} aria-label="录入批准" name="approve-decision">
        <DecisionApprovalFields meetingOn={fromIsoDate(decision.meetingOn)} />
      </Form>
    </Modal>
  );
}

/** The member's decisions waiting for approval, with 录入批准 (the level above) and 撤回. */
export function PendingDecisions({
  decisions,
  onApprove,
}: {
  decisions: MemberDecision[];
  onApprove: (d: MemberDecision) => void;
}) {
  const withdraw = useWithdrawDecision();
  const handleError = useApiErrorHandler();
  const { modal, message } = App.useApp();
  const askWithdraw = (d: MemberDecision) =>
    modal.confirm({
      title: '撤回该决定？',
      content: `${pendingTitle(d)}。撤回后不再等待批准，记入审计日志。`,
      okText: '撤回',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () =>
        withdraw.mutateAsync({ id: d.id, version: d.version }).then(
          () => message.success('已撤回'),
          (error) => handleError(error),
        ),
    });
  return decisions.map((d) => (
    <Alert
      key={d.id}
      type={d.daysLeft >= 0 ? 'info' : 'warning'}
      showIcon
      title={pendingTitle(d)}
      description={pendingDue(d)}
      action={
        <Flex gap={8}>
          {d.can.approve ? (
            <Button size="small" type="primary" onClick={() => onApprove(d)}>
              录入批准
            </Button>
          ) : null}
          {d.can.withdraw ? (
            <Button size="small" danger onClick={() => askWithdraw(d)}>
              撤回
            </Button>
          ) : null}
        </Flex>
      }
    />
  ));
}
