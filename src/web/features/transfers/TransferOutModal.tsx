import { Alert, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { CreateTransferBody } from '../../../contracts/transfers.ts';
import { DEFAULT_TRANSFER_POLICY } from '../../../domain/membership/index.ts';
import { addMonths } from '../../../domain/shared/index.ts';
import type { MemberDetail } from '../../api/members.ts';
import { useCreateTransfer, useTransferPolicy } from '../../api/transfers.ts';
import { contractRules } from '../../ui/contract-rules.ts';
import { DATE_FORMAT, isoDate, toIsoDate } from '../../ui/dates.ts';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { ReceivingOrgSelect } from './ReceivingOrgSelect.tsx';

type Values = {
  target: 'internal' | 'external';
  toOrgId?: number;
  externalOrgName?: string;
  letterNo: string;
  issuedOn: Dayjs;
  validUntil?: Dayjs | null;
  reason?: string;
};

/**
 * The letter's default validity (docs/membership.md §7.2); the server applies the configured one when none is
 * given.
 */

const FIELDS = ['toOrgId', 'externalOrgName', 'letterNo', 'issuedOn', 'validUntil', 'reason'];
/** The rules' refusals (src/domain/membership/transfer-rules.ts) that belong to one field. */
const REASON_FIELDS = {
  transfer_same_org: 'toOrgId',
  transfer_already_pending: 'toOrgId',
  member_org_not_branch: 'toOrgId',
  member_org_dissolved: 'toOrgId',
  transfer_issued_in_future: 'issuedOn',
  transfer_issued_before_admission: 'issuedOn',
  event_before_last_change: 'issuedOn',
  transfer_valid_until_before_issued: 'validUntil',
};

const INTERNAL_NOTES = [
  '转接进入“待接收”状态，接收党组织确认前，党员仍属本组织，双方都能看到这条转接；',
  '对方接收后，党员转入接收党组织，双方增减台账各记一笔；对方也可说明理由退回；',
  '超过介绍信有效期仍未接收的，标记为“已超期”。',
];
const EXTERNAL_NOTES = [
  '党员状态变为“已转出”，不再计入本组织名册和统计，档案和历史记录保留；',
  '介绍信编号记入档案，作为转出凭据。',
];

/** 转出: to a branch or group inside the deployment, or to an organization outside it by name. */
export function TransferOutModal({
  member,
  open,
  onClose,
}: {
  member: MemberDetail;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const create = useCreateTransfer();
  const handleError = useApiErrorHandler();
  const target = Form.useWatch('target', form) ?? 'internal';
  const issuedOn = Form.useWatch('issuedOn', form);
  const policy = useTransferPolicy();
  const validityMonths =
    policy.data?.transferValidityMonths ?? DEFAULT_TRANSFER_POLICY.transferValidityMonths;
  const defaultUntil = issuedOn ? addMonths(isoDate(issuedOn), validityMonths) : undefined;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ target: 'internal', issuedOn: dayjs() });
  }, [open, form]);

  const submit = (values: Values) =>
    create.mutate(
      {
        memberId: member.id,
        ...(values.target === 'internal'
          ? { toOrgId: values.toOrgId as number, externalOrgName: null }
          : { externalOrgName: values.externalOrgName?.trim() ?? null }),
        letterNo: values.letterNo.trim(),
        issuedOn: isoDate(values.issuedOn),
        validUntil: toIsoDate(values.validUntil),
        reason: values.reason?.trim() || null,
      },
      {
        onSuccess: onClose,
        onError: (error) => handleError(error, { form, knownFields: FIELDS, reasonFields: REASON_FIELDS }),
      },
    );

  return (
    <Modal
      title={`转出 — ${member.name}`}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="确认转出"
      cancelText="取消"
      confirmLoading={create.isPending}
      destroyOnHidden
      width={600}
    >
      <Form name="transferOut" form={form} layout="vertical" onFinish={submit} aria-label="转出">
        <Form.Item label="转往" name="target">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'internal', label: '本系统内党组织' },
              { value: 'external', label: '系统外党组织' },
            ]}
          />
        </Form.Item>
        {target === 'internal' ? (
          <Form.Item
            label="接收党组织"
            name="toOrgId"
            rules={[{ required: true, message: '请选择接收的党支部或党小组' }]}
          >
            <ReceivingOrgSelect aria-label="接收党组织" currentOrgId={member.orgId} />
          </Form.Item>
        ) : (
          <Form.Item
            label="接收党组织名称"
            name="externalOrgName"
            rules={contractRules(CreateTransferBody.shape.externalOrgName, {
              required: '请填写接收党组织的全称',
            })}
          >
            <Input placeholder="如：中共某某市某某区某某街道某某社区委员会" />
          </Form.Item>
        )}
        <Form.Item
          label="介绍信编号"
          name="letterNo"
          rules={contractRules(CreateTransferBody.shape.letterNo, { required: '请填写介绍信编号' })}
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
        <Form.Item
          label="有效期至"
          name="validUntil"
          extra={
            defaultUntil ? `不填则按默认有效期 ${validityMonths} 个月计算，至 ${defaultUntil}` : undefined
          }
        >
          <DatePicker
            format={DATE_FORMAT}
            style={{ width: '100%' }}
            placeholder={defaultUntil ? `默认 ${defaultUntil}` : '默认3个月'}
            disabledDate={(d) => !!issuedOn && d.isBefore(issuedOn, 'day')}
          />
        </Form.Item>
        <Form.Item label="转出原因" name="reason" rules={contractRules(CreateTransferBody.shape.reason)}>
          <Input.TextArea rows={2} placeholder="选填，如：工作单位变动" />
        </Form.Item>
      </Form>
      <Alert
        type="info"
        showIcon
        title="确认后将发生："
        description={
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {(target === 'internal' ? INTERNAL_NOTES : EXTERNAL_NOTES).map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        }
      />
    </Modal>
  );
}
