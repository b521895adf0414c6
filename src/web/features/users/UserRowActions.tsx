import { DownOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Flex, type MenuProps } from 'antd';
import { useState } from 'react';
import type { MeView } from '../../../contracts/auth.ts';
import type { UserView } from '../../../contracts/users.ts';
import {
  useReloadUsers,
  useResetPassword,
  useResetSecondFactor,
  useSetUserActive,
  useUnlockUser,
} from '../../api/users.ts';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { EditUserDrawer } from './EditUserDrawer.tsx';
import { grantableRoles } from './grantable-roles.ts';
import { RolesDrawer } from './RolesDrawer.tsx';
import { TemporaryPasswordModal } from './TemporaryPasswordModal.tsx';

/** A row's actions, each shown only when the server says the viewer may take it; destructive ones confirm first. */
export function UserRowActions({ user, me }: { user: UserView; me: MeView }) {
  const { modal, message } = App.useApp();
  const handleError = useApiErrorHandler();
  const reload = useReloadUsers();
  const unlock = useUnlockUser();
  const reset = useResetPassword();
  const resetSecondFactor = useResetSecondFactor();
  const setActive = useSetUserActive();
  const [open, setOpen] = useState<'edit' | 'roles' | null>(null);
  const [temporary, setTemporary] = useState<string | null>(null);
  // What the server says this viewer may do with this account (scope, 三员分立, not their own).
  const can = user.can;
  const canRoles = (can.grant || can.revoke) && grantableRoles(me).length > 0;

  const confirm = (
    title: string,
    content: string,
    okText: string,
    run: () => Promise<unknown>,
    danger = false,
  ) =>
    modal.confirm({
      title,
      content,
      okText,
      cancelText: '取消',
      okButtonProps: { danger },
      onOk: () => run().catch((error) => handleError(error, { onConflict: reload })),
    });

  const more: NonNullable<MenuProps['items']> = [];
  if (can.unlock && user.status === 'locked') more.push({ key: 'unlock', label: '解锁' });
  if (can.reset_password && user.status !== 'deactivated') more.push({ key: 'reset', label: '重置密码' });
  if (can.reset_second_factor && user.secondFactorEnabled) {
    more.push({ key: 'resetSecondFactor', label: '重置双因素认证' });
  }
  if (can.deactivate && user.status !== 'deactivated') {
    more.push({ key: 'deactivate', label: '停用', danger: true });
  }
  if (can.reactivate && user.status === 'deactivated') more.push({ key: 'reactivate', label: '启用' });

  const onMore = (key: string) => {
    if (key === 'unlock') {
      confirm(`解锁账号“${user.name}”？`, '解锁后，该账号可以立即重新登录，连续失败次数清零。', '解锁', () =>
        unlock.mutateAsync(user.id).then(() => message.success('账号已解锁')),
      );
    } else if (key === 'reset') {
      confirm(
        `重置“${user.name}”的密码？`,
        '重置后，该账号的当前密码立即失效，已登录的会话被注销。系统将生成临时密码（只显示一次），用户下次登录时须修改。',
        '重置密码',
        () => reset.mutateAsync(user.id).then((r) => setTemporary(r.temporaryPassword)),
        true,
      );
    } else if (key === 'resetSecondFactor') {
      confirm(
        `重置“${user.name}”的双因素认证？`,
        '用于手机丢失或更换：清除该账号绑定的身份验证器和全部恢复码，已登录的会话被注销。如其角色要求双因素认证，用户下次登录时须重新绑定。请先当面或电话核实本人身份。',
        '重置',
        () => resetSecondFactor.mutateAsync(user.id).then(() => message.success('双因素认证已重置')),
        true,
      );
    } else if (key === 'deactivate') {
      confirm(
        `停用账号“${user.name}”？`,
        '停用后，该账号无法登录，已登录的会话和 API 令牌立即失效。账号、角色和操作记录保留，可随时重新启用。',
        '停用',
        () =>
          setActive
            .mutateAsync({ id: user.id, version: user.version, active: false })
            .then(() => message.success('账号已停用')),
        true,
      );
    } else if (key === 'reactivate') {
      confirm(`启用账号“${user.name}”？`, '启用后，该账号可以重新登录，原有角色继续有效。', '启用', () =>
        setActive
          .mutateAsync({ id: user.id, version: user.version, active: true })
          .then(() => message.success('账号已启用')),
      );
    }
  };

  return (
    <Flex gap={0} wrap={false}>
      {can.edit ? (
        <Button type="link" size="small" onClick={() => setOpen('edit')}>
          编辑
        </Button>
      ) : null}
      {canRoles ? (
        <Button type="link" size="small" onClick={() => setOpen('roles')}>
          角色
        </Button>
      ) : null}
      {more.length > 0 ? (
        <Dropdown menu={{ items: more, onClick: ({ key }) => onMore(key) }} trigger={['click']}>
          <Button type="link" size="small" aria-label={`更多操作：${user.username}`}>
            更多 <DownOutlined />
          </Button>
        </Dropdown>
      ) : null}
      {open === 'edit' ? <EditUserDrawer user={user} onClose={() => setOpen(null)} /> : null}
      {open === 'roles' ? <RolesDrawer userId={user.id} me={me} onClose={() => setOpen(null)} /> : null}
      <TemporaryPasswordModal user={user} password={temporary} onClose={() => setTemporary(null)} />
    </Flex>
  );
}
