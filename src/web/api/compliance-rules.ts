import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type BodyOf, type DataOf } from './client.ts';

/** The versions of the rules of organizational life (GET /api/compliance/rules) and their editing (参数配置). */
export type RuleSetList = DataOf<'/api/compliance/rules', 'get'>;
export type RuleSetView = RuleSetList['items'][number];
export type RequirementView = RuleSetView['requirements'][number];
export type RuleSetInput = BodyOf<'/api/compliance/rules', 'post'>;
export type RuleSetChange = BodyOf<'/api/compliance/rules/{version}', 'put'>;

const rulesKey = ['compliance', 'rules'] as const;

export function useComplianceRules() {
  return useQuery({
    queryKey: rulesKey,
    queryFn: ({ signal }) => api.GET('/api/compliance/rules', { signal }),
  });
}

/** Every figure of organizational life may change with the versions: the compliance views are read again. */
function useRulesMutation<I, O>(request: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['compliance'] }),
  });
}

export const useCreateRuleSet = () =>
  useRulesMutation((input: RuleSetInput) => api.POST('/api/compliance/rules', { body: input }));

export const useChangeRuleSet = () =>
  useRulesMutation(({ current, ...body }: RuleSetChange & { current: string }) =>
    api.PUT('/api/compliance/rules/{version}', { params: { path: { version: current } }, body }),
  );

export const useDeleteRuleSet = () =>
  useRulesMutation((version: string) =>
    api.DELETE('/api/compliance/rules/{version}', { params: { path: { version } } }),
  );
