import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type BodyOf, type DataOf } from './client.ts';
import { downloadPosted } from './download.ts';

/** Accounts for members (开通账号): the member page's account, one opening, and a bulk opening's workbook. */
export type OpenedMemberAccount = DataOf<'/api/members/{id}/account', 'post'>;
export type OpenMemberAccountsBody = BodyOf<'/api/members/accounts', 'post'>;

const accountKey = (id: number) => ['members', 'account', id] as const;

export function useMemberAccount(id: number) {
  return useQuery({
    queryKey: accountKey(id),
    queryFn: () => api.GET('/api/members/{id}/account', { params: { path: { id } } }),
  });
}

/** Opens one member's account; the answer carries the initial password, shown once. */
export function useOpenMemberAccount(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.POST('/api/members/{id}/account', { params: { path: { id } } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKey(id) }),
  });
}

/** Opens the accounts of the selected members and downloads the workbook of initial passwords. */
export function useOpenMemberAccounts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenMemberAccountsBody) =>
      downloadPosted('/api/members/accounts', { body }, '党员账号初始密码.xlsx'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['members', 'account'] }),
  });
}
