import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row } from 'antd';
import { useMe } from '../../api/auth.ts';
import { useWorkbench } from '../../api/workbench.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { KeyFigures } from './KeyFigures.tsx';
import { MemberStatsSection } from './MemberStatsSection.tsx';
import { OrgKindChart } from './OrgKindChart.tsx';
import { SecurityWorkbenchPage } from './SecurityWorkbenchPage.tsx';
import { TodoCard } from './TodoCard.tsx';

/**
 * 工作台: first what needs the user's action, then the key figures of their subtree (docs/design.md §4.2). The
 * security administrator, who reads no party data, has a 工作台 of their own (SecurityWorkbenchPage).
 */
export function WorkbenchPage() {
  const me = useMe();
  const permissions = me.data?.permissions ?? [];
  if (!permissions.includes('workbench.read') && permissions.includes('settings.security')) {
    return <SecurityWorkbenchPage />;
  }
  return <BusinessWorkbench />;
}

function BusinessWorkbench() {
  const workbench = useWorkbench();
  // Member statistics are party data: the administrator roles see the org figures only.
  const seesStats = useMe().data?.permissions.includes('stats.read') ?? false;
  if (workbench.isPending) return <LoadingState />;
  if (workbench.isError) {
    return <ErrorState error={workbench.error} what="工作台" onRetry={() => workbench.refetch()} />;
  }
  const data = workbench.data;
  const scope = data.roots.map((r) => r.name).join('、');
  return (
    <>
      <PageHeader
        title="工作台"
        description={scope ? `管辖范围：${scope}` : undefined}
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
        <TodoCard workbench={data} />
        <KeyFigures workbench={data} />
        <Row gutter={[16, 16]}>
          <Col xs={24}>
            <Card title="组织数量（按类别）">
              <OrgKindChart counts={data.orgCounts} />
            </Card>
          </Col>
        </Row>
        {seesStats && data.roots.length > 0 ? (
          <MemberStatsSection key={data.roots[0]?.id} roots={data.roots} />
        ) : null}
      </Flex>
    </>
  );
}
