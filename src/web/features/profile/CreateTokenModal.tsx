import { DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { CreateTokenBody } from '../../../contracts/auth.ts';
import { useCreateToken } from '../../api/auth.ts';
import { CopyableSecret } from '../../ui/CopyableSecret.tsx';
import { contractRules } from '../../ui/contract-rules.ts';
import { DATE_FORMAT, toIsoDate } from '../../ui/dates.ts';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';

type Values = { name: string; expiresOn?: Dayjs | null };

/** Creates a token, then shows its secret this one time. */
export function CreateTokenModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const create = useCreateToken();
  const handleError = useApiErrorHandler();
  const [secret, setSecret] = useState<string | null>(null);

  const close = () => {
    setSecret(null);
    form.resetFields();
    onClose();
  };

  const submit = (values: Values) =>
    create.mutate(
      { name: values.name.trim(), expiresOn: toIsoDate(values.expiresOn) ?? null },
      {
        onSuccess: (created) => setSecret(created.token),
        onError: (error) => handleError(error, { form, reasonFields: { expires_in_past: 'expiresOn' } }),
      },
    );

  if (secret) {
    return (
      <Modal
        open={open}
        title="令牌已创建"
        onCancel={close}
        onOk={close}
        okText="我已妥善保存"
        cancelButtonProps={{ style: { display: 'none' } }}
        mask={{ closable: false }}
      >
        <CopyableSecret
          value={secret}
          label="新令牌"
          warning="令牌只显示这一次，关闭后无法再次查看。请立即复制并妥善保存，不要发给他人。"
        />
      </Modal>
    );
  }

  return (
    <Modal
      open={open}
      title="创建 API 令牌"
      okText="创建"
      cancelText="取消"
      onCancel={close}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form name="createToken" form={form} layout="vertical" onFinish={submit} aria-label="创建 API 令牌">
        <Form.Item
          label="用途"
          name="name"
          rules={contractRules(CreateTokenBody.shape.name, { required: '请填写用途' })}
          extra="例如：每月统计报表脚本"
        >
          <Input />
        </Form.Item>
        <Form.Item label="到期日" name="expiresOn" extra="不填则长期有效，建议设置到期日。">
          <DatePicker
            format={DATE_FORMAT}
            style={{ width: '100%' }}
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
