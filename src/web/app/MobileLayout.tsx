import { LogoutOutlined } from '@ant-design/icons';
import { App, Button, Flex, Layout, theme } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useNavigate } from 'react-router';
import { useLogout, useMe } from '../api/auth.ts';
import { LoadingState } from '../ui/LoadingState.tsx';
import { BrandMark } from './BrandMark.tsx';
import { navLeaves, visibleNav } from './navigation.ts';
import { LOGIN_PATH } from './RequireSession.tsx';

/**
 * The frame of members' pages (`/m/…`, docs/design.md §4.4): built for a phone — one column, large targets.
 */
export function MobileLayout() {
  const { token } = theme.useToken();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const logout = useLogout();
  const desktop = navLeaves(visibleNav(me.data?.permissions ?? []))[0];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          paddingInline: 8,
          position: 'sticky',
          top: 0,
          zIndex: 10,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        <BrandMark size={28} />
        <Flex gap={4} align="center">
          {desktop ? <Link to={desktop.path}>工作台</Link> : null}
          <Button
            type="text"
            size="large"
            icon={<LogoutOutlined />}
            loading={logout.isPending}
            onClick={() =>
              logout.mutate(undefined, {
                onSettled: () => {
                  message.success('已退出登录');
                  navigate(LOGIN_PATH, { replace: true });
                },
              })
            }
          >
            退出
          </Button>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: 12, width: '100%', maxWidth: 640, marginInline: 'auto' }}>
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
