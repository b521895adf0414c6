import { Alert, DatePicker, Flex, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { BatchTransferBody } from '../../../contracts/member-batch.ts';
import {
  type BatchRefusalRow,
  batchRefusalsOf,
  type MemberSelection,
  useTransferMembers,
} from '../../api/member-batch.ts';
import { contractRules } from '../../ui/contract-rules.ts';
import { DATE_FORMAT, isoDate, toIsoDate } from '../../ui/dates.ts';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { ReceivingOrgSelect } from '../transfers/ReceivingOrgSelect.tsx';
import { BatchRefusals } from './BatchRefusals.tsx';

type Values = {
  toOrgId: number;
  letterNo: string;
  issuedOn: Dayjs;
  validUntil?: Dayjs | null;
  reason?: string;
};

type BatchTransferModalProps = {
  open: boolean;
  onClose: () => void;
  onDone: (count: number) => void;
  selection: MemberSelection;
  count: number;
};

const FIELDS = ['toOrgId', 'letterNo', 'issuedOn', 'validUntil', 'reason'];

/**
 * 批量转接（系统内, docs/membership.md §7): one introduction letter per selected member to one branch or group of
 * the deployment, numbered 编号-1, 编号-2…; each goes through the rules of a single letter, all or nothing.
 */
export function BatchTransferModal({ open, onClose, onDone, selection, count }: BatchTransferModalProps) {
  const [form] = Form.useForm<Values>();
  const transfer = useTransferMembers();
  const handleError = useApiErrorHandler();
  const [refusals, setRefusals] = useState<BatchRefusalRow[]>([]);
  const issuedOn = Form.useWatch('issuedOn', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ issuedOn: dayjs() });
    setRefusals([]);
  }, [open, form]);

  const submit = (values: Values) =>
    transfer.mutate(
      {
        selection,
        toOrgId: values.toOrgId,
        letterNo: values.letterNo.trim(),
        issuedOn: isoDate(values.issuedOn),
        validUntil: toIsoDate(values.validUntil),
        reason: values.reason?.trim() || null,
      },
      {
        onSuccess: (done) => onDone(done.count),
        onError: (error) => {
          const rows = batchRefusalsOf(error);
          setRefusals(rows);
          if (rows.length === 0) handleError(error, { form, knownFields: FIELDS });
        },
      },
    );

  return (
    <Modal
      title="批量转接（系统内）"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="确认转接"
      cancelText="取消"
      confirmLoading={transfer.isPending}
      destroyOnHidden
      width={600}
    >
      <Flex vertical gap={12}>
        <Typography.Text>
          为选中的 <Typography.Text strong>{count}</Typography.Text>{' '}
          名党员各开具一份组织关系介绍信，转往同一接收党组织；接收前党员仍属本组织。
        </Typography.Text>
        <Form name="batchTransfer" form={form} layout="vertical" onFinish={submit} aria-label="批量转接">
          <Form.Item
            label="接收党组织"
            name="toOrgId"
            rules={[{ required: true, message: '请选择接收的党支部或党小组' }]}
          >
            <ReceivingOrgSelect aria-label="接收党组织" currentOrgId={0} />
          </Form.Item>
          <Form.Item
            label="介绍信编号"
            name="letterNo"
            extra="多人时依次编为“编号-1”“编号-2”……（按组织、姓名排序）"
            rules={contractRules(BatchTransferBody.shape.letterNo, { required: '请填写介绍信编号' })}
          >
            <Input placeholder="如：2026-015" />
          </Form.Item>
          <Form.Item label="开具日期" name="issuedOn" rules={[{ required: true, message: '请选择开具日期' }]}>
            <DatePicker
              format={DATE_FORMAT}
              style={{ width: '100%' }}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            />
          </Form.Item>
          <Form.Item label="有效期至" name="validUntil" extra="不填则按默认有效期计算">
            <DatePicker
              format={DATE_FORMAT}
              style={{ width: '100%' }}
              disabledDate={(d) => !!issuedOn && d.isBefore(issuedOn, 'day')}
            />
          </Form.Item>
          <Form.Item label="转出原因" name="reason" rules={contractRules(BatchTransferBody.shape.reason)}>
            <Input.TextArea rows={2} placeholder="选填，如：单位整体搬迁" />
          </Form.Item>
        </Form>
        <BatchRefusals rows={refusals} />
        {refusals.length === 0 ? (
          <Alert type="info" showIcon title="有任何一名党员不能转接时，整批都不转接，并列出原因。" />
        ) : null}
      </Flex>
    </Modal>
  );
}
