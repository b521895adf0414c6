import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TokenView } from '../../../contracts/auth.ts';
import { useRevokeToken, useTokens } from '../../api/auth.ts';
import { formatDate, formatDateTime, todayIso } from '../../ui/dates.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { CreateTokenModal } from './CreateTokenModal.tsx';

function tokenStatus(token: TokenView) {
  if (token.revokedAt) return <Tag>已吊销</Tag>;
  if (token.expiresOn && token.expiresOn < todayIso()) return <Tag color="warning">已过期</Tag>;
  return <Tag color="success">有效</Tag>;
}

/** API令牌: personal tokens for scripts (`Authorization: Bearer …`); the secret is shown once, at creation. */
export function TokensPanel() {
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const { modal, message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [creating, setCreating] = useState(false);

  const confirmRevoke = (token: TokenView) =>
    modal.confirm({
      title: `吊销令牌“${token.name}”？`,
      content: '吊销后，使用该令牌的脚本将立即无法访问系统。此操作不可撤销。',
      okText: '吊销',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () =>
        revoke.mutateAsync(token.id).then(
          () => message.success('令牌已吊销'),
          (error) => handleError(error),
        ),
    });

  if (tokens.isError)
    return <ErrorState error={tokens.error} what="令牌列表" onRetry={() => tokens.refetch()} />;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" gap={16} wrap>
        <Typography.Text type="secondary">
          令牌代表您本人访问接口，拥有与您相同的权限。请只在受信任的脚本中使用，不再需要时及时吊销。
        </Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          创建令牌
        </Button>
      </Flex>
      <Table<TokenView>
        rowKey="id"
        size="middle"
        loading={tokens.isPending}
        dataSource={tokens.data ?? []}
        pagination={false}
        locale={{
          emptyText: <EmptyState description="还没有 API 令牌。需要用脚本访问接口时，点击“创建令牌”。" />,
        }}
        columns={[
          { title: '用途', dataIndex: 'name' },
          {
            title: '令牌前缀',
            dataIndex: 'prefix',
            render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text>,
          },
          { title: '创建时间', dataIndex: 'createdAt', render: formatDateTime },
          {
            title: '到期日',
            dataIndex: 'expiresOn',
            render: (v: string | null) => (v ? formatDate(v) : '长期有效'),
          },
          {
            title: '最近使用',
            dataIndex: 'lastUsedAt',
            render: (v: string | null) => (v ? formatDateTime(v) : '从未使用'),
          },
          { title: '状态', key: 'status', render: (_, token) => tokenStatus(token) },
          {
            title: '操作',
            key: 'actions',
            render: (_, token) =>
              token.revokedAt ? null : (
                <Button type="link" danger size="small" onClick={() => confirmRevoke(token)}>
                  吊销
                </Button>
              ),
          },
        ]}
      />
      <CreateTokenModal open={creating} onClose={() => setCreating(false)} />
    </Flex>
  );
}
