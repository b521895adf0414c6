import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { AssignmentView, MeView } from '../../../contracts/auth.ts';
import { ROLE_LABELS, type Role } from '../../../domain/access/index.ts';
import { useGrantRole, useRevokeRole, useUser } from '../../api/users.ts';
import { DATE_FORMAT, formatDate, toIsoDate } from '../../ui/dates.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { OrgSelect } from '../../ui/OrgSelect.tsx';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { grantableRoles } from './grantable-roles.ts';

type Values = { role: Role; orgId: number; endsOn?: Dayjs | null };

const REASON_FIELDS = {
  separation_of_duties: 'role',
  grant_above_own_rank: 'role',
  grant_not_permitted: 'orgId',
  self_grant: 'role',
  role_already_assigned: 'role',
  ends_in_past: 'endsOn',
};

/** 角色: the account's role assignments (role + org + until); grant and revoke the roles this user may. */
export function RolesDrawer({ userId, me, onClose }: { userId: number; me: MeView; onClose: () => void }) {
  const user = useUser(userId);
  const grant = useGrantRole();
  const revoke = useRevokeRole();
  const { modal, message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const roles = grantableRoles(me);
  const self = userId === me.id;

  const submit = (values: Values) =>
    grant.mutate(
      { userId, role: values.role, orgId: values.orgId, endsOn: toIsoDate(values.endsOn) ?? null },
      {
        onSuccess: () => {
          message.success(`已授予“${ROLE_LABELS[values.role]}”角色`);
          form.resetFields();
        },
        onError: (error) =>
          handleError(error, { form, knownFields: ['role', 'orgId', 'endsOn'], reasonFields: REASON_FIELDS }),
      },
    );

  const confirmRevoke = (a: AssignmentView) =>
    modal.confirm({
      title: `撤销“${ROLE_LABELS[a.role]} · ${a.orgName}”？`,
      content: `撤销后，${user.data?.name ?? '该用户'}立即失去该角色在“${a.orgName}”及其下级组织的全部权限。`,
      okText: '撤销角色',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () =>
        revoke.mutateAsync({ userId, assignmentId: a.id }).then(
          () => message.success('角色已撤销'),
          (error) => handleError(error),
        ),
    });

  return (
    <Drawer
      title={`角色 — ${user.data ? `${user.data.name}（${user.data.username}）` : ''}`}
      open
      onClose={onClose}
      size={640}
    >
      {user.isPending ? (
        <LoadingState />
      ) : user.isError ? (
        <ErrorState error={user.error} what="用户" onRetry={() => user.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            现有角色
          </Typography.Title>
          <Table<AssignmentView>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={user.data.assignments}
            locale={{ emptyText: <EmptyState description="该账号暂无角色，可在下方授予。" /> }}
            columns={[
              { title: '角色', dataIndex: 'role', render: (r: Role) => ROLE_LABELS[r] },
              { title: '组织（管辖范围）', dataIndex: 'orgName' },
              {
                title: '有效期至',
                dataIndex: 'endsOn',
                render: (v: string | null) => (v ? formatDate(v) : '长期'),
              },
              {
                title: '操作',
                key: 'actions',
                render: (_, a) =>
                  !self && roles.includes(a.role) ? (
                    <Button type="link" danger size="small" onClick={() => confirmRevoke(a)}>
                      撤销
                    </Button>
                  ) : null,
              },
            ]}
          />
          <Typography.Title level={5} style={{ margin: 0 }}>
            授予角色
          </Typography.Title>
          {self ? (
            <Alert type="info" showIcon title="不能变更自己的角色，请由其他管理员办理。" />
          ) : (
            <Form name="grantRole" form={form} layout="vertical" onFinish={submit} aria-label="授予角色">
              <Flex gap={12} wrap align="flex-start">
                <Form.Item
                  label="角色"
                  name="role"
                  rules={[{ required: true, message: '请选择角色' }]}
                  style={{ width: 150 }}
                >
                  <Select options={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
                </Form.Item>
                <Form.Item
                  label="组织"
                  name="orgId"
                  rules={[{ required: true, message: '请选择组织' }]}
                  style={{ flex: 1, minWidth: 200 }}
                >
                  <OrgSelect aria-label="授予角色的组织" />
                </Form.Item>
                <Form.Item label="有效期至" name="endsOn" style={{ width: 150 }}>
                  <DatePicker
                    format={DATE_FORMAT}
                    placeholder="长期"
                    disabledDate={(d) => d.isBefore(dayjs(), 'day')}
                  />
                </Form.Item>
              </Flex>
              <Flex justify="flex-end">
                <Button type="primary" htmlType="submit" loading={grant.isPending}>
                  授予
                </Button>
              </Flex>
            </Form>
          )}
        </Flex>
      )}
    </Drawer>
  );
}
