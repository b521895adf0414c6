import { App, Button, Flex, Typography } from 'antd';
import { Navigate, useNavigate } from 'react-router';
import { useLogout, useMe } from '../../api/auth.ts';
import { homePath } from '../../app/navigation.ts';
import { LOGIN_PATH, pendingStepPath } from '../../app/RequireSession.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { AuthShell } from './AuthShell.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

/**
 * 修改初始密码: an account created or reset by an administrator must set its own password before it can do
 * anything else (the server refuses every other request until then).
 */
export function InitialPasswordPage() {
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const { message } = App.useApp();

  if (me.isPending) return <LoadingState fullScreen />;
  if (!me.data) return <Navigate to={LOGIN_PATH} replace />;
  if (!me.data.mustChangePassword) {
    // Next, the enrolment of a required second factor, if any; else the home page.
    return <Navigate to={pendingStepPath(me.data) ?? homePath(me.data.permissions)} replace />;
  }

  return (
    <AuthShell title="修改初始密码">
      <Typography.Paragraph type="secondary">
        {me.data.name}，您好！您的密码由管理员设置，为保障账号安全，请先设置您自己的新密码后再使用系统。
      </Typography.Paragraph>
      <ChangePasswordForm
        username={me.data.username}
        submitText="修改密码并进入系统"
        onChanged={() => {
          message.success('密码已修改，欢迎使用');
          // The refreshed account no longer needs the change: this page then lets the user in.
          void me.refetch();
        }}
      />
      <Flex justify="center" style={{ marginTop: 16 }}>
        <Button
          type="link"
          onClick={() =>
            logout.mutate(undefined, { onSettled: () => navigate(LOGIN_PATH, { replace: true }) })
          }
        >
          退出登录
        </Button>
      </Flex>
    </AuthShell>
  );
}
