import { PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Flex,
  Form,
  Input,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { UserView } from '../../../contracts/users.ts';
import { ROLE_LABELS, ROLES } from '../../../domain/access/index.ts';
import { useMe } from '../../api/auth.ts';
import { type UserListParams, useUsers } from '../../api/users.ts';
import { useColumnSettings } from '../../ui/ColumnSettings.tsx';
import { formatDate, formatDateTime } from '../../ui/dates.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { FilterPanel } from '../../ui/FilterPanel.tsx';
import { OrgSelect } from '../../ui/OrgSelect.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { CreateUserDrawer } from './CreateUserDrawer.tsx';
import { UserRowActions } from './UserRowActions.tsx';
import { USER_STATUS_LABELS, UserStatusTag } from './UserStatusTag.tsx';

type Filter = Omit<UserListParams, 'page' | 'pageSize'> & { orgId?: number };

/** 用户与权限: accounts in the user's scope, with their roles; create, edit, grant, unlock, reset, deactivate. */
export function UsersPage() {
  const me = useMe();
  const [form] = Form.useForm<Filter>();
  // A link may name the account to find (the 待办 党员已离开但账号仍可用 links here with the member's name).
  const [params] = useSearchParams();
  const linked = params.get('q')?.trim() || undefined;
  const [filter, setFilter] = useState<Filter>(() => (linked ? { q: linked } : {}));
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    if (linked === undefined) return;
    form.setFieldsValue({ q: linked });
    setFilter({ q: linked });
    setPage(1);
  }, [form, linked]);
  const users = useUsers({ ...filter, page, pageSize });
  const canCreate = me.data?.permissions.includes('user.manage') ?? false;
  const filtered = Object.values(filter).some((v) => v !== undefined && v !== '');
  const columns: TableColumnsType<UserView> = [
    { title: '用户名', key: 'username', dataIndex: 'username', width: 140, fixed: 'left' },
    {
      title: '姓名 / 所属组织',
      key: 'name',
      width: 220,
      render: (_, user) => (
        <Flex vertical>
          <span>{user.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {user.orgName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: '角色（管辖范围）',
      key: 'roles',
      render: (_, user) =>
        user.assignments.length === 0 ? (
          <Typography.Text type="secondary">无角色</Typography.Text>
        ) : (
          <Flex gap={4} wrap>
            {user.assignments.map((a) => (
              <Tooltip key={a.id} title={a.endsOn ? `有效期至 ${formatDate(a.endsOn)}` : '长期有效'}>
                <Tag style={{ maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                  {ROLE_LABELS[a.role]} · {a.orgName}
                </Tag>
              </Tooltip>
            ))}
          </Flex>
        ),
    },
    {
      title: '状态',
      key: 'status',
      width: 150,
      render: (_, user) => <UserStatusTag user={user} />,
    },
    {
      title: '最近登录',
      key: 'lastLoginAt',
      dataIndex: 'lastLoginAt',
      width: 165,
      render: (v: string | null) => (v ? formatDateTime(v) : '从未登录'),
    },
    {
      title: '操作',
      key: 'actions',
      width: 180,
      fixed: 'right',
      render: (_, user) => (me.data ? <UserRowActions user={user} me={me.data} /> : null),
    },
  ];
  const settings = useColumnSettings(columns, { table: 'users', locked: ['username', 'actions'] });

  return (
    <>
      <PageHeader
        title="用户与权限"
        description="管理本级及下级组织的系统账号，按组织分配角色；三员分立：系统、安全、审计管理员互不兼任。"
        extra={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建用户
            </Button>
          ) : undefined
        }
      />
      <FilterPanel<Filter>
        name="userFilter"
        form={form}
        onSearch={(values) => {
          setFilter({ ...values, q: values.q?.trim() || undefined });
          setPage(1);
        }}
        onReset={() => {
          setFilter({});
          setPage(1);
        }}
      >
        <Form.Item label="用户名或姓名" name="q">
          <Input placeholder="输入用户名或姓名" allowClear />
        </Form.Item>
        <Form.Item label="状态" name="status">
          <Select
            allowClear
            placeholder="全部状态"
            options={Object.entries(USER_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="角色" name="role">
          <Select
            allowClear
            placeholder="全部角色"
            options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          />
        </Form.Item>
        <Form.Item label="所属组织（含下级）" name="orgId">
          <OrgSelect allowClear aria-label="所属组织" />
        </Form.Item>
      </FilterPanel>
      <Card>
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          {settings.button}
        </Flex>
        {users.isError ? (
          <ErrorState error={users.error} what="用户列表" onRetry={() => users.refetch()} />
        ) : (
          <Table<UserView>
            rowKey="id"
            loading={users.isFetching}
            dataSource={users.data?.items ?? []}
            scroll={{ x: 1080 }}
            pagination={{
              current: page,
              pageSize,
              total: users.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => `共 ${total} 个账号`,
              onChange: (p, size) => {
                setPage(size !== pageSize ? 1 : p);
                setPageSize(size);
              },
            }}
            locale={{
              emptyText: (
                <EmptyState
                  description={
                    filtered
                      ? '没有符合条件的账号，请调整筛选条件。'
                      : canCreate
                        ? '还没有账号，点击“新建用户”添加。'
                        : '暂无账号。'
                  }
                />
              ),
            }}
            columns={settings.columns}
          />
        )}
      </Card>
      {canCreate ? <CreateUserDrawer open={creating} onClose={() => setCreating(false)} /> : null}
    </>
  );
}
