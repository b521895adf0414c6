import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeView } from '../../contracts/auth.ts';
import { ApiError } from './api-error.ts';
import { api, type BodyOf } from './client.ts';

export const meKey = ['auth', 'me'] as const;
const tokensKey = ['auth', 'tokens'] as const;

/** The signed-in user, or null when there is no session (a 401 here is an answer, not an error). */
async function fetchMe(): Promise<MeView | null> {
  try {
    return await api.GET('/api/auth/me', { silent: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

export type LoginInput = BodyOf<'/api/auth/login', 'post'>;

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => api.POST('/api/auth/login', { body: input, silent: true }),
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
    mutationFn: () => api.POST('/api/auth/logout', { silent: true }),
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(meKey, null);
    },
  });
}

export type ChangePasswordInput = BodyOf<'/api/auth/password', 'post'>;

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => api.POST('/api/auth/password', { body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
  });
}

export function useTokens() {
  return useQuery({ queryKey: tokensKey, queryFn: () => api.GET('/api/auth/tokens') });
}

export type CreateTokenInput = BodyOf<'/api/auth/tokens', 'post'>;

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTokenInput) => api.POST('/api/auth/tokens', { body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.DELETE('/api/auth/tokens/{id}', { params: { path: { id } } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}
