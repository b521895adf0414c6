import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ReceivingOrgView,
  TransferLetterView,
  TransferStatusSchema,
  TransferView,
} from '../../contracts/transfers.ts';
import type { z } from '../../contracts/zod-zh.ts';
import { api, type BodyOf, type QueryOf } from './client.ts';
import { ledgerKeys } from './ledger.ts';

export type { TransferView };
export type TransferLetter = TransferLetterView;
export type ReceivingOrg = z.infer<typeof ReceivingOrgView>;
export type TransferStatus = z.infer<typeof TransferStatusSchema>;
export type TransferQuery = QueryOf<'/api/transfers'> & { page: number; pageSize: number };
export type TransferDirection = NonNullable<TransferQuery['direction']>;
export type CreateTransferInput = BodyOf<'/api/transfers', 'post'>;
export type ReceiveTransferInput = BodyOf<'/api/transfers/{id}/receive', 'post'>;
export type RejectTransferInput = BodyOf<'/api/transfers/{id}/reject', 'post'>;

export function useTransfers(query: TransferQuery, enabled = true) {
  return useQuery({
    queryKey: ['transfers', 'list', query],
    queryFn: ({ signal }) => api.GET('/api/transfers', { params: { query }, signal }),
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
      api.GET('/api/transfers/receiving-orgs', { params: { query: { q, limit: 20 } }, signal }),
    enabled: q.length > 0,
    staleTime: 60_000,
  });
}

/** 介绍信有效期 as the deployment configured it (default 3 months). */
export function useTransferPolicy() {
  return useQuery({
    queryKey: ['transfers', 'policy'],
    queryFn: ({ signal }) => api.GET('/api/transfers/policy', { signal }),
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
  useTransferMutation((input: CreateTransferInput) => api.POST('/api/transfers', { body: input }));

export const useReceiveTransfer = () =>
  useTransferMutation(({ id, ...input }: ReceiveTransferInput & { id: number }) =>
    api.POST('/api/transfers/{id}/receive', { params: { path: { id } }, body: input }),
  );

export const useRejectTransfer = () =>
  useTransferMutation(({ id, ...input }: RejectTransferInput & { id: number }) =>
    api.POST('/api/transfers/{id}/reject', { params: { path: { id } }, body: input }),
  );

export const useCancelTransfer = () =>
  useTransferMutation(({ id, version }: { id: number; version: number }) =>
    api.POST('/api/transfers/{id}/cancel', { params: { path: { id } }, body: { version } }),
  );

/**
 * The 组织关系介绍信 of a transfer, for printing (docs/official-forms.md §11). Each fetch is audited on the server,
 * so it is read once per visit: no refetch on focus or reconnect.
 */
export function useTransferLetter(id: number, enabled = true) {
  return useQuery({
    queryKey: ['transfers', 'letter', id],
    queryFn: ({ signal }) => api.GET('/api/transfers/{id}/letter', { params: { path: { id } }, signal }),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: false,
    enabled,
  });
}
