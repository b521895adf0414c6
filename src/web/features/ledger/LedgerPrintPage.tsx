import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { useLedger } from '../../api/ledger.ts';
import { PRINTED_ENTRIES_MAX, useAllLedgerEntries } from '../../api/ledger-print.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LedgerEntryTable } from './LedgerEntryTable.tsx';
import { LedgerSummaryTable } from './LedgerSummaryTable.tsx';
import {
  defaultLedgerOrg,
  ledgerStateFromSearch,
  presetLabelOf,
  searchFromLedgerState,
} from './ledger-query.ts';

/**
 * 打印增减台账 (docs/official-forms.md §12): the org's 汇总 and EVERY entry of the period on paper — the ledger
 * page shows the entries a page at a time, so its 打印 leads here, with the same org and period in the URL.
 */
export function LedgerPrintPage() {
  const me = useMe();
  const [params] = useSearchParams();
  const [today] = useState(() => dayjs().startOf('day'));
  const state = useMemo(() => ledgerStateFromSearch(params, today), [params, today]);
  const orgId = state.orgId ?? defaultLedgerOrg(me.data?.assignments ?? [])?.id;
  const { period } = state;
  const ledger = useLedger(orgId, period);
  const entries = useAllLedgerEntries(orgId, period);
  const preset = presetLabelOf(period, today);
  const periodText = `${period.from} 至 ${period.to}${preset ? `（${preset}）` : ''}`;
  const back = `/member-ledger?${searchFromLedgerState({ ...state, orgId }).toString()}`;
  const ready = ledger.isSuccess && entries.isSuccess;

  return (
    <>
      <div className="no-print">
        <Link to={back}>
          <ArrowLeftOutlined /> 返回增减台账
        </Link>
      </div>
      <PageHeader
        title="党员增减台账"
        documentTitle="打印增减台账"
        description="打印本统计期间的汇总和全部明细。"
        extra={
          <Button type="primary" icon={<PrinterOutlined />} disabled={!ready} onClick={() => window.print()}>
            打印
          </Button>
        }
      />
      {orgId === undefined ? (
        <ErrorState error={null} what="党组织" />
      ) : ledger.isError ? (
        <ErrorState error={ledger.error} what="增减台账" onRetry={() => ledger.refetch()} />
      ) : entries.isError ? (
        <ErrorState error={entries.error} what="台账明细" onRetry={() => entries.refetch()} />
      ) : !ready ? (
        <LoadingState tip="正在读取全部明细…" />
      ) : (
        <article aria-label="打印增减台账" data-testid="ledger-print">
          <Typography.Paragraph>
            党组织：{ledger.data.orgName}　统计期间：{periodText}　打印日期：{today.format('YYYY年M月D日')}
          </Typography.Paragraph>
          <Typography.Title level={5}>汇总</Typography.Title>
          <LedgerSummaryTable ledger={ledger.data} loading={false} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            明细（共 {entries.data.total} 条）
          </Typography.Title>
          {entries.data.items.length < entries.data.total ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={`明细超过 ${PRINTED_ENTRIES_MAX} 条，仅打印前 ${entries.data.items.length} 条；完整明细请导出Excel。`}
            />
          ) : null}
          <LedgerEntryTable
            items={entries.data.items}
            loading={false}
            backTo={back}
            emptyText={`${periodText}没有增减记录。`}
            pagination={false}
          />
        </article>
      )}
    </>
  );
}
