import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Card, Col, Flex, Form, Row, Space, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { permissionsOf } from '../../../domain/access/index.ts';
import { isBranchKind } from '../../../domain/org/index.ts';
import { useMe } from '../../api/auth.ts';
import { useCompliance, useComplianceHeatmap } from '../../api/compliance.ts';
import { downloadMeetingRegister } from '../../api/meeting-register.ts';
import { useOrgDetail } from '../../api/orgs.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { OrgSelect } from '../../ui/OrgSelect.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { ComplianceChildren } from './ComplianceChildren.tsx';
import { ComplianceFindings } from './ComplianceFindings.tsx';
import { ComplianceHeatmap } from './ComplianceHeatmap.tsx';
import { CompliancePeriodPicker } from './CompliancePeriodPicker.tsx';
import {
  type ComplianceState,
  complianceStateFromSearch,
  periodKey,
  rateText,
  searchFromComplianceState,
} from './compliance-query.ts';

/** The 会议记录本 of a 党支部 for the year shown: printed, or exported as a workbook (audited). */
function RegisterActions({ orgId, year }: { orgId: number; year: number }) {
  const { message } = App.useApp();
  const apiError = useApiErrorHandler();
  const [busy, setBusy] = useState(false);
  return (
    <Space wrap>
      <Link to={`/meetings/register/print?orgId=${orgId}&year=${year}`}>
        <PrinterOutlined /> 打印{year}年会议记录本
      </Link>
      <Button
        icon={<DownloadOutlined />}
        loading={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await downloadMeetingRegister(orgId, year);
            message.success('会议记录本已导出');
          } catch (error) {
            apiError(error);
          } finally {
            setBusy(false);
          }
        }}
      >
        导出会议记录本
      </Button>
    </Space>
  );
}

/**
 * 组织生活达标 (docs/organizational-life.md §7): for an org and a period, its subtree's rate and findings, its
 * children's for the period and month by month over the year (heat map), down to a 党支部 and what it misses,
 * each finding with the link that plans the meeting.
 */
export function CompliancePage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [today] = useState(() => dayjs());
  const state = useMemo(() => complianceStateFromSearch(params, today), [params, today]);
  const own = me.data?.assignments.find((a) => permissionsOf(a.role).includes('org_life.read'));
  const orgId = state.orgId ?? own?.orgId;
  const key = periodKey(state.period);
  const view = useCompliance(orgId, key);
  const heatmap = useComplianceHeatmap(orgId, state.period.year);
  const detail = useOrgDetail(orgId);
  const go = (next: Partial<ComplianceState>) =>
    setParams(searchFromComplianceState({ ...state, orgId, ...next }));
  const open = (org: { id: number }) => go({ orgId: org.id });
  const org = view.data?.org;

  return (
    <>
      <PageHeader
        title="组织生活达标"
        description="三会一课等组织生活按规定召开的情况：逐级查看下级组织的达标率，直至党支部缺少的会议。"
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={24} wrap align="center">
          <Form.Item label="党组织（含下级）" htmlFor="compliance-org" style={{ margin: 0, minWidth: 360 }}>
            <OrgSelect
              key={orgId ?? 'none'}
              id="compliance-org"
              aria-label="党组织"
              data-testid="compliance-org"
              value={orgId}
              initial={
                org ? { id: org.id, name: org.name } : own ? { id: own.orgId, name: own.orgName } : null
              }
              onChange={(_, next) => {
                if (next) open(next);
              }}
            />
          </Form.Item>
          <Form.Item label="考核期间" style={{ margin: 0 }}>
            <CompliancePeriodPicker
              value={state.period}
              thisYear={today.year()}
              onChange={(period) => go({ period })}
            />
          </Form.Item>
        </Flex>
      </Card>
      {orgId === undefined ? (
        <ErrorState error={null} what="党组织" />
      ) : view.isError ? (
        <ErrorState error={view.error} what="达标情况" onRetry={() => view.refetch()} />
      ) : !view.data || !org ? (
        <LoadingState />
      ) : (
        <>
          <Breadcrumb
            aria-label="所在层级"
            style={{ marginBottom: 12 }}
            items={[
              ...(detail.data?.ancestors ?? []).map((a) => ({
                key: a.id,
                title: a.inScope ? (
                  <Link to={`?${searchFromComplianceState({ ...state, orgId: a.id }).toString()}`}>
                    {a.name}
                  </Link>
                ) : (
                  a.name
                ),
              })),
              { key: org.id, title: org.name },
            ]}
          />
          <Card
            size="small"
            title={`${org.name} · ${view.data.periodLabel}`}
            extra={
              isBranchKind(org.kind) ? <RegisterActions orgId={org.id} year={state.period.year} /> : null
            }
            style={{ marginBottom: 16 }}
          >
            <Row gutter={16} aria-label="达标概况" role="group">
              <Col span={4}>
                <Statistic title="达标率" value={rateText(view.data.figures.rate)} />
              </Col>
              <Col span={4}>
                <Statistic title="考核项" value={view.data.figures.checks} />
              </Col>
              <Col span={4}>
                <Statistic title="达标" value={view.data.figures.met} />
              </Col>
              <Col span={4}>
                <Statistic title="未达要求" value={view.data.figures.missing} />
              </Col>
              <Col span={4}>
                <Statistic title="已召开未办结" value={view.data.figures.notClosed} />
              </Col>
              <Col span={4}>
                <Statistic title="即将到期" value={view.data.figures.due} />
              </Col>
            </Row>
            <Typography.Text type="secondary">
              统计至 {view.data.asOf}；达标率 = 达标项 ÷ 已考核项（期间已结束或已达标的要求）。
            </Typography.Text>
          </Card>
          {view.data.children.length > 0 ? (
            <Card size="small" title={`下级组织 · ${view.data.periodLabel}`} style={{ marginBottom: 16 }}>
              <ComplianceChildren items={view.data.children} onOpen={open} />
            </Card>
          ) : null}
          <Card
            size="small"
            title={`${state.period.year}年各月达标情况（月度要求）`}
            style={{ marginBottom: 16 }}
          >
            {heatmap.isError ? (
              <ErrorState error={heatmap.error} what="热力图" onRetry={() => heatmap.refetch()} />
            ) : !heatmap.data ? (
              <LoadingState />
            ) : (
              <ComplianceHeatmap heatmap={heatmap.data} onOpen={open} />
            )}
          </Card>
          <Card size="small" title={`本组织的考核发现 · ${view.data.periodLabel}`}>
            <ComplianceFindings findings={view.data.findings} orgId={org.id} />
          </Card>
        </>
      )}
    </>
  );
}
