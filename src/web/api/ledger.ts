import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LedgerClosingList, LedgerEntry, LedgerView } from '../../contracts/ledger.ts';
import { api, type BodyOf } from './client.ts';
import { downloadFile } from './download.ts';

export type { LedgerClosingList, LedgerEntry, LedgerView };

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

/** The closed periods (关账) of the deployment, and whether the reader may close one. */
export function useLedgerClosings() {
  return useQuery({
    queryKey: [...ledgerKeys.all, 'closings'] as const,
    queryFn: ({ signal }) => api.GET('/api/ledger/closings', { signal }),
  });
}

/** 关账 of a period that has ended (the org_admin at the root); every ledger query is read again after it. */
export function useCloseLedgerPeriod() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/ledger/closings', 'post'>) => api.POST('/api/ledger/closings', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ledgerKeys.all }),
  });
}

/** 取消关账 of the latest closing, with the reason. */
export function useReopenLedgerPeriod() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ periodEnd, reason }: { periodEnd: string; reason: string }) =>
      api.POST('/api/ledger/closings/{periodEnd}/reopen', {
        params: { path: { periodEnd } },
        body: { reason },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ledgerKeys.all }),
  });
}
