import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUserBody, RoleGrantBody, UpdateUserBody, UserView } from '../../contracts/users.ts';
import type { z } from '../../contracts/zod-zh.ts';
import type { Role } from '../../domain/access/index.ts';
import { api } from './client.ts';

export type UserStatus = UserView['status'];
export type UserListParams = {
  q?: string;
  status?: UserStatus;
  role?: Role;
  orgId?: number;
  page: number;
  pageSize: number;
};
export type CreateUserInput = z.input<typeof CreateUserBody>;
export type UpdateUserInput = z.input<typeof UpdateUserBody>;
export type RoleGrantInput = z.input<typeof RoleGrantBody>;

const usersKey = ['users'] as const;

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: [...usersKey, 'list', params],
    queryFn: ({ signal }) => api.get<{ items: UserView[]; total: number }>('/api/users', params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: number | undefined) {
  return useQuery({
    queryKey: [...usersKey, 'detail', id],
    queryFn: () => api.get<UserView>(`/api/users/${id}`),
    enabled: id !== undefined,
  });
}

function useUserMutation<I, R>(request: (input: I) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: usersKey }),
        queryClient.invalidateQueries({ queryKey: ['workbench'] }),
      ]),
  });
}

export function useReloadUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: usersKey });
}

export const useCreateUser = () =>
  useUserMutation((input: CreateUserInput) => api.post<UserView>('/api/users', input));

export const useUpdateUser = () =>
  useUserMutation(({ id, ...input }: UpdateUserInput & { id: number }) =>
    api.patch<UserView>(`/api/users/${id}`, input),
  );

export const useUnlockUser = () => useUserMutation((id: number) => api.post(`/api/users/${id}/unlock`));

export const useResetPassword = () =>
  useUserMutation((id: number) =>
    api.post<{ temporaryPassword: string }>(`/api/users/${id}/reset-password`, {}),
  );

export const useResetSecondFactor = () =>
  useUserMutation((id: number) => api.post<UserView>(`/api/users/${id}/reset-second-factor`));

export const useSetUserActive = () =>
  useUserMutation(({ id, version, active }: { id: number; version: number; active: boolean }) =>
    api.post(`/api/users/${id}/${active ? 'reactivate' : 'deactivate'}`, { version }),
  );

export const useGrantRole = () =>
  useUserMutation(({ userId, ...input }: RoleGrantInput & { userId: number }) =>
    api.post(`/api/users/${userId}/roles`, input),
  );

export const useRevokeRole = () =>
  useUserMutation(({ userId, assignmentId }: { userId: number; assignmentId: number }) =>
    api.delete(`/api/users/${userId}/roles/${assignmentId}`),
  );
