import { Button, Descriptions, Drawer, Flex, Form, Input } from 'antd';
import type { UserView } from '../../../contracts/users.ts';
import { UpdateUserBody } from '../../../contracts/users.ts';
import { useReloadUsers, useUpdateUser } from '../../api/users.ts';
import { contractRules } from '../../ui/contract-rules.ts';
import { OrgSelect } from '../../ui/OrgSelect.tsx';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';

type Values = { name: string; orgId: number };

/** 编辑 an account: name and home org (roles are granted separately). */
export function EditUserDrawer({ user, onClose }: { user: UserView; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const update = useUpdateUser();
  const reload = useReloadUsers();
  const handleError = useApiErrorHandler();

  const submit = (values: Values) =>
    update.mutate(
      { id: user.id, version: user.version, name: values.name.trim(), orgId: values.orgId },
      {
        onSuccess: onClose,
        onError: (error) =>
          handleError(error, {
            form,
            knownFields: ['name', 'orgId'],
            onConflict: () => {
              reload();
              onClose();
            },
          }),
      },
    );

  return (
    <Drawer
      title={`编辑用户 — ${user.username}`}
      open
      onClose={onClose}
      size={480}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={update.isPending} onClick={() => form.submit()}>
            保存
          </Button>
        </Flex>
      }
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[{ key: 'u', label: '用户名', children: user.username }]}
      />
      <Form
        name="editUser"
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ name: user.name, orgId: user.orgId }}
        aria-label="编辑用户"
      >
        <Form.Item
          label="姓名"
          name="name"
          rules={contractRules(UpdateUserBody.shape.name, { required: '请输入姓名' })}
        >
          <Input />
        </Form.Item>
        <Form.Item label="所属组织" name="orgId" rules={[{ required: true, message: '请选择所属组织' }]}>
          <OrgSelect aria-label="所属组织" initial={{ id: user.orgId, name: user.orgName }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
