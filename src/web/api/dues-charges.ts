import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type BodyOf, type DataOf, type QueryOf } from './client.ts';

/** 应缴 (docs/dues.md §8: the monthly charges, read-only) and 减免 (§6: recorded by the branch, decided above). */
export type ChargeList = DataOf<'/api/dues/charges', 'get'>;
export type ChargeItem = ChargeList['items'][number];
export type ChargesQuery = QueryOf<'/api/dues/charges'>;
export type ReductionList = DataOf<'/api/dues/reductions', 'get'>;
export type ReductionItem = ReductionList['items'][number];
export type ReductionFilter = QueryOf<'/api/dues/reductions'>;
export type ReductionInput = BodyOf<'/api/dues/reductions', 'post'>;
export type ReductionDecision = BodyOf<'/api/dues/reductions/{id}/approve', 'post'>;

export const duesChargeKeys = {
  all: ['dues-charges'] as const,
  charges: (query: ChargesQuery) => ['dues-charges', 'charges', query] as const,
  reductions: (filter: ReductionFilter) => ['dues-charges', 'reductions', filter] as const,
};

/** The charges of an org's subtree for a month, or of one member for a range of months. */
export function useCharges(query: ChargesQuery | undefined) {
  return useQuery({
    queryKey: duesChargeKeys.charges(query ?? {}),
    queryFn: ({ signal }) => api.GET('/api/dues/charges', { params: { query: query ?? {} }, signal }),
    enabled: query !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** The reductions recorded by the branches of an org's subtree, filtered by status. */
export function useReductions(filter: ReductionFilter | undefined) {
  return useQuery({
    queryKey: duesChargeKeys.reductions(filter ?? { orgId: 0 }),
    queryFn: ({ signal }) =>
      api.GET('/api/dues/reductions', { params: { query: filter ?? { orgId: 0 } }, signal }),
    enabled: filter !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** After a change: the reductions, the charges they change, and every dues view built on the charges. */
function useDuesMutation<I, O>(request: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () =>
      Promise.all(
        [duesChargeKeys.all, ['dues-summary'], ['dues-ledger']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

export const useRecordReduction = () =>
  useDuesMutation((body: ReductionInput) => api.POST('/api/dues/reductions', { body }));

export const useDecideReduction = () =>
  useDuesMutation(
    ({ id, decision, ...body }: ReductionDecision & { id: number; decision: 'approve' | 'reject' }) =>
      decision === 'approve'
        ? api.POST('/api/dues/reductions/{id}/approve', { params: { path: { id } }, body })
        : api.POST('/api/dues/reductions/{id}/reject', { params: { path: { id } }, body }),
  );

export const useWithdrawReduction = () =>
  useDuesMutation((id: number) =>
    api.POST('/api/dues/reductions/{id}/withdraw', { params: { path: { id } } }),
  );
