import { Flex, Tag, Tooltip } from 'antd';
import type { UserView } from '../../../contracts/users.ts';
import { formatDateTime } from '../../ui/dates.ts';

export const USER_STATUS_LABELS: Record<UserView['status'], string> = {
  active: '正常',
  locked: '已锁定',
  deactivated: '已停用',
};

const COLORS: Record<UserView['status'], string> = {
  active: 'success',
  locked: 'warning',
  deactivated: 'default',
};

export function UserStatusTag({ user }: { user: UserView }) {
  const tip =
    user.status === 'locked' && user.lockedUntil
      ? `连续登录失败被锁定，至 ${formatDateTime(user.lockedUntil)} 自动解锁`
      : user.status === 'deactivated' && user.deactivatedAt
        ? `停用于 ${formatDateTime(user.deactivatedAt)}`
        : undefined;
  return (
    <Flex gap={4} wrap>
      <Tooltip title={tip}>
        <Tag color={COLORS[user.status]}>{USER_STATUS_LABELS[user.status]}</Tag>
      </Tooltip>
      {user.mustChangePassword && user.status !== 'deactivated' ? <Tag>待修改初始密码</Tag> : null}
    </Flex>
  );
}
