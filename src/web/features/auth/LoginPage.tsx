import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import type { MeView } from '../../../contracts/auth.ts';
import { ApiError } from '../../api/api-error.ts';
import { type LoginInput, useLogin, useMe } from '../../api/auth.ts';
import { homePath } from '../../app/navigation.ts';
import { pendingStepPath } from '../../app/RequireSession.tsx';
import { clearSessionExpired, sessionExpiredNotice } from '../../app/session-notice.ts';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { AuthShell } from './AuthShell.tsx';
import { SecondFactorStep } from './SecondFactorStep.tsx';

function nextPath(me: MeView, from: string | undefined): string {
  const pending = pendingStepPath(me);
  if (pending) return pending;
  return from && from !== '/' ? from : homePath(me.permissions);
}

/**
 * 登录. Wrong credentials, a locked or deactivated account: the server's message, shown above the form. An account
 * with a second factor is asked for its code next, on this page.
 */
export function LoginPage() {
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const [expired] = useState(sessionExpiredNotice);
  useEffect(clearSessionExpired, []);
  const [form] = Form.useForm<LoginInput>();

  if (me.isPending) return <LoadingState fullScreen />;
  if (me.data?.pendingStep === 'second_factor') {
    return (
      <AuthShell title="双因素认证">
        <SecondFactorStep
          me={me.data}
          onDone={(signedIn) => navigate(nextPath(signedIn, from), { replace: true })}
        />
      </AuthShell>
    );
  }
  if (me.data && !login.isPending) return <Navigate to={nextPath(me.data, from)} replace />;

  const submit = (values: LoginInput) =>
    login.mutate(values, {
      // With a second factor the session waits for the code: this page then asks for it.
      onSuccess: (signedIn) => {
        if (signedIn.pendingStep !== 'second_factor') navigate(nextPath(signedIn, from), { replace: true });
      },
      onError: () => form.setFieldValue('password', ''),
    });

  const error = login.error;
  return (
    <AuthShell title="欢迎登录">
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error instanceof ApiError ? error.message : '登录失败，请稍后重试'}
          style={{ marginBottom: 16 }}
        />
      ) : expired ? (
        <Alert
          type="info"
          showIcon
          title="登录已超时或已在别处退出，请重新登录。"
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form
        name="login"
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        aria-label="登录"
      >
        <Form.Item
          label="用户名"
          name="username"
          rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
          登录
        </Button>
      </Form>
    </AuthShell>
  );
}
