import { Form, Input, Modal, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';

type CodePromptModalProps = {
  open: boolean;
  title: string;
  description: string;
  okText: string;
  danger?: boolean;
  /** Whether a recovery code is accepted too (not for new recovery codes: those need the app). */
  acceptsRecoveryCode?: boolean;
  loading: boolean;
  onSubmit: (code: string) => Promise<unknown>;
  onClose: () => void;
  /** Shown instead of the form once the action has answered (the new recovery codes). */
  result?: ReactNode;
};

/** Asks for a code of the authenticator app before a change to the second factor; wrong codes count. */
export function CodePromptModal(props: CodePromptModalProps) {
  const [form] = Form.useForm<{ code: string }>();
  const handleError = useApiErrorHandler();
  const close = () => {
    form.resetFields();
    props.onClose();
  };
  const submit = ({ code }: { code: string }) =>
    props.onSubmit(code.trim()).catch((error) =>
      handleError(error, {
        form,
        reasonFields: { invalid_second_factor: 'code', code_already_used: 'code' },
      }),
    );

  if (props.result) {
    return (
      <Modal
        open={props.open}
        title={props.title}
        onOk={close}
        onCancel={close}
        okText="我已保存"
        cancelButtonProps={{ style: { display: 'none' } }}
        mask={{ closable: false }}
      >
        {props.result}
      </Modal>
    );
  }
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText}
      cancelText="取消"
      okButtonProps={{ danger: props.danger ?? false }}
      confirmLoading={props.loading}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
    >
      <Typography.Paragraph>{props.description}</Typography.Paragraph>
      <Form name="secondFactorCode" form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          label="验证码"
          name="code"
          rules={[{ required: true, whitespace: true, message: '请输入验证码' }]}
          extra={
            props.acceptsRecoveryCode
              ? '身份验证器上的6位验证码，或一个恢复码。'
              : '身份验证器上的6位验证码。'
          }
        >
          <Input inputMode="numeric" autoComplete="one-time-code" maxLength={32} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
