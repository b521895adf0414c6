import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import { type LedgerEntry, type LedgerPeriod, ledgerKeys } from './ledger.ts';

/** The largest page the entries endpoint answers (PageQuery). */
const PAGE = 200;
/** Past this many entries the printout stops and says so: a longer register is exported to Excel. */
export const PRINTED_ENTRIES_MAX = 10_000;

/**
 * Every entry of the period, for printing the 增减台账 whole (the page shows one page at a time): read page after
 * page, oldest first, up to PRINTED_ENTRIES_MAX. Under `ledger`, so that a member's change reads it again.
 */
export function useAllLedgerEntries(orgId: number | undefined, period: LedgerPeriod) {
  return useQuery({
    queryKey: [...ledgerKeys.all, 'entries-all', orgId ?? 0, period] as const,
    queryFn: async ({ signal }) => {
      const items: LedgerEntry[] = [];
      let total = 0;
      for (let page = 1; items.length < PRINTED_ENTRIES_MAX; page++) {
        const res = await api.GET('/api/orgs/{id}/ledger/entries', {
          params: { path: { id: orgId ?? 0 }, query: { ...period, page, pageSize: PAGE } },
          signal,
        });
        items.push(...res.items);
        total = res.total;
        if (res.items.length < PAGE || items.length >= total) break;
      }
      return { items, total };
    },
    enabled: orgId !== undefined,
  });
}
