import { KeyOutlined, LogoutOutlined } from '@ant-design/icons';
import { App, Button, Card, Drawer, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useLogout, useMe } from '../../api/auth.ts';
import { LOGIN_PATH } from '../../app/RequireSession.tsx';
import { ChangePasswordForm } from '../auth/ChangePasswordForm.tsx';

/**
 * 账号与安全 on the member's phone page (`/m/me`): 修改密码 (with the current one, in a drawer from the bottom)
 * and 退出登录, as large targets.
 */
export function MyAccountCard() {
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [changing, setChanging] = useState(false);

  const signOut = () =>
    logout.mutate(undefined, {
      onSettled: () => {
        message.success('已退出登录');
        navigate(LOGIN_PATH, { replace: true });
      },
    });

  return (
    <Card size="small" title="账号与安全">
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">用户名：{me.data?.username ?? ''}</Typography.Text>
        <Button size="large" block icon={<KeyOutlined />} onClick={() => setChanging(true)}>
          修改密码
        </Button>
        <Button
          size="large"
          block
          danger
          icon={<LogoutOutlined />}
          loading={logout.isPending}
          onClick={signOut}
        >
          退出登录
        </Button>
      </Flex>
      <Drawer
        title="修改密码"
        placement="bottom"
        size="85%"
        open={changing}
        onClose={() => setChanging(false)}
        destroyOnHidden
      >
        <ChangePasswordForm
          username={me.data?.username ?? ''}
          onChanged={() => {
            setChanging(false);
            message.success('密码已修改');
          }}
        />
      </Drawer>
    </Card>
  );
}
