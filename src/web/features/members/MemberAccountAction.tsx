import { UserAddOutlined } from '@ant-design/icons';
import { App, Button, Modal, Tag, Tooltip, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import {
  type OpenedMemberAccount,
  useMemberAccount,
  useOpenMemberAccount,
} from '../../api/member-accounts.ts';
import { CopyableSecret } from '../../ui/CopyableSecret.tsx';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';

/**
 * 开通账号 on the member page (docs/security.md §2.1): the member's account if one is linked, else the button for
 * those who may open one; the initial password is shown once, to be handed to the member, who changes it at first
 * login.
 */
export function MemberAccountAction({ memberId }: { memberId: number }) {
  const account = useMemberAccount(memberId);
  const open = useOpenMemberAccount(memberId);
  const handleError = useApiErrorHandler();
  const { modal } = App.useApp();
  const [opened, setOpened] = useState<OpenedMemberAccount | null>(null);

  if (!account.data) return null;
  const { account: linked, canOpen, refusal } = account.data;

  const confirm = () =>
    modal.confirm({
      title: '为该党员开通账号？',
      content: '将按系统参数中的用户名规则生成用户名和随机初始密码，党员首次登录须修改密码。',
      okText: '开通',
      cancelText: '取消',
      onOk: () =>
        open.mutateAsync(undefined, {
          onSuccess: (data) => setOpened(data),
          onError: (error) => handleError(error),
        }),
    });

  let control: ReactNode = null;
  if (linked) {
    control = (
      <Tooltip title={linked.mustChangePassword ? '尚未登录修改初始密码' : '已登录并设置了自己的密码'}>
        <Tag color={linked.mustChangePassword ? 'orange' : 'green'} data-testid="member-account">
          账号 {linked.username}
          {linked.mustChangePassword ? '（待首次登录）' : ''}
        </Tag>
      </Tooltip>
    );
  } else if (canOpen) {
    control = (
      <Button icon={<UserAddOutlined />} loading={open.isPending} onClick={confirm}>
        开通账号
      </Button>
    );
  } else if (refusal) {
    control = (
      <Tooltip title={refusal.message}>
        <Button icon={<UserAddOutlined />} disabled>
          开通账号
        </Button>
      </Tooltip>
    );
  }

  // The dialog stays mounted once the account shows as linked: the password is read in it after the reload.
  return (
    <>
      {control}
      <Modal
        open={opened !== null}
        title={`已为“${opened?.name ?? ''}”开通账号`}
        onOk={() => setOpened(null)}
        onCancel={() => setOpened(null)}
        okText="我已记录"
        cancelButtonProps={{ style: { display: 'none' } }}
        mask={{ closable: false }}
      >
        {opened ? (
          <>
            <Typography.Paragraph>
              用户名：
              <Typography.Text strong copyable data-testid="opened-username">
                {opened.username}
              </Typography.Text>
            </Typography.Paragraph>
            <Typography.Paragraph>
              请通过安全的方式将用户名和初始密码交给本人，对方首次登录后须立即修改密码。
            </Typography.Paragraph>
            <CopyableSecret
              value={opened.initialPassword}
              label="初始密码"
              warning="初始密码只显示这一次，关闭后无法再次查看。"
            />
          </>
        ) : null}
      </Modal>
    </>
  );
}
