import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OrgFindingItem } from '../../contracts/orgs.ts';
import type { z } from '../../contracts/zod-zh.ts';
import { api, type QueryOf } from './client.ts';

export type OrgFinding = z.infer<typeof OrgFindingItem>;
export type FindingParams = QueryOf<'/api/findings'> & { page: number; pageSize: number };

/** Derived findings (任期届满, 书记空缺) in a subtree, most urgent first. */
export function useFindings(params: FindingParams, enabled = true) {
  return useQuery({
    queryKey: ['findings', params],
    queryFn: ({ signal }) => api.GET('/api/findings', { params: { query: params }, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}
