import { Alert, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { OrgDetail } from '../../../contracts/orgs.ts';
import { DissolveOrgBody } from '../../../contracts/orgs.ts';
import { useDissolveOrg, useReloadOrg } from '../../api/orgs.ts';
import { contractRules } from '../../ui/contract-rules.ts';
import { DATE_FORMAT, isoDate } from '../../ui/dates.ts';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';

type Values = { dissolvedOn: Dayjs; reason: string };

/** 撤销组织: says what will happen, asks for the date and the reason. */
export function DissolveOrgModal({
  org,
  open,
  onClose,
}: {
  org: OrgDetail;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const dissolve = useDissolveOrg(org.id);
  const reload = useReloadOrg();
  const handleError = useApiErrorHandler();

  useEffect(() => {
    if (open) form.setFieldsValue({ dissolvedOn: dayjs(), reason: '' });
  }, [open, form]);

  const submit = (values: Values) =>
    dissolve.mutate(
      {
        version: org.version,
        dissolvedOn: isoDate(values.dissolvedOn),
        reason: values.reason.trim(),
      },
      {
        onSuccess: onClose,
        onError: (error) =>
          handleError(error, {
            form,
            knownFields: ['dissolvedOn', 'reason'],
            reasonFields: { dissolved_before_established: 'dissolvedOn', dissolved_in_future: 'dissolvedOn' },
            onConflict: () => {
              reload(org.id);
              onClose();
            },
          }),
      },
    );

  return (
    <Modal
      title={`撤销组织 — ${org.name}`}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="确认撤销"
      okButtonProps={{ danger: true, disabled: org.childCount > 0 }}
      cancelText="取消"
      confirmLoading={dissolve.isPending}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="撤销后将发生："
        description={
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            <li>该组织在组织树中标记为“已撤销”，不能再新建下级组织或调整隶属关系；</li>
            <li>在任班子成员自撤销日期起一并离任（离任原因记为“组织撤销”）；</li>
            <li>不再产生换届、书记空缺等提醒；</li>
            <li>组织信息、班子成员和历史记录予以保留，可随时查阅。</li>
          </ul>
        }
      />
      {org.childCount > 0 ? (
        <Typography.Paragraph type="danger">
          该组织还有 {org.childCount} 个未撤销的下级组织，请先撤销下级组织或将其调整到其他上级组织。
        </Typography.Paragraph>
      ) : null}
      <Form name="dissolveOrg" form={form} layout="vertical" onFinish={submit} aria-label="撤销组织">
        <Form.Item
          label="撤销日期"
          name="dissolvedOn"
          rules={[{ required: true, message: '请选择撤销日期' }]}
        >
          <DatePicker
            format={DATE_FORMAT}
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          />
        </Form.Item>
        <Form.Item
          label="撤销原因"
          name="reason"
          rules={contractRules(DissolveOrgBody.shape.reason, { required: '请填写撤销原因' })}
        >
          <Input.TextArea rows={3} placeholder="如：社区合并，经街道党工委批准撤销（X组字〔2026〕5号）" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
