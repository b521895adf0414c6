import { CalendarOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/api-error.ts';
import { useOwnMember } from '../../api/members.ts';
import { formatDate } from '../../ui/dates.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { MemberBasicInfo } from '../members/MemberBasicInfo.tsx';
import { MemberHistoryTab } from '../members/MemberHistoryTab.tsx';
import { MemberStatusTag } from '../members/MemberStatusTag.tsx';
import { ContactDrawer } from './ContactDrawer.tsx';
import { MyAccountCard } from './MyAccountCard.tsx';

/** 我的党员档案 (`/m/me`): the member's own record in full, its history, and 修改联系方式. Phone first. */
export function MyMemberPage() {
  const own = useOwnMember();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  usePageTitle('我的党员档案');

  if (own.isPending) return <LoadingState />;
  if (own.isError) {
    if (own.error instanceof ApiError && own.error.status === 404) {
      return (
        <Card>
          <EmptyState description="您的账号还没有关联党员档案。请联系所在党支部，由党支部书记为您开通党员账号。" />
        </Card>
      );
    }
    return <ErrorState error={own.error} what="党员档案" onRetry={() => own.refetch()} />;
  }
  const m = own.data;

  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Flex vertical gap={4}>
          <Flex align="center" gap={8} wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {m.name}
            </Typography.Title>
            <MemberStatusTag status={m.status} leftReason={m.leftReason} />
          </Flex>
          <Typography.Text type="secondary">{m.orgName}</Typography.Text>
          <Typography.Text type="secondary">入党时间 {formatDate(m.admittedOn)}</Typography.Text>
        </Flex>
        <Button
          type="primary"
          size="large"
          block
          icon={<EditOutlined />}
          style={{ marginTop: 12 }}
          onClick={() => setEditing(true)}
        >
          修改联系方式
        </Button>
        <Link to="/m/meetings">
          <Button size="large" block icon={<CalendarOutlined />} style={{ marginTop: 8 }}>
            我的会议（签到、请假）
          </Button>
        </Link>
        <Link to="/m/appraisals">
          <Button size="large" block style={{ marginTop: 8 }}>
            民主评议（自评、互评）
          </Button>
        </Link>
        <Link to="/m/dues">
          <Button size="large" block style={{ marginTop: 8 }}>
            我的党费（应缴、已缴、欠缴）
          </Button>
        </Link>
      </Card>
      <Card size="small">
        <Tabs
          size="large"
          items={[
            { key: 'basic', label: '基本信息', children: <MemberBasicInfo member={m} narrow /> },
            { key: 'history', label: '历史', children: <MemberHistoryTab events={m.events} /> },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>
          姓名、身份证号、党籍等信息如有错误，请联系所在党支部更正。
        </Typography.Paragraph>
      </Card>
      <MyAccountCard />
      <ContactDrawer
        member={m}
        open={editing}
        onClose={() => setEditing(false)}
        onSaved={() => message.success('联系方式已更新')}
      />
    </Flex>
  );
}
