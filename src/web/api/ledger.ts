import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LedgerEntry, LedgerView } from '../../contracts/ledger.ts';
import { api } from './client.ts';
import { downloadFile } from './download.ts';

export type { LedgerEntry, LedgerView };

/** A period of the 增减台账, both days inclusive, as `YYYY-MM-DD`. */
export type LedgerPeriod = { from: string; to: string };

/**
 * Every ledger query starts with `ledger`, so that a change to a member (a status change, a transfer, an
 * import) invalidates them all at once.
 */
export const ledgerKeys = {
  all: ['ledger'] as const,
  summary: (orgId: number, period: LedgerPeriod) => ['ledger', 'summary', orgId, period] as const,
  entries: (orgId: number, period: LedgerPeriod, page: number, pageSize: number) =>
    ['ledger', 'entries', orgId, period, page, pageSize] as const,
};

/** 期初, 增加 and 减少 by kind, 期末 of an org's subtree over the period (GET /api/orgs/:id/ledger). */
export function useLedger(orgId: number | undefined, period: LedgerPeriod) {
  return useQuery({
    queryKey: ledgerKeys.summary(orgId ?? 0, period),
    queryFn: ({ signal }) =>
      api.GET('/api/orgs/{id}/ledger', { params: { path: { id: orgId ?? 0 }, query: period }, signal }),
    enabled: orgId !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** The events behind the counts, oldest first, a page at a time. */
export function useLedgerEntries(
  orgId: number | undefined,
  period: LedgerPeriod,
  page: number,
  pageSize: number,
) {
  return useQuery({
    queryKey: ledgerKeys.entries(orgId ?? 0, period, page, pageSize),
    queryFn: ({ signal }) =>
      api.GET('/api/orgs/{id}/ledger/entries', {
        params: { path: { id: orgId ?? 0 }, query: { ...period, page, pageSize } },
        signal,
      }),
    enabled: orgId !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** The 台账 as a workbook (汇总 and 明细 sheets); the server records the export in the audit log. */
export function downloadLedger(orgId: number, period: LedgerPeriod): Promise<void> {
  return downloadFile(
    '/api/orgs/{id}/ledger/export',
    { params: { path: { id: orgId }, query: period } },
    `党员增减台账-${period.from.replaceAll('-', '')}-${period.to.replaceAll('-', '')}.xlsx`,
  );
}
