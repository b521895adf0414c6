import { SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import type { MeView } from '../../../contracts/auth.ts';
import { ApiError } from '../../api/api-error.ts';
import { useLogout } from '../../api/auth.ts';
import { useSecondStep } from '../../api/second-factor.ts';

type Values = { code: string };

/**
 * 登录第二步: the code of the authenticator app, or one of the recovery codes. Wrong codes count toward the
 * account's lockout, as wrong passwords do; the server's message says what went wrong.
 */
export function SecondFactorStep({ me, onDone }: { me: MeView; onDone: (me: MeView) => void }) {
  const step = useSecondStep();
  const logout = useLogout();
  const [form] = Form.useForm<Values>();
  const submit = ({ code }: Values) =>
    step.mutate(code.trim(), {
      onSuccess: onDone,
      onError: () => form.setFieldValue('code', ''),
    });
  const error = step.error;
  return (
    <>
      <Typography.Paragraph type="secondary">
        {me.name}，您的账号已启用双因素认证。请打开手机上的身份验证器，输入显示的6位验证码。
      </Typography.Paragraph>
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error instanceof ApiError ? error.message : '验证失败，请稍后重试'}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form name="secondFactor" form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          label="验证码"
          name="code"
          rules={[{ required: true, whitespace: true, message: '请输入验证码' }]}
          extra="手机丢失时，可输入一个恢复码代替（每个恢复码只能使用一次）。"
        >
          <Input
            prefix={<SafetyOutlined />}
            inputMode="numeric"
            autoComplete="one-time-code"
            autoFocus
            size="large"
            maxLength={32}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={step.isPending}>
          验证
        </Button>
      </Form>
      <Flex justify="center" style={{ marginTop: 16 }}>
        <Button type="link" onClick={() => logout.mutate()}>
          返回登录
        </Button>
      </Flex>
    </>
  );
}
