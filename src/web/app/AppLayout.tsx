import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  ControlOutlined,
  DashboardOutlined,
  FileExcelOutlined,
  FlagOutlined,
  IdcardOutlined,
  MenuFoldOutlined,
  MenuOutlined,
  MenuUnfoldOutlined,
  ProfileOutlined,
  SettingOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, type MenuProps, theme } from 'antd';
import { type ReactNode, Suspense, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useMe } from '../api/auth.ts';
import { LoadingState } from '../ui/LoadingState.tsx';
import { BrandMark } from './BrandMark.tsx';
import { fallbackNav, isGroup, type NavItem, navLeaves, visibleNav } from './navigation.ts';
import { UserMenu } from './UserMenu.tsx';

const ICONS: Record<string, ReactNode> = {
  workbench: <DashboardOutlined />,
  orgs: <ApartmentOutlined />,
  memberGroup: <SolutionOutlined />,
  members: <IdcardOutlined />,
  decisions: <CheckSquareOutlined />,
  transfers: <SwapOutlined />,
  ledger: <ProfileOutlined />,
  imports: <FileExcelOutlined />,
  orgLife: <FlagOutlined />,
  meetings: <CalendarOutlined />,
  me: <IdcardOutlined />,
  system: <SettingOutlined />,
  users: <TeamOutlined />,
  settings: <ControlOutlined />,
  audit: <AuditOutlined />,
  profile: <UserOutlined />,
};

function toMenuItems(items: readonly NavItem[]): NonNullable<MenuProps['items']> {
  return items.map((item) =>
    isGroup(item)
      ? { key: item.key, label: item.label, icon: ICONS[item.key], children: toMenuItems(item.children) }
      : { key: item.path, label: item.label, icon: ICONS[item.key] },
  );
}

/**
 * The signed-in frame: the side menu by permission, the user menu, and the page. Under 768 px (a phone) the
 * side menu becomes a drawer opened from the header, and the page gets the whole width (docs/design.md §4.4).
 */
export function AppLayout() {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const screens = Grid.useBreakpoint();
  // Until the first measurement `md` is undefined: the desktop frame, as before.
  const phone = screens.md === false;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const nav = useMemo(() => {
    const permissions = me.data?.permissions ?? [];
    const items = visibleNav(permissions);
    // Without any module (an ordinary 党员) the menu still offers what the user has.
    return items.length > 0 ? items : fallbackNav(permissions);
  }, [me.data]);
  const selected = navLeaves(nav).find((l) => location.pathname.startsWith(l.path));
  const openGroups = nav.filter(isGroup).map((g) => g.key);

  const menu = (
    <Menu
      mode="inline"
      aria-label="主菜单"
      items={toMenuItems(nav)}
      selectedKeys={selected ? [selected.path] : []}
      defaultOpenKeys={openGroups}
      onClick={({ key }) => {
        // A page chosen closes the drawer on a phone.
        setDrawerOpen(false);
        navigate(key);
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {phone ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={264}
          title={<BrandMark />}
          styles={{ header: { padding: 0 }, body: { padding: 0 } }}
        >
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider
          width={216}
          collapsible
          collapsed={collapsed}
          trigger={null}
          style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}
        >
          <BrandMark collapsed={collapsed} />
          {menu}
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          style={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 8,
            paddingInline: phone ? 8 : 16,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            ...(phone ? { position: 'sticky', top: 0, zIndex: 10 } : {}),
          }}
        >
          {phone ? (
            <Button
              type="text"
              size="large"
              aria-label="打开菜单"
              icon={<MenuOutlined />}
              onClick={() => setDrawerOpen(true)}
            />
          ) : (
            <Button
              type="text"
              aria-label={collapsed ? '展开菜单' : '收起菜单'}
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed((c) => !c)}
            />
          )}
          {me.data ? <UserMenu me={me.data} compact={phone} /> : null}
        </Layout.Header>
        <Layout.Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
