import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OrgStatsView } from '../../contracts/stats.ts';
import { api } from './client.ts';

export type { OrgStatsView };

/** The member statistics of an org's whole subtree, with its direct children for drill-down. */
export function useOrgStats(orgId: number | undefined) {
  return useQuery({
    queryKey: ['stats', orgId],
    queryFn: ({ signal }) =>
      api.GET('/api/orgs/{id}/stats', { params: { path: { id: orgId ?? 0 } }, signal }),
    enabled: orgId !== undefined,
    placeholderData: keepPreviousData,
  });
}
