import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Drawer, Flex, Form, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { CreateUserBody } from '../../../contracts/users.ts';
import { ROLE_LABELS, type Role } from '../../../domain/access/index.ts';
import { useMe } from '../../api/auth.ts';
import { useCreateUser } from '../../api/users.ts';
import { contractRules } from '../../ui/contract-rules.ts';
import { DATE_FORMAT, toIsoDate } from '../../ui/dates.ts';
import { OrgSelect } from '../../ui/OrgSelect.tsx';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { newPasswordRule, PASSWORD_POLICY_TEXT } from '../auth/password-rules.ts';
import { generatePassword } from './generate-password.ts';
import { grantableRoles } from './grantable-roles.ts';

type RoleRow = { role: Role; orgId: number; endsOn?: Dayjs | null };
type Values = { username: string; name: string; orgId: number; initialPassword: string; roles?: RoleRow[] };

const FIELDS = ['username', 'name', 'orgId', 'initialPassword', 'roles'];
const REASON_FIELDS = {
  username_taken: 'username',
  separation_of_duties: 'roles',
};

/** 新建用户: the account, its home org, a temporary password (changed at first login) and its roles. */
export function CreateUserDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const me = useMe();
  const create = useCreateUser();
  const handleError = useApiErrorHandler();
  const roles = me.data ? grantableRoles(me.data) : [];
  const username = Form.useWatch('username', form) ?? '';

  const close = () => {
    form.resetFields();
    onClose();
  };

  const submit = (values: Values) =>
    create.mutate(
      {
        username: values.username.trim(),
        name: values.name.trim(),
        orgId: values.orgId,
        initialPassword: values.initialPassword,
        roles: (values.roles ?? []).map((r) => ({
          role: r.role,
          orgId: r.orgId,
          endsOn: toIsoDate(r.endsOn) ?? null,
        })),
      },
      {
        onSuccess: close,
        onError: (error) => handleError(error, { form, knownFields: FIELDS, reasonFields: REASON_FIELDS }),
      },
    );

  return (
    <Drawer
      title="新建用户"
      open={open}
      onClose={close}
      size={640}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={close}>取消</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
            创建
          </Button>
        </Flex>
      }
    >
      <Form
        name="createUser"
        form={form}
        layout="vertical"
        onFinish={submit}
        aria-label="新建用户"
        initialValues={{ roles: [] }}
      >
        <Form.Item
          label="用户名"
          name="username"
          extra="登录用，创建后不能修改：小写字母开头，3–32位，可含小写字母、数字、下划线、点、连字符"
          rules={contractRules(CreateUserBody.shape.username, { required: '请输入用户名' })}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="姓名"
          name="name"
          rules={contractRules(CreateUserBody.shape.name, { required: '请输入姓名' })}
        >
          <Input />
        </Form.Item>
        <Form.Item label="所属组织" name="orgId" rules={[{ required: true, message: '请选择所属组织' }]}>
          <OrgSelect aria-label="所属组织" />
        </Form.Item>
        <Form.Item label="初始密码" required extra={`用户首次登录时须修改。${PASSWORD_POLICY_TEXT}。`}>
          <Flex gap={8}>
            <Form.Item
              name="initialPassword"
              noStyle
              dependencies={['username']}
              rules={[newPasswordRule(username)]}
            >
              <Input aria-label="初始密码" autoComplete="new-password" style={{ fontFamily: 'monospace' }} />
            </Form.Item>
            <Button onClick={() => form.setFieldValue('initialPassword', generatePassword())}>
              随机生成
            </Button>
          </Flex>
        </Form.Item>
        <Typography.Title level={5}>角色</Typography.Title>
        <Form.List name="roles">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.length === 0 ? (
                <Typography.Text type="secondary" style={{ marginBottom: 8 }}>
                  暂不分配角色时，账号可以登录但看不到业务功能。
                </Typography.Text>
              ) : null}
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="flex-start">
                  <Form.Item
                    name={[field.name, 'role']}
                    rules={[{ required: true, message: '请选择角色' }]}
                    style={{ width: 140 }}
                  >
                    <Select
                      aria-label="角色"
                      placeholder="角色"
                      // Every option is a role=option in the listbox (a virtual list exposes only the active one).
                      virtual={false}
                      options={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'orgId']}
                    rules={[{ required: true, message: '请选择组织' }]}
                    style={{ flex: 1, minWidth: 0 }}
                  >
                    <OrgSelect aria-label="角色所在组织" placeholder="角色所在组织" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'endsOn']} style={{ width: 140 }}>
                    <DatePicker
                      aria-label="有效期至"
                      format={DATE_FORMAT}
                      placeholder="长期有效"
                      disabledDate={(d) => d.isBefore(dayjs(), 'day')}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    aria-label="删除此角色"
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add()}
                disabled={roles.length === 0}
              >
                添加角色
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
