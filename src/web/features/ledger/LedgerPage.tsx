import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/api-error.ts';
import { useMe } from '../../api/auth.ts';
import { downloadLedger, useLedger, useLedgerClosings, useLedgerEntries } from '../../api/ledger.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { LedgerClosings } from './LedgerClosings.tsx';
import { LedgerControls } from './LedgerControls.tsx';
import { LedgerEntryTable } from './LedgerEntryTable.tsx';
import { LedgerSummaryTable } from './LedgerSummaryTable.tsx';
import {
  defaultLedgerOrg,
  type LedgerState,
  ledgerStateFromSearch,
  type OrgRef,
  presetLabelOf,
  searchFromLedgerState,
} from './ledger-query.ts';

/**
 * 党员增减台账: for an org and its subtree over a period, 期初, the increases and decreases by kind and 期末,
 * then the entries behind them; 导出Excel for the paper register. Org and period live in the URL.
 */
export function LedgerPage() {
  const me = useMe();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const location = useLocation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  // “Today” of this visit: the default period and the presets do not move while the page is open.
  const [today] = useState(() => dayjs().startOf('day'));
  const state = useMemo(() => ledgerStateFromSearch(params, today), [params, today]);
  const ownOrg = defaultLedgerOrg(me.data?.assignments ?? []);
  const orgId = state.orgId ?? ownOrg?.id;
  const { period } = state;
  const [picked, setPicked] = useState<OrgRef>();
  const [exporting, setExporting] = useState(false);
  const ledger = useLedger(orgId, period);
  const entries = useLedgerEntries(orgId, period, state.page, state.pageSize);
  const closings = useLedgerClosings();

  const fromLedger = ledger.data ? { id: ledger.data.orgId, name: ledger.data.orgName } : undefined;
  const org = [picked, ownOrg, fromLedger].find((o) => o !== undefined && o.id === orgId);
  const go = (next: Partial<LedgerState>) => setParams(searchFromLedgerState({ ...state, orgId, ...next }));
  const preset = presetLabelOf(period, today);
  const periodText = `${period.from} 至 ${period.to}${preset ? `（${preset}）` : ''}`;

  const exportLedger = async () => {
    if (orgId === undefined) return;
    setExporting(true);
    try {
      await downloadLedger(orgId, period);
      message.success('已导出增减台账');
    } catch (error) {
      handleError(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title="党员增减台账"
        description="本组织及全部下级的党员增减，按党内统计T1口径：在册 = 预备党员、正式党员、失联党员（停止党籍计为减少）；死亡单列，不计入出党；组织内部调动不计增减。"
        extra={
          <>
            <Button
              icon={<PrinterOutlined />}
              disabled={orgId === undefined || ledger.isError}
              // The whole period on paper, not the page on screen: the print view reads every entry.
              onClick={() =>
                navigate(`/member-ledger/print?${searchFromLedgerState({ ...state, orgId }).toString()}`)
              }
            >
              打印
            </Button>
            <Button
              icon={<DownloadOutlined />}
              loading={exporting}
              disabled={orgId === undefined || ledger.isError}
              onClick={exportLedger}
            >
              导出Excel
            </Button>
          </>
        }
      />
      {/* On paper the controls give way to the org and the period they chose (docs/official-forms.md §12). */}
      <Typography.Paragraph className="print-only" data-testid="ledger-print-heading">
        党组织：{org?.name ?? ledger.data?.orgName ?? '—'}　统计期间：{periodText}　打印日期：
        {today.format('YYYY年M月D日')}
      </Typography.Paragraph>
      <div className="no-print">
        <LedgerControls
          orgId={orgId}
          org={org}
          period={period}
          today={today}
          onOrg={(next) => {
            setPicked(next);
            go({ orgId: next.id, page: 1 });
          }}
          onPeriod={(next) => go({ period: next, page: 1 })}
        />
      </div>
      {orgId === undefined ? (
        <Card>
          <EmptyState description="请先选择党组织，再查看其增减台账。" />
        </Card>
      ) : (
        <>
          <Card
            title="汇总"
            extra={
              <Flex gap={12} align="center" wrap>
                {closings.data ? (
                  <LedgerClosings
                    closings={closings.data}
                    period={period}
                    today={today.format('YYYY-MM-DD')}
                  />
                ) : null}
                <Typography.Text type="secondary">{periodText}</Typography.Text>
              </Flex>
            }
            style={{ marginBottom: 16 }}
          >
            {ledger.isPending ? (
              <LoadingState tip="正在统计…" />
            ) : ledger.isError ? (
              <ErrorState
                error={ledger.error}
                what={ledger.error instanceof ApiError && ledger.error.status === 404 ? '党组织' : '增减台账'}
                onRetry={() => ledger.refetch()}
              />
            ) : (
              <LedgerSummaryTable ledger={ledger.data} loading={ledger.isFetching} />
            )}
          </Card>
          {/* Without the summary (an org out of scope, a failure) the entries would only repeat its error. */}
          {ledger.isError ? null : (
            <Card title="明细">
              {entries.isError ? (
                <ErrorState error={entries.error} what="台账明细" onRetry={() => entries.refetch()} />
              ) : (
                <LedgerEntryTable
                  settingsTable="ledger-entries"
                  items={entries.data?.items ?? []}
                  loading={entries.isFetching}
                  backTo={location.pathname + location.search}
                  emptyText={`${periodText}没有增减记录。`}
                  pagination={{
                    current: state.page,
                    pageSize: state.pageSize,
                    total: entries.data?.total ?? 0,
                    showSizeChanger: true,
                    showTotal: (n) => `共 ${n} 条`,
                    onChange: (page, pageSize) =>
                      go({ page: pageSize !== state.pageSize ? 1 : page, pageSize }),
                  }}
                />
              )}
            </Card>
          )}
        </>
      )}
    </>
  );
}
