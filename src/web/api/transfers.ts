import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateTransferBody,
  ReceivingOrgView,
  RejectTransferBody,
  TransferStatusSchema,
  TransferView,
} from '../../contracts/transfers.ts';
import type { z } from '../../contracts/zod-zh.ts';
import { api } from './client.ts';
import { ledgerKeys } from './ledger.ts';

export type { TransferView };
export type ReceivingOrg = z.infer<typeof ReceivingOrgView>;
export type TransferStatus = z.infer<typeof TransferStatusSchema>;
export type TransferDirection = 'outgoing' | 'incoming' | 'both';
export type CreateTransferInput = z.input<typeof CreateTransferBody>;
export type RejectTransferInput = z.input<typeof RejectTransferBody>;

export type TransferQuery = {
  orgId?: number;
  /** One member's transfers (the 组织关系转接 tab of a member). */
  memberId?: number;
  direction?: TransferDirection;
  status?: TransferStatus;
  overdue?: 'true' | 'false';
  page: number;
  pageSize: number;
};

export function useTransfers(query: TransferQuery, enabled = true) {
  return useQuery({
    queryKey: ['transfers', 'list', query],
    queryFn: ({ signal }) =>
      api.get<{ items: TransferView[]; total: number }>('/api/transfers', query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * Branches and groups that may receive a member, anywhere in the deployment (a transfer may leave the
 * sender's scope, 条例第二十五条): names only, searched by name or exact code.
 */
export function useReceivingOrgs(q: string) {
  return useQuery({
    queryKey: ['transfers', 'receiving-orgs', q],
    queryFn: ({ signal }) =>
      api.get<ReceivingOrg[]>('/api/transfers/receiving-orgs', { q, limit: 20 }, signal),
    enabled: q.length > 0,
    staleTime: 60_000,
  });
}

/** 介绍信有效期 as the deployment configured it (default 3 months). */
export function useTransferPolicy() {
  return useQuery({
    queryKey: ['transfers', 'policy'],
    queryFn: ({ signal }) =>
      api.get<{ transferValidityMonths: number }>('/api/transfers/policy', undefined, signal),
    staleTime: 5 * 60_000,
  });
}

/** A transfer moves a member, so members, statistics and the ledger change with it. */
function useTransferMutation<I>(request: (input: I) => Promise<TransferView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['transfers'] }),
        queryClient.invalidateQueries({ queryKey: ['members'] }),
        queryClient.invalidateQueries({ queryKey: ledgerKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['stats'] }),
      ]),
  });
}

export const useCreateTransfer = () =>
  useTransferMutation((input: CreateTransferInput) => api.post<TransferView>('/api/transfers', input));

export const useReceiveTransfer = () =>
  useTransferMutation(({ id, ...input }: { id: number; version: number; receivedOn: string }) =>
    api.post<TransferView>(`/api/transfers/${id}/receive`, input),
  );

export const useRejectTransfer = () =>
  useTransferMutation(({ id, ...input }: RejectTransferInput & { id: number }) =>
    api.post<TransferView>(`/api/transfers/${id}/reject`, input),
  );

export const useCancelTransfer = () =>
  useTransferMutation(({ id, version }: { id: number; version: number }) =>
    api.post<TransferView>(`/api/transfers/${id}/cancel`, { version }),
  );
