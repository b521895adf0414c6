import { Alert, Button, Descriptions, Drawer, Flex, Form } from 'antd';
import { useEffect } from 'react';
import type { OrgDetail } from '../../../contracts/orgs.ts';
import { allowedParentKinds, ORG_KIND_LABELS } from '../../../domain/org/index.ts';
import { type OrgSearchHit, useMoveOrg, useReloadOrg } from '../../api/orgs.ts';
import { OrgSelect } from '../../ui/OrgSelect.tsx';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';

type MoveOrgDrawerProps = { org: OrgDetail; open: boolean; onClose: () => void };

/** 调整隶属关系: choose the new parent; the whole subtree moves with the org. */
export function MoveOrgDrawer({ org, open, onClose }: MoveOrgDrawerProps) {
  const [form] = Form.useForm<{ parentId: number }>();
  const move = useMoveOrg(org.id);
  const reload = useReloadOrg();
  const handleError = useApiErrorHandler();
  const currentParent = org.ancestors.at(-1);
  const allowed = allowedParentKinds(org.kind);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const disabledReason = (hit: OrgSearchHit) => {
    if (hit.id === org.id) return '不能选择本组织';
    if (hit.id === org.parentId) return '已是当前上级组织';
    if (hit.dissolvedOn) return '该组织已撤销';
    if (!allowed.includes(hit.kind))
      return `${ORG_KIND_LABELS[hit.kind]}之下不能设${ORG_KIND_LABELS[org.kind]}`;
    return undefined;
  };

  const submit = ({ parentId }: { parentId: number }) =>
    move.mutate(
      { parentId, version: org.version },
      {
        onSuccess: onClose,
        onError: (error) =>
          handleError(error, {
            form,
            knownFields: ['parentId'],
            reasonFields: {
              nesting_not_allowed: 'parentId',
              move_into_own_subtree: 'parentId',
              already_under_parent: 'parentId',
              org_dissolved: 'parentId',
            },
            onConflict: () => {
              reload(org.id);
              onClose();
            },
          }),
      },
    );

  return (
    <Drawer
      title={`调整隶属关系 — ${org.name}`}
      open={open}
      onClose={onClose}
      size={520}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={move.isPending} onClick={() => form.submit()}>
            确认调整
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            { key: 'org', label: '本组织', children: `${org.name}（${ORG_KIND_LABELS[org.kind]}）` },
            { key: 'parent', label: '当前上级组织', children: currentParent?.name ?? '—' },
          ]}
        />
        <Alert
          type="info"
          showIcon
          title="调整后，本组织及其全部下级组织、班子成员将一并转到新的上级组织之下，原上级组织将不再管辖。"
        />
        <Form name="moveOrg" form={form} layout="vertical" onFinish={submit} aria-label="调整隶属关系">
          <Form.Item
            label="新的上级组织"
            name="parentId"
            rules={[{ required: true, message: '请选择新的上级组织' }]}
            extra={`${ORG_KIND_LABELS[org.kind]}可以设在：${allowed.map((k) => ORG_KIND_LABELS[k]).join('、')}之下`}
          >
            <OrgSelect aria-label="新的上级组织" disabledReason={disabledReason} />
          </Form.Item>
        </Form>
      </Flex>
    </Drawer>
  );
}
