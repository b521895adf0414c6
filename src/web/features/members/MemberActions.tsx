import { DownOutlined, EditOutlined, PartitionOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex } from 'antd';
import { useState } from 'react';
import { isOnRoster } from '../../../domain/membership/index.ts';
import type { MemberDetail } from '../../api/members.ts';
import { TransferOutModal } from '../transfers/TransferOutModal.tsx';
import { BatchMoveModal } from './BatchMoveModal.tsx';
import { MemberAccountAction } from './MemberAccountAction.tsx';
import { MemberFormDrawer } from './MemberFormDrawer.tsx';
import { StatusChangeModal } from './StatusChangeModal.tsx';
import { type StatusChangeKind, statusChangesFor } from './status-changes.ts';

/**
 * 编辑, the status changes that apply now, 转出 and 调整党小组 — each only when the member's `can` flags allow it.
 */
export function MemberActions({ member }: { member: MemberDetail }) {
  const [open, setOpen] = useState<'edit' | 'transfer' | 'move' | null>(null);
  const [change, setChange] = useState<StatusChangeKind | null>(null);
  const changes = member.can.changeStatus ? statusChangesFor(member) : [];
  const canTransfer = member.can.transfer && isOnRoster(member.status);

  return (
    <Flex gap={8} wrap>
      {member.can.edit ? (
        <Button icon={<EditOutlined />} onClick={() => setOpen('edit')}>
          编辑
        </Button>
      ) : null}
      {changes.length > 0 ? (
        <Dropdown
          trigger={['click']}
          menu={{
            items: changes.map((c) => ({ key: c.kind, label: c.label, danger: c.danger })),
            onClick: ({ key }) => setChange(key as StatusChangeKind),
          }}
        >
          <Button aria-label="党籍状态变更">
            状态变更 <DownOutlined />
          </Button>
        </Dropdown>
      ) : null}
      {canTransfer ? (
        <Button icon={<SendOutlined />} onClick={() => setOpen('transfer')}>
          转出
        </Button>
      ) : null}
      {canTransfer ? (
        <Button icon={<PartitionOutlined />} onClick={() => setOpen('move')}>
          调整党小组
        </Button>
      ) : null}
      <MemberAccountAction memberId={member.id} />
      {member.can.edit ? (
        <MemberFormDrawer
          mode="edit"
          member={member}
          open={open === 'edit'}
          onClose={() => setOpen(null)}
          onSaved={() => undefined}
        />
      ) : null}
      <StatusChangeModal member={member} kind={change} onClose={() => setChange(null)} />
      {canTransfer ? (
        <>
          <TransferOutModal member={member} open={open === 'transfer'} onClose={() => setOpen(null)} />
          <BatchMoveModal
            open={open === 'move'}
            onClose={() => setOpen(null)}
            onDone={() => setOpen(null)}
            selection={{ memberIds: [member.id] }}
            count={1}
          />
        </>
      ) : null}
    </Flex>
  );
}
