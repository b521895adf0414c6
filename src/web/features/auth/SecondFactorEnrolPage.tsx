import { Button, Flex, Typography } from 'antd';
import { Navigate, useNavigate } from 'react-router';
import { useLogout, useMe } from '../../api/auth.ts';
import { useReloadMe } from '../../api/second-factor.ts';
import { homePath } from '../../app/navigation.ts';
import { LOGIN_PATH, pendingStepPath } from '../../app/RequireSession.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { AuthShell } from './AuthShell.tsx';
import { EnrolmentSteps } from './EnrolmentSteps.tsx';

/**
 * 绑定身份验证器, right after the password (and the initial password change) of an account that must have a
 * second factor: the three administrators always, the org_admin when the security policy says so. Nothing else
 * opens until it is done (the server answers 403 second_factor_enrolment_required).
 */
export function SecondFactorEnrolPage() {
  const me = useMe();
  const logout = useLogout();
  const reloadMe = useReloadMe();
  const navigate = useNavigate();

  if (me.isPending) return <LoadingState fullScreen />;
  if (!me.data) return <Navigate to={LOGIN_PATH} replace />;
  if (me.data.pendingStep !== 'second_factor_enrolment') {
    return <Navigate to={pendingStepPath(me.data) ?? homePath(me.data.permissions)} replace />;
  }
  const user = me.data;

  return (
    <AuthShell title="绑定身份验证器">
      <Typography.Paragraph type="secondary">
        {user.name}，按照等级保护第三级要求，您的角色须使用“密码 +
        手机动态验证码”两种方式登录。请先绑定身份验证器， 以后每次登录时输入其显示的验证码。
      </Typography.Paragraph>
      <EnrolmentSteps
        username={user.username}
        doneText="我已保存恢复码，进入系统"
        onDone={async () => {
          await reloadMe();
          navigate(homePath(user.permissions), { replace: true });
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
