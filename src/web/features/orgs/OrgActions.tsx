import { DeleteOutlined, EditOutlined, NodeIndexOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useState } from 'react';
import type { OrgDetail } from '../../../contracts/orgs.ts';
import { allowedChildKinds } from '../../../domain/org/index.ts';
import { DissolveOrgModal } from './DissolveOrgModal.tsx';
import { MoveOrgDrawer } from './MoveOrgDrawer.tsx';
import { OrgFormDrawer } from './OrgFormDrawer.tsx';

type Open = 'create' | 'edit' | 'move' | 'dissolve' | null;

/** The actions on an org, shown only when the user may take them (`can.manage`) and the org is not dissolved. */
export function OrgActions({ org, onNavigate }: { org: OrgDetail; onNavigate: (id: number) => void }) {
  const [open, setOpen] = useState<Open>(null);
  if (!org.can.manage || org.dissolvedOn) return null;
  const close = () => setOpen(null);
  const isTop = org.parentId === null;
  const canHaveChildren = allowedChildKinds(org.kind).length > 0;

  return (
    <Flex gap={8} wrap>
      {canHaveChildren ? (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen('create')}>
          新建下级组织
        </Button>
      ) : null}
      <Button icon={<EditOutlined />} onClick={() => setOpen('edit')}>
        编辑
      </Button>
      {isTop ? null : (
        <>
          <Button icon={<NodeIndexOutlined />} onClick={() => setOpen('move')}>
            调整隶属关系
          </Button>
          <Button danger icon={<DeleteOutlined />} onClick={() => setOpen('dissolve')}>
            撤销组织
          </Button>
        </>
      )}
      <OrgFormDrawer
        mode="create"
        open={open === 'create'}
        org={org}
        onClose={close}
        onSaved={(created) => {
          close();
          onNavigate(created.id);
        }}
      />
      <OrgFormDrawer mode="edit" open={open === 'edit'} org={org} onClose={close} onSaved={close} />
      <MoveOrgDrawer open={open === 'move'} org={org} onClose={close} />
      <DissolveOrgModal open={open === 'dissolve'} org={org} onClose={close} />
    </Flex>
  );
}
