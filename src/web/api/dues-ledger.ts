import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LedgerEntryView, MemberDuesView } from '../../contracts/dues-ledger.ts';
import { api, type BodyOf } from './client.ts';

/** The dues ledger (实缴, docs/dues.md §4, §5, §9): a member's months, payments, reversals, 特殊党费. */
export type { LedgerEntryView, MemberDuesView };
export type PaymentInput = BodyOf<'/api/dues/payments', 'post'>;
export type SpecialDuesInput = BodyOf<'/api/dues/special', 'post'>;

export const duesLedgerKeys = {
  all: ['dues-ledger'] as const,
  member: (memberId: number) => ['dues-ledger', 'member', memberId] as const,
  mine: ['dues-ledger', 'mine'] as const,
};

/** A member's months (应缴 / 实缴 / 欠缴 and why), arrears and entries (dues.read). */
export function useMemberDues(memberId: number, enabled = true) {
  return useQuery({
    queryKey: duesLedgerKeys.member(memberId),
    queryFn: ({ signal }) =>
      api.GET('/api/members/{id}/dues', { params: { path: { id: memberId } }, signal }),
    enabled,
  });
}

/** 我的党费 (member.self). */
export function useMyDues() {
  return useQuery({
    queryKey: duesLedgerKeys.mine,
    queryFn: ({ signal }) => api.GET('/api/me/dues', { signal }),
  });
}

/** After a write: the ledger's reads, the dues sheets and summaries, and the 待办 arrears settle. */
function useLedgerMutation<I, O>(request: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () =>
      Promise.all(
        [duesLedgerKeys.all, ['dues'], ['dues-summary'], ['findings'], ['workbench']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

export const useRecordPayment = () =>
  useLedgerMutation((input: PaymentInput) => api.POST('/api/dues/payments', { body: input }));

export const useReverseEntry = () =>
  useLedgerMutation(({ entryId, reason }: { entryId: number; reason: string }) =>
    api.POST('/api/dues/payments/{entryId}/reverse', { params: { path: { entryId } }, body: { reason } }),
  );

export const useRecordSpecialDues = () =>
  useLedgerMutation((input: SpecialDuesInput) => api.POST('/api/dues/special', { body: input }));
