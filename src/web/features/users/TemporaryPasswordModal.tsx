import { Modal, Typography } from 'antd';
import type { UserView } from '../../../contracts/users.ts';
import { CopyableSecret } from '../../ui/CopyableSecret.tsx';

/** The temporary password after a reset: shown once, to be passed to the user through a safe channel. */
export function TemporaryPasswordModal({
  user,
  password,
  onClose,
}: {
  user: UserView;
  password: string | null;
  onClose: () => void;
}) {
  return (
    <Modal
      open={password !== null}
      title={`“${user.name}”的临时密码`}
      onOk={onClose}
      onCancel={onClose}
      okText="我已记录"
      cancelButtonProps={{ style: { display: 'none' } }}
      mask={{ closable: false }}
    >
      <Typography.Paragraph>
        密码已重置。请通过安全的方式将临时密码告知 {user.name}（用户名 {user.username}
        ），对方登录后须立即修改。
      </Typography.Paragraph>
      {password ? (
        <CopyableSecret
          value={password}
          label="临时密码"
          warning="临时密码只显示这一次，关闭后无法再次查看。"
        />
      ) : null}
    </Modal>
  );
}
