import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OrgFindingItem } from '../../contracts/orgs.ts';
import type { z } from '../../contracts/zod-zh.ts';
import type { FindingKind, Severity } from '../../domain/org/index.ts';
import { api } from './client.ts';

export type OrgFinding = z.infer<typeof OrgFindingItem>;
export type FindingParams = {
  orgId?: number;
  kind?: FindingKind;
  severity?: Severity;
  page: number;
  pageSize: number;
};

/** Derived findings (任期届满, 书记空缺) in a subtree, most urgent first. */
export function useFindings(params: FindingParams, enabled = true) {
  return useQuery({
    queryKey: ['findings', params],
    queryFn: ({ signal }) => api.get<{ items: OrgFinding[]; total: number }>('/api/findings', params, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}
