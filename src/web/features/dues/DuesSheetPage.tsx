import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { permissionsOf } from '../../../domain/access/index.ts';
import { MEMBER_CATEGORY_LABELS } from '../../../domain/membership/index.ts';
import { isBranchKind } from '../../../domain/org/index.ts';
import { useMe } from '../../api/auth.ts';
import { downloadDuesSheet, useDuesSheet } from '../../api/dues-summary.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { OrgSelect } from '../../ui/OrgSelect.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { DuesFiguresRow } from './DuesFiguresRow.tsx';
import { DuesSheetTable } from './DuesSheetTable.tsx';
import { monthFromSearch, orgIdFromSearch } from './dues-display.ts';

/**
 * 党费收缴 (docs/dues.md §10): a 党支部's monthly collection sheet — per member 应缴 / 实缴 / 欠缴, the payment and its
 * notes, 合计 — to print or export. `?orgId=&month=`.
 */
export function DuesSheetPage() {
  const { message } = App.useApp();
  const apiError = useApiErrorHandler();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [thisMonth] = useState(() => dayjs().format('YYYY-MM'));
  const month = monthFromSearch(params.get('month'), thisMonth);
  const own = me.data?.assignments.find((a) => permissionsOf(a.role).includes('dues.read'));
  const orgId = orgIdFromSearch(params.get('orgId')) ?? own?.orgId;
  const sheet = useDuesSheet(orgId, month);
  const [busy, setBusy] = useState(false);
  const go = (next: { orgId?: number; month?: string }) =>
    setParams({ orgId: String(next.orgId ?? orgId ?? ''), month: next.month ?? month });
  const org = sheet.data?.org;

  return (
    <>
      <PageHeader
        title="党费收缴"
        description="党支部每月党费收缴表：每名党员的应缴、实缴、欠缴，可打印、导出。"
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={24} wrap align="center">
          <Form.Item label="党支部" htmlFor="dues-sheet-org" style={{ margin: 0, minWidth: 360 }}>
            <OrgSelect
              key={orgId ?? 'none'}
              id="dues-sheet-org"
              aria-label="党支部"
              data-testid="dues-sheet-org"
              value={orgId}
              initial={
                org ? { id: org.id, name: org.name } : own ? { id: own.orgId, name: own.orgName } : null
              }
              disabledReason={(hit) => (isBranchKind(hit.kind) ? undefined : '请选择党支部')}
              onChange={(id) => {
                if (id) go({ orgId: id });
              }}
            />
          </Form.Item>
          <Form.Item label="月份" htmlFor="dues-sheet-month" style={{ margin: 0 }}>
            <DatePicker
              id="dues-sheet-month"
              picker="month"
              allowClear={false}
              value={dayjs(`${month}-01`)}
              format="YYYY年M月"
              onChange={(d) => {
                if (d) go({ month: d.format('YYYY-MM') });
              }}
            />
          </Form.Item>
        </Flex>
      </Card>
      {orgId === undefined ? (
        <ErrorState error={null} what="党支部" />
      ) : sheet.isError ? (
        <ErrorState error={sheet.error} what="党费收缴表" onRetry={() => sheet.refetch()} />
      ) : !sheet.data || !org ? (
        <LoadingState />
      ) : (
        <Card
          size="small"
          title={`${org.name} · ${sheet.data.monthLabel}党费收缴表`}
          extra={
            <Space wrap>
              <Link to={`/dues/sheet/print?orgId=${org.id}&month=${month}`}>
                <PrinterOutlined /> 打印收缴表
              </Link>
              <Button
                icon={<DownloadOutlined />}
                loading={busy}
                onClick={async () => {
                  setBusy(true);
                  try {
                    await downloadDuesSheet(org.id, month);
                    message.success('党费收缴表已导出');
                  } catch (error) {
                    apiError(error);
                  } finally {
                    setBusy(false);
                  }
                }}
              >
                导出收缴表
              </Button>
            </Space>
          }
        >
          <DuesFiguresRow figures={sheet.data.totals} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            应缴为减免后的金额；实缴含冲正，按所属月份计入本支部（流动党员在外地交纳的也计入本支部）；按时足额
            = 当月最后一天前交足。
          </Typography.Paragraph>
          {!isBranchKind(org.kind) ? (
            <Typography.Paragraph type="warning">
              所选组织不是党支部：收缴表只列应向本组织交纳党费的党员。
            </Typography.Paragraph>
          ) : null}
          <DuesSheetTable sheet={sheet.data} />
          {sheet.data.missing.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 12 }}
              title={`未核定基数（${sheet.data.missing.length}人）：应缴党费无法计算，请先核定计算基数`}
              description={sheet.data.missing
                .map((x) => `${x.name}（${MEMBER_CATEGORY_LABELS[x.category]}）`)
                .join('、')}
            />
          ) : null}
        </Card>
      )}
    </>
  );
}
