import { Alert, DatePicker, Flex, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { BatchMoveBody } from '../../../contracts/member-batch.ts';
import {
  type BatchRefusalRow,
  batchRefusalsOf,
  type MemberSelection,
  useMoveMembers,
} from '../../api/member-batch.ts';
import { contractRules } from '../../ui/contract-rules.ts';
import { DATE_FORMAT, isoDate } from '../../ui/dates.ts';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { ReceivingOrgSelect } from '../transfers/ReceivingOrgSelect.tsx';
import { BatchRefusals } from './BatchRefusals.tsx';

type Values = { toOrgId: number; effectiveOn: Dayjs; reason?: string };

type BatchMoveModalProps = {
  open: boolean;
  onClose: () => void;
  onDone: (count: number) => void;
  selection: MemberSelection;
  count: number;
};

/**
 * 调整党小组 (docs/membership.md §2): the selected members to one 党小组 of their branch, or back to the branch
 * itself. All or nothing: when anyone cannot move, the list says who and why and nothing is changed.
 */
export function BatchMoveModal({ open, onClose, onDone, selection, count }: BatchMoveModalProps) {
  const [form] = Form.useForm<Values>();
  const move = useMoveMembers();
  const handleError = useApiErrorHandler();
  const [refusals, setRefusals] = useState<BatchRefusalRow[]>([]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ effectiveOn: dayjs() });
    setRefusals([]);
  }, [open, form]);

  const submit = (values: Values) =>
    move.mutate(
      {
        selection,
        toOrgId: values.toOrgId,
        effectiveOn: isoDate(values.effectiveOn),
        reason: values.reason?.trim() || null,
      },
      {
        onSuccess: (done) => onDone(done.count),
        onError: (error) => {
          const rows = batchRefusalsOf(error);
          setRefusals(rows);
          if (rows.length === 0)
            handleError(error, { form, knownFields: ['toOrgId', 'effectiveOn', 'reason'] });
        },
      },
    );

  return (
    <Modal
      title="调整党小组"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="确认调整"
      cancelText="取消"
      confirmLoading={move.isPending}
      destroyOnHidden
      width={600}
    >
      <Flex vertical gap={12}>
        <Typography.Text>
          将选中的 <Typography.Text strong>{count}</Typography.Text>{' '}
          名党员调整到同一党支部内的党小组（或调回党支部本身）。这不是组织关系转接，不开具介绍信。
        </Typography.Text>
        <Form name="batchMove" form={form} layout="vertical" onFinish={submit} aria-label="调整党小组">
          <Form.Item
            label="调整到"
            name="toOrgId"
            rules={[{ required: true, message: '请选择党小组或党支部' }]}
            extra="选中的党员须都在该组织所属的党支部内"
          >
            <ReceivingOrgSelect aria-label="调整到" currentOrgId={0} />
          </Form.Item>
          <Form.Item
            label="调整日期"
            name="effectiveOn"
            rules={[{ required: true, message: '请选择调整日期' }]}
          >
            <DatePicker
              format={DATE_FORMAT}
              style={{ width: '100%' }}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            />
          </Form.Item>
          <Form.Item label="说明" name="reason" rules={contractRules(BatchMoveBody.shape.reason)}>
            <Input.TextArea rows={2} placeholder="选填，如：按居住楼栋重新划分党小组" />
          </Form.Item>
        </Form>
        <BatchRefusals rows={refusals} />
        {refusals.length === 0 ? (
          <Alert type="info" showIcon title="有任何一名党员不能调整时，整批都不调整，并列出原因。" />
        ) : null}
      </Flex>
    </Modal>
  );
}
