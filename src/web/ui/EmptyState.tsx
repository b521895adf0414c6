import { Empty } from 'antd';
import type { ReactNode } from 'react';

type EmptyStateProps = {
  /** What is missing and what to do next, e.g. “暂无下级组织，可点击“新建下级组织”添加”. */
  description: ReactNode;
  action?: ReactNode;
};

export function EmptyState({ description, action }: EmptyStateProps) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description}>
      {action}
    </Empty>
  );
}
