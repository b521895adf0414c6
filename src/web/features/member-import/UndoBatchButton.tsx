import { UndoOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useUndoBatch } from '../../api/member-import.ts';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';

type UndoBatchButtonProps = {
  batchId: number;
  importedCount: number;
  onUndone?: () => void;
  size?: 'small' | 'middle';
  type?: 'link' | 'default';
};

/** 撤销本次导入, after saying what it removes and when it is refused. */
export function UndoBatchButton({
  batchId,
  importedCount,
  onUndone,
  size,
  type = 'default',
}: UndoBatchButtonProps) {
  const { modal, message } = App.useApp();
  const handleError = useApiErrorHandler();
  const undo = useUndoBatch();
  const confirm = () =>
    modal.confirm({
      title: `撤销导入批次 #${batchId}？`,
      content: (
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          <li>将移除本批次导入的 {importedCount} 名党员，统计数字随之更新；</li>
          <li>
            只有这批党员导入后都没有任何变动（编辑、状态变更、组织关系转接等）时才能撤销，否则系统会拒绝并说明原因；
          </li>
          <li>撤销记入审计日志，不能恢复：如需要，可重新导入原文件。</li>
        </ul>
      ),
      okText: '确认撤销',
      cancelText: '取消',
      okButtonProps: { danger: true },
      onOk: () =>
        undo
          .mutateAsync(batchId)
          .then((result) => {
            message.success(`已撤销导入：移除 ${result.removedMembers} 名党员`);
            onUndone?.();
          })
          .catch((error) => handleError(error)),
    });
  return (
    <Button
      danger
      type={type}
      size={size}
      icon={type === 'link' ? undefined : <UndoOutlined />}
      loading={undo.isPending}
      onClick={confirm}
      aria-label={`撤销导入批次 ${batchId}`}
    >
      撤销本次导入
    </Button>
  );
}
