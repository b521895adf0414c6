import { Button, Flex, Tooltip, Typography } from 'antd';
import { MEMBER_SELECTION_MAX } from '../../../contracts/member-batch.ts';

export type BatchAction = 'transfer' | 'move' | 'accounts' | 'export';

type MemberBatchBarProps = {
  /** How many members are selected (all by filter: the filter's total). */
  count: number;
  /** Everything the filter matches is selected, not only ticked rows. */
  all: boolean;
  /** How many members the current filter matches. */
  total: number;
  onSelectAll: () => void;
  onClear: () => void;
  onAction: (action: BatchAction) => void;
  canManage: boolean;
  canOpenAccounts: boolean;
};

/**
 * 批量操作: the count selected, 选择全部 N 名（当前筛选条件）, and what may be done with them. Shown while something is
 * selected; the selection clears when the filter changes (MembersPage).
 */
export function MemberBatchBar(props: MemberBatchBarProps) {
  const { count, all, total, onAction } = props;
  const tooMany = total > MEMBER_SELECTION_MAX;
  return (
    <Flex
      role="toolbar"
      aria-label="批量操作"
      align="center"
      gap={12}
      wrap
      style={{ padding: '8px 12px', background: 'rgba(22, 119, 255, 0.06)', borderRadius: 6 }}
    >
      <Typography.Text>
        {all ? '已选择当前筛选条件下的全部 ' : '已选择 '}
        <Typography.Text strong>{count}</Typography.Text> 名党员
      </Typography.Text>
      {!all && total > count ? (
        <Tooltip title={tooMany ? `一次最多 ${MEMBER_SELECTION_MAX} 名，请缩小筛选范围` : undefined}>
          <Button type="link" size="small" disabled={tooMany} onClick={props.onSelectAll}>
            选择全部 {total} 名（当前筛选条件）
          </Button>
        </Tooltip>
      ) : null}
      <Button type="link" size="small" onClick={props.onClear}>
        取消选择
      </Button>
      <Flex gap={8} wrap style={{ marginInlineStart: 'auto' }}>
        {props.canManage ? (
          <>
            <Button onClick={() => onAction('transfer')}>批量转接</Button>
            <Button onClick={() => onAction('move')}>调整党小组</Button>
          </>
        ) : null}
        {props.canOpenAccounts ? <Button onClick={() => onAction('accounts')}>批量开通账号</Button> : null}
        <Button onClick={() => onAction('export')}>导出选中</Button>
      </Flex>
    </Flex>
  );
}
