import {
  DownOutlined,
  IdcardOutlined,
  KeyOutlined,
  LockOutlined,
  LogoutOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, Flex, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { MeView } from '../../contracts/auth.ts';
import { ROLE_LABELS } from '../../domain/access/index.ts';
import { useLogout } from '../api/auth.ts';
import { MEMBER_HOME_PATH, PROFILE_PATH } from './navigation.ts';
import { LOGIN_PATH } from './RequireSession.tsx';

/** Top right: who is signed in, their personal settings, and 退出登录. `compact` (a phone): the name only. */
export function UserMenu({ me, compact = false }: { me: MeView; compact?: boolean }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const logout = useLogout();
  const roles = [...new Set(me.assignments.map((a) => ROLE_LABELS[a.role]))].join('、');

  const onLogout = () =>
    logout.mutate(undefined, {
      onSettled: () => {
        message.success('已退出登录');
        navigate(LOGIN_PATH, { replace: true });
      },
    });

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          ...(me.permissions.includes('member.self')
            ? [
                { key: 'member', icon: <IdcardOutlined />, label: '我的党员档案' },
                { type: 'divider' as const },
              ]
            : []),
          {
            type: 'group',
            label: '个人设置',
            children: [
              { key: 'password', icon: <LockOutlined />, label: '修改密码' },
              { key: 'tokens', icon: <KeyOutlined />, label: 'API令牌' },
            ],
          },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'logout') onLogout();
          else if (key === 'member') navigate(MEMBER_HOME_PATH);
          else navigate(`${PROFILE_PATH}?tab=${key}`);
        },
      }}
    >
      <Button type="text" aria-label="用户菜单" style={{ height: 48 }}>
        <Flex align="center" gap={8}>
          <Avatar size="small" icon={<UserOutlined />} />
          <Flex vertical align="flex-start" style={{ lineHeight: 1.25 }}>
            <Typography.Text
              style={{
                maxWidth: compact ? 140 : 240,
                overflow: 'hidden',
                textOverflow: 'ellipsis',
                whiteSpace: 'nowrap',
              }}
            >
              {me.name}
            </Typography.Text>
            {compact ? null : (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {roles || '无角色'}
              </Typography.Text>
            )}
          </Flex>
          <DownOutlined style={{ fontSize: 10 }} />
        </Flex>
      </Button>
    </Dropdown>
  );
}
