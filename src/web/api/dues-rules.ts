import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type BodyOf, type DataOf } from './client.ts';
import { duesBaseKeys } from './dues-bases.ts';
import { duesChargeKeys } from './dues-charges.ts';
import { duesLedgerKeys } from './dues-ledger.ts';
import { duesSummaryKeys } from './dues-summary.ts';

/** 党费收缴标准: the versions of the dues rules (GET /api/dues/rules) and their editing (参数配置). */
export type DuesRulesList = DataOf<'/api/dues/rules', 'get'>;
export type DuesRuleSetView = DuesRulesList['versions'][number];
export type DuesRuleSetInput = BodyOf<'/api/dues/rules', 'post'>;
export type DuesRuleSetChange = BodyOf<'/api/dues/rules/{version}', 'put'>;

/** The same query as the bases page's (useDuesRules): one cache of the versions. */
const rulesKey = [...duesBaseKeys.all, 'rules'] as const;

export function useDuesRuleSets() {
  return useQuery({
    queryKey: rulesKey,
    queryFn: ({ signal }) => api.GET('/api/dues/rules', { signal }),
  });
}

/** Every charge may change with the versions: the dues views are read again. */
function useRulesMutation<I, O>(request: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () =>
      Promise.all(
        [duesBaseKeys.all, duesChargeKeys.all, duesLedgerKeys.all, duesSummaryKeys.all].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

export const useCreateDuesRuleSet = () =>
  useRulesMutation((input: DuesRuleSetInput) => api.POST('/api/dues/rules', { body: input }));

export const useChangeDuesRuleSet = () =>
  useRulesMutation(({ current, ...body }: DuesRuleSetChange & { current: string }) =>
    api.PUT('/api/dues/rules/{version}', { params: { path: { version: current } }, body }),
  );

export const useDeleteDuesRuleSet = () =>
  useRulesMutation((version: string) =>
    api.DELETE('/api/dues/rules/{version}', { params: { path: { version } } }),
  );
