import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Card, Flex, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { useMe } from '../../api/auth.ts';
import type { MemberDecision } from '../../api/member-decisions.ts';
import { useMember, useRevealedMember } from '../../api/members.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { LapseCaseNotice, LapseCasesCard } from '../lapse-cases/LapseCasesCard.tsx';
import { MemberActions } from './MemberActions.tsx';
import { MemberBasicInfo } from './MemberBasicInfo.tsx';
import { MemberDuesTab } from './MemberDuesTab.tsx';
import { MemberHistoryTab } from './MemberHistoryTab.tsx';
import { MemberStatusTag } from './MemberStatusTag.tsx';
import { MemberTransfersTab } from './MemberTransfersTab.tsx';
import { ApproveDecisionModal, PendingDecisions } from './PendingDecisions.tsx';

const TABS = ['basic', 'history', 'transfers', 'lapse', 'dues'] as const;
type Tab = (typeof TABS)[number];

/** One member: 基本信息 / 历史 / 组织关系转接 / 自行脱党情形, with the actions the user may take. */
export function MemberDetailPage() {
  const { memberId } = useParams();
  const id = Number(memberId);
  const location = useLocation();
  const back = (location.state as { back?: string } | null)?.back ?? '/members';
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab') as Tab | null;
  const tab: Tab = requested && TABS.includes(requested) ? requested : 'basic';
  const { modal } = App.useApp();
  const seesDues = useMe().data?.permissions.includes('dues.read') ?? false;
  const [reveal, setReveal] = useState(false);
  const [approving, setApproving] = useState<MemberDecision | null>(null);
  const member = useMember(id);
  const version = member.data?.version;
  const revealed = useRevealedMember(id, version, reveal);
  usePageTitle(member.data ? `${member.data.name} · 党员档案` : '党员档案');
  // A change to the record (an edit, a status change) ends the reveal: it would show stale values.
  useEffect(() => {
    if (version !== undefined) setReveal(false);
  }, [version]);

  const askReveal = () =>
    modal.confirm({
      title: '查看完整身份证号？',
      content:
        '完整的公民身份号码属于个人敏感信息。本次查看将记入审计日志（查看人、时间、对象），请仅在工作需要时查看。',
      okText: '查看',
      cancelText: '取消',
      onOk: () => setReveal(true),
    });

  if (!Number.isInteger(id) || id <= 0) return <ErrorState error={null} what="党员" />;
  if (member.isPending) return <LoadingState />;
  if (member.isError) return <ErrorState error={member.error} what="党员" onRetry={() => member.refetch()} />;
  const m = reveal && revealed.data?.version === member.data.version ? revealed.data : member.data;

  return (
    <Card>
      <Flex vertical gap={12}>
        <Link to={back}>
          <ArrowLeftOutlined /> 返回党员名册
        </Link>
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <Flex align="center" gap={8} wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {m.name}
            </Typography.Title>
            <MemberStatusTag status={m.status} leftReason={m.leftReason} />
            <Typography.Text type="secondary">{m.orgName}</Typography.Text>
          </Flex>
          <Flex gap={8} align="center" wrap>
            <Link to={`/members/${m.id}/card`}>
              <PrinterOutlined /> 打印信息卡
            </Link>
            <MemberActions member={m} />
          </Flex>
        </Flex>
        <PendingDecisions decisions={m.decisions} onApprove={setApproving} />
        {approving ? <ApproveDecisionModal decision={approving} onClose={() => setApproving(null)} /> : null}
        <LapseCaseNotice
          memberId={m.id}
          onShow={() => setParams({ tab: 'lapse' }, { replace: true, state: location.state })}
        />
        {m.warnings.map((w) => (
          <Alert key={w.reason} type="warning" showIcon title={w.message} />
        ))}
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true, state: location.state })}
          items={[
            {
              key: 'basic',
              label: '基本信息',
              children: (
                <MemberBasicInfo
                  member={m}
                  revealing={reveal && revealed.isFetching}
                  {...(m.can.reveal ? { onReveal: askReveal } : {})}
                />
              ),
            },
            { key: 'history', label: '历史', children: <MemberHistoryTab events={m.events} /> },
            {
              key: 'transfers',
              label: '组织关系转接',
              children: <MemberTransfersTab memberId={m.id} canTransfer={m.can.transfer} />,
            },
            { key: 'lapse', label: '自行脱党情形', children: <LapseCasesCard member={m} /> },
            ...(seesDues
              ? [{ key: 'dues', label: '党费', children: <MemberDuesTab memberId={m.id} /> }]
              : []),
          ]}
        />
      </Flex>
    </Card>
  );
}
