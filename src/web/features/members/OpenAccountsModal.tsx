import { Alert, App, Modal, Typography } from 'antd';
import { useOpenMemberAccounts } from '../../api/member-accounts.ts';
import type { MemberSelection } from '../../api/member-batch.ts';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';

type OpenAccountsModalProps = {
  open: boolean;
  onClose: () => void;
  /** The members ticked, or the roster's current filter (a branch: its `orgId`). */
  selection: MemberSelection;
  /** How many members the selection holds now. */
  total: number;
};

/**
 * 批量开通账号 (docs/security.md §2.1): accounts for every member of the selection (ticked, or the current filter)
 * who has none and is still a member; the workbook of initial passwords downloads at once and exists nowhere else.
 */
export function OpenAccountsModal({ open, onClose, selection, total }: OpenAccountsModalProps) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const openAccounts = useOpenMemberAccounts();

  const run = () =>
    openAccounts.mutate(
      { selection },
      {
        onSuccess: () => {
          message.success('账号已开通，初始密码表已下载');
          onClose();
        },
        onError: (error) => handleError(error),
      },
    );

  return (
    <Modal
      title="批量开通党员账号"
      open={open}
      onCancel={onClose}
      onOk={run}
      okText="开通并下载初始密码表"
      cancelText="取消"
      confirmLoading={openAccounts.isPending}
    >
      <Typography.Paragraph>
        为{'memberIds' in selection ? '选中的' : '当前筛选条件下的'} {total}{' '}
        名党员中尚未开通账号的党员开通账号。已有账号的党员、已出党或转出的党员不开通，在密码表的“未开通”工作表中说明原因。
      </Typography.Paragraph>
      <Alert
        type="warning"
        showIcon
        title="初始密码只在这次下载的 Excel 文件中，系统不保存明文，无法再次下载。请妥善保管，逐一交给本人后销毁；党员首次登录须修改密码。"
      />
    </Modal>
  );
}
