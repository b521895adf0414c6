import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Segmented } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { useOrgDetail } from '../../api/orgs.ts';
import { OrgSelect } from '../../ui/OrgSelect.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { MeetingCalendar } from './MeetingCalendar.tsx';
import { MeetingList } from './MeetingList.tsx';

type View = 'calendar' | 'list';

/**
 * 会议 (组织生活): an org's month as a calendar, or the subtree's meetings as a list with filters for the levels
 * above; 计划会议 opens the form. The org and the view are in the URL (`?orgId=&view=list`).
 */
export function MeetingsPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const orgId = Number(params.get('orgId')) || undefined;
  const view: View = params.get('view') === 'list' ? 'list' : 'calendar';
  const org = useOrgDetail(orgId);
  const [month, setMonth] = useState(() => dayjs());
  const canManage = me.data?.permissions.includes('org_life.manage') ?? false;

  const setParam = (key: string, value: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader
        title="会议"
        description="三会一课、主题党日和组织生活会：计划 → 登记召开（出勤、会议记录）→ 办结。只有办结的会议计入组织生活达标。"
        extra={
          canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate(orgId ? `/meetings/new?orgId=${orgId}` : '/meetings/new')}
            >
              计划会议
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={16} wrap align="flex-end" style={{ marginBottom: 16 }}>
          <Form.Item
            label="党组织（含下级）"
            style={{ marginBottom: 0, minWidth: 280 }}
            htmlFor="meetings-org"
          >
            <OrgSelect
              id="meetings-org"
              allowClear
              aria-label="党组织"
              data-testid="meetings-org"
              placeholder="全部管辖范围"
              value={orgId ?? null}
              initial={org.data ? { id: org.data.id, name: org.data.name } : null}
              onChange={(id) => setParam('orgId', id ? String(id) : undefined)}
            />
          </Form.Item>
          <Segmented<View>
            aria-label="查看方式"
            value={view}
            onChange={(v) => setParam('view', v === 'list' ? 'list' : undefined)}
            options={[
              { value: 'calendar', label: '日历' },
              { value: 'list', label: '列表' },
            ]}
          />
        </Flex>
        {view === 'calendar' ? (
          <MeetingCalendar orgId={orgId} month={month} onMonthChange={setMonth} />
        ) : (
          <MeetingList orgId={orgId} />
        )}
      </Card>
    </>
  );
}
