import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MemberDecisionView } from '../../contracts/member-decisions.ts';
import type { z } from '../../contracts/zod-zh.ts';
import { api, type BodyOf } from './client.ts';
import { ledgerKeys } from './ledger.ts';

/** 支部大会 decisions and the approval of the level above (docs/membership.md §12). */
export type MemberDecision = z.infer<typeof MemberDecisionView>;
export type RecordDecisionInput = BodyOf<'/api/members/{id}/decisions', 'post'>;
export type ApproveDecisionInput = BodyOf<'/api/member-decisions/{id}/approve', 'post'>;
export type WithdrawDecisionInput = BodyOf<'/api/member-decisions/{id}/withdraw', 'post'>;

export const decisionKeys = {
  all: ['member-decisions'] as const,
  pending: (orgId: number | undefined) => ['member-decisions', 'pending', orgId ?? null] as const,
};

/** After a decision: the member, the pending lists, and what an approval changes (ledger, statistics, 待办). */
function useInvalidateDecisions() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [['members'], decisionKeys.all, ledgerKeys.all, ['stats'], ['workbench'], ['findings']].map(
        (queryKey) => queryClient.invalidateQueries({ queryKey }),
      ),
    );
}

/** The pending decisions in scope (or an org's subtree), oldest meeting first. */
export function usePendingDecisions(orgId: number | undefined) {
  return useQuery({
    queryKey: decisionKeys.pending(orgId),
    queryFn: () => api.GET('/api/member-decisions', { params: { query: { orgId } } }),
  });
}

export function useRecordDecision(memberId: number) {
  const invalidate = useInvalidateDecisions();
  return useMutation({
    mutationFn: (input: RecordDecisionInput) =>
      api.POST('/api/members/{id}/decisions', { params: { path: { id: memberId } }, body: input }),
    onSuccess: invalidate,
  });
}

export function useApproveDecision() {
  const invalidate = useInvalidateDecisions();
  return useMutation({
    mutationFn: ({ id, ...body }: ApproveDecisionInput & { id: number }) =>
      api.POST('/api/member-decisions/{id}/approve', { params: { path: { id } }, body }),
    onSuccess: invalidate,
  });
}

export function useWithdrawDecision() {
  const invalidate = useInvalidateDecisions();
  return useMutation({
    mutationFn: ({ id, ...body }: WithdrawDecisionInput & { id: number }) =>
      api.POST('/api/member-decisions/{id}/withdraw', { params: { path: { id } }, body }),
    onSuccess: invalidate,
  });
}
