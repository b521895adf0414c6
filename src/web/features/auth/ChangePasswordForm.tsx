import { Alert, Button, Form, Input } from 'antd';
import { type ChangePasswordInput, useChangePassword } from '../../api/auth.ts';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { confirmRule, newPasswordRule, PASSWORD_POLICY_TEXT } from './password-rules.ts';

type Values = ChangePasswordInput & { confirmPassword: string };

type ChangePasswordFormProps = {
  username: string;
  submitText?: string;
  onChanged: () => void;
};

/** Policy violations the server reports on the new password, and the wrong current password. */
const REASON_FIELDS: Record<string, string> = {
  wrong_current_password: 'currentPassword',
  password_too_short: 'newPassword',
  password_too_simple: 'newPassword',
  password_contains_username: 'newPassword',
  password_unchanged: 'newPassword',
};

/** 修改密码: current, new and repeated, checked against the policy before it is sent. */
export function ChangePasswordForm({
  username,
  submitText = '确认修改',
  onChanged,
}: ChangePasswordFormProps) {
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const handleError = useApiErrorHandler();

  const submit = ({ currentPassword, newPassword }: Values) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          onChanged();
        },
        onError: (error) => handleError(error, { form, reasonFields: REASON_FIELDS }),
      },
    );

  return (
    <Form
      name="changePassword"
      form={form}
      layout="vertical"
      onFinish={submit}
      requiredMark={false}
      aria-label="修改密码"
    >
      <Alert
        type="info"
        showIcon
        title={`密码要求：${PASSWORD_POLICY_TEXT}。`}
        style={{ marginBottom: 16 }}
      />
      <Form.Item
        label="当前密码"
        name="currentPassword"
        rules={[{ required: true, message: '请输入当前密码' }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label="新密码"
        name="newPassword"
        dependencies={['currentPassword']}
        rules={[
          newPasswordRule(username),
          ({ getFieldValue }) => ({
            validator: async (_r, value) => {
              if (value && value === getFieldValue('currentPassword'))
                throw new Error('新密码不能与当前密码相同');
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={[confirmRule('newPassword')]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={change.isPending}>
        {submitText}
      </Button>
    </Form>
  );
}
