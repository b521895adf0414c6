import { Badge, Breadcrumb, Card, Flex, Tabs, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { OrgDetail } from '../../../contracts/orgs.ts';
import { ORG_KIND_LABELS } from '../../../domain/org/index.ts';
import { useOrgDetail } from '../../api/orgs.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { LeadershipTab } from './leadership/LeadershipTab.tsx';
import { OrgActions } from './OrgActions.tsx';
import { OrgBasicInfo } from './OrgBasicInfo.tsx';
import { OrgFindingsTab } from './OrgFindingsTab.tsx';
import { OrgHistoryTab } from './OrgHistoryTab.tsx';

const TABS = ['basic', 'leadership', 'history', 'findings'] as const;
type Tab = (typeof TABS)[number];

function OrgBreadcrumb({ org }: { org: OrgDetail }) {
  return (
    <Breadcrumb
      items={[
        ...org.ancestors.map((a) => ({
          key: a.id,
          title: a.inScope ? <Link to={`/orgs/${a.id}`}>{a.name}</Link> : a.name,
        })),
        { key: org.id, title: org.name },
      ]}
    />
  );
}

/** One org: breadcrumb, name and actions, then 基本信息 / 班子成员 / 历史 / 问题提醒. */
export function OrgDetailPanel({ orgId, onNavigate }: { orgId: number; onNavigate: (id: number) => void }) {
  const detail = useOrgDetail(orgId);
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab') as Tab | null;
  const tab: Tab = requested && TABS.includes(requested) ? requested : 'basic';

  if (detail.isPending)
    return (
      <Card>
        <LoadingState />
      </Card>
    );
  if (detail.isError) {
    return (
      <Card>
        <ErrorState error={detail.error} what="组织" onRetry={() => detail.refetch()} />
      </Card>
    );
  }
  const org = detail.data;
  const activeLeaders = org.leadership.filter((p) => p.active).length;

  return (
    <Card>
      <Flex vertical gap={12}>
        {org.ancestors.length > 0 ? <OrgBreadcrumb org={org} /> : null}
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <Flex align="center" gap={8} wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {org.name}
            </Typography.Title>
            <Tag color="processing">{ORG_KIND_LABELS[org.kind]}</Tag>
            {org.dissolvedOn ? <Tag>已撤销</Tag> : null}
          </Flex>
          <OrgActions org={org} onNavigate={onNavigate} />
        </Flex>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            { key: 'basic', label: '基本信息', children: <OrgBasicInfo org={org} /> },
            {
              key: 'leadership',
              label: `班子成员（${activeLeaders}）`,
              children: <LeadershipTab org={org} />,
            },
            { key: 'history', label: '历史', children: <OrgHistoryTab orgId={org.id} /> },
            {
              key: 'findings',
              label: (
                <span>
                  问题提醒 <Badge count={org.findings.length} size="small" style={{ marginInlineStart: 2 }} />
                </span>
              ),
              children: <OrgFindingsTab org={org} />,
            },
          ]}
        />
      </Flex>
    </Card>
  );
}
