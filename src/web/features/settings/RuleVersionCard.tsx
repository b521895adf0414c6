import { Button, Card, Popconfirm, Space, Tag } from 'antd';
import type { ReactNode } from 'react';

export type RuleVersionStatus = 'current' | 'history' | 'future';

const STATUS_COLORS: Record<RuleVersionStatus, string> = {
  current: 'green',
  history: 'default',
  future: 'blue',
};

/**
 * One version of a deployment's versioned rules (组织生活达标规则, 党费收缴标准): its name and 现行 / 历史 / 待生效
 * tag, and — for a version not yet in force, to someone who may edit — 编辑 and 删除 (confirmed).
 */
export function RuleVersionCard({
  version,
  status,
  statusLabel,
  editable,
  onEdit,
  onDelete,
  children,
}: {
  version: string;
  status: RuleVersionStatus;
  statusLabel: string;
  editable: boolean;
  onEdit: () => void;
  onDelete: () => void;
  children: ReactNode;
}) {
  return (
    <Card
      role="region"
      aria-label={`版本 ${version}`}
      size="small"
      title={
        <Space>
          <span>{version}</span>
          <Tag color={STATUS_COLORS[status]}>{statusLabel}</Tag>
        </Space>
      }
      extra={
        editable ? (
          <Space>
            <Button size="small" onClick={onEdit}>
              编辑
            </Button>
            <Popconfirm
              title={`删除尚未生效的版本“${version}”？`}
              okText="删除"
              cancelText="取消"
              onConfirm={onDelete}
            >
              <Button size="small" danger>
                删除
              </Button>
            </Popconfirm>
          </Space>
        ) : null
      }
    >
      {children}
    </Card>
  );
}
