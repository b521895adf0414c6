import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatedToken, MeView, TokenView } from '../../contracts/auth.ts';
import type { z } from '../../contracts/zod-zh.ts';
import { ApiError } from './api-error.ts';
import { api, apiRequest } from './client.ts';

export const meKey = ['auth', 'me'] as const;
const tokensKey = ['auth', 'tokens'] as const;

/** The signed-in user, or null when there is no session (a 401 here is an answer, not an error). */
async function fetchMe(): Promise<MeView | null> {
  try {
    return await apiRequest<MeView>('/api/auth/me', { silent: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

export type LoginInput = { username: string; password: string };

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) =>
      apiRequest<MeView>('/api/auth/login', { method: 'POST', body: input, silent: true }),
    onSuccess: (me) => {
      // A new session: nothing cached for the previous user may leak into it.
      queryClient.clear();
      queryClient.setQueryData(meKey, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<unknown>('/api/auth/logout', { method: 'POST', silent: true }),
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(meKey, null);
    },
  });
}

export type ChangePasswordInput = { currentPassword: string; newPassword: string };

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => api.post<unknown>('/api/auth/password', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
  });
}

type CreatedTokenView = z.infer<typeof CreatedToken>;

export function useTokens() {
  return useQuery({ queryKey: tokensKey, queryFn: () => api.get<TokenView[]>('/api/auth/tokens') });
}

export type CreateTokenInput = { name: string; expiresOn: string | null };

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTokenInput) => api.post<CreatedTokenView>('/api/auth/tokens', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<unknown>(`/api/auth/tokens/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}
