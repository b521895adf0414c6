import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserView } from '../../contracts/users.ts';
import { api, type BodyOf, type QueryOf } from './client.ts';

export type UserStatus = UserView['status'];
export type UserListParams = QueryOf<'/api/users'> & { page: number; pageSize: number };
export type CreateUserInput = BodyOf<'/api/users', 'post'>;
export type UpdateUserInput = BodyOf<'/api/users/{id}', 'patch'>;
export type RoleGrantInput = BodyOf<'/api/users/{id}/roles', 'post'>;

const usersKey = ['users'] as const;

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: [...usersKey, 'list', params],
    queryFn: ({ signal }) => api.GET('/api/users', { params: { query: params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: number | undefined) {
  return useQuery({
    queryKey: [...usersKey, 'detail', id],
    queryFn: () => api.GET('/api/users/{id}', { params: { path: { id: id ?? 0 } } }),
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

const byId = (id: number) => ({ params: { path: { id } } });

export const useCreateUser = () =>
  useUserMutation((input: CreateUserInput) => api.POST('/api/users', { body: input }));

export const useUpdateUser = () =>
  useUserMutation(({ id, ...input }: UpdateUserInput & { id: number }) =>
    api.PATCH('/api/users/{id}', { ...byId(id), body: input }),
  );

export const useUnlockUser = () =>
  useUserMutation((id: number) => api.POST('/api/users/{id}/unlock', byId(id)));

export const useResetPassword = () =>
  useUserMutation((id: number) => api.POST('/api/users/{id}/reset-password', { ...byId(id), body: {} }));

export const useResetSecondFactor = () =>
  useUserMutation((id: number) => api.POST('/api/users/{id}/reset-second-factor', byId(id)));

export const useSetUserActive = () =>
  useUserMutation(({ id, version, active }: { id: number; version: number; active: boolean }) =>
    active
      ? api.POST('/api/users/{id}/reactivate', { ...byId(id), body: { version } })
      : api.POST('/api/users/{id}/deactivate', { ...byId(id), body: { version } }),
  );

export const useGrantRole = () =>
  useUserMutation(({ userId, ...input }: RoleGrantInput & { userId: number }) =>
    api.POST('/api/users/{id}/roles', { ...byId(userId), body: input }),
  );

export const useRevokeRole = () =>
  useUserMutation(({ userId, assignmentId }: { userId: number; assignmentId: number }) =>
    api.DELETE('/api/users/{id}/roles/{assignmentId}', { params: { path: { id: userId, assignmentId } } }),
  );
