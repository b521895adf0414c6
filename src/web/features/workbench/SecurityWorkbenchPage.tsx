import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex } from 'antd';
import { useSecurityWorkbench } from '../../api/workbench.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { SecurityFigures, SecurityNotices } from './SecurityNotices.tsx';

/**
 * 安全管理员的工作台: no party data (三员分立), only what the security settings and the accounts need from the
 * security administrator: warnings first (the org_admin's second factor switched off), then the figures.
 */
export function SecurityWorkbenchPage() {
  const workbench = useSecurityWorkbench();
  if (workbench.isPending) return <LoadingState />;
  if (workbench.isError) {
    return <ErrorState error={workbench.error} what="工作台" onRetry={() => workbench.refetch()} />;
  }
  const data = workbench.data;
  return (
    <>
      <PageHeader
        title="工作台"
        description="安全管理员：安全策略与账号安全"
        extra={
          <Button
            icon={<ReloadOutlined />}
            loading={workbench.isFetching}
            onClick={() => workbench.refetch()}
          >
            刷新
          </Button>
        }
      />
      <Flex vertical gap={16}>
        {data.notices.length > 0 ? (
          <SecurityNotices workbench={data} />
        ) : (
          <Alert type="success" showIcon title="当前没有需要处理的安全提醒。" />
        )}
        <SecurityFigures workbench={data} />
      </Flex>
    </>
  );
}
