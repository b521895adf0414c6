import { ArrowLeftOutlined, EyeOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMember, useRevealedMember } from '../../api/members.ts';
import { formatChineseDate, todayIso } from '../../ui/dates.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { MemberBasicInfo } from './MemberBasicInfo.tsx';

/**
 * 党员信息卡 (docs/official-forms.md §12): one member's record on one A4 page, names instead of codes, the ID
 * number masked unless an org administrator reveals it first (audited, as on the detail page). 打印 opens the
 * browser's print dialog; the print stylesheet leaves out the menu and the buttons.
 */
export function MemberCardPage() {
  const { memberId } = useParams();
  const id = Number(memberId);
  const { modal } = App.useApp();
  const [reveal, setReveal] = useState(false);
  const member = useMember(id);
  const revealed = useRevealedMember(id, member.data?.version, reveal);

  if (!Number.isInteger(id) || id <= 0) return <ErrorState error={null} what="党员" />;
  if (member.isPending) return <LoadingState />;
  if (member.isError) return <ErrorState error={member.error} what="党员" onRetry={() => member.refetch()} />;
  const m = reveal && revealed.data?.version === member.data.version ? revealed.data : member.data;

  const askReveal = () =>
    modal.confirm({
      title: '打印完整身份证号？',
      content: '完整的公民身份号码属于个人敏感信息。本次查看将记入审计日志，打印件请妥善保管。',
      okText: '显示完整号码',
      cancelText: '取消',
      onOk: () => setReveal(true),
    });

  return (
    <>
      <div className="no-print">
        <Link to={`/members/${m.id}`}>
          <ArrowLeftOutlined /> 返回党员档案
        </Link>
        <PageHeader
          title="党员信息卡"
          documentTitle={`${m.name} · 党员信息卡`}
          description="一页打印本党员的基本信息（代码显示为名称）；身份证号默认隐去中间位。"
          extra={
            <>
              {m.can.reveal && !m.revealed ? (
                <Button icon={<EyeOutlined />} loading={reveal && revealed.isFetching} onClick={askReveal}>
                  显示完整身份证号
                </Button>
              ) : null}
              <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
                打印
              </Button>
            </>
          }
        />
      </div>
      <article aria-label="党员信息卡" data-testid="member-card" style={{ maxWidth: 900 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          党员信息卡
        </Typography.Title>
        <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 8 }}>
          <Typography.Text>所在党组织：{m.orgName}</Typography.Text>
          <Typography.Text>打印日期：{formatChineseDate(todayIso())}</Typography.Text>
        </Flex>
        <MemberBasicInfo member={m} />
      </article>
    </>
  );
}
