import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrgEventView, OrgSearchItem } from '../../contracts/orgs.ts';
import type { z } from '../../contracts/zod-zh.ts';
import { api, type BodyOf, type QueryOf } from './client.ts';

export type OrgSearchHit = z.infer<typeof OrgSearchItem>;
export type OrgEvent = z.infer<typeof OrgEventView>;
export type CreateOrgInput = BodyOf<'/api/orgs', 'post'>;
export type UpdateOrgInput = BodyOf<'/api/orgs/{id}', 'patch'>;
export type MoveOrgInput = BodyOf<'/api/orgs/{id}/move', 'post'>;
export type DissolveOrgInput = BodyOf<'/api/orgs/{id}/dissolve', 'post'>;
export type CreatePostInput = BodyOf<'/api/orgs/{id}/leadership', 'post'>;
export type UpdatePostInput = BodyOf<'/api/leadership-posts/{id}', 'patch'>;
export type EndPostInput = BodyOf<'/api/leadership-posts/{id}/end', 'post'>;
export type RenewTermInput = BodyOf<'/api/orgs/{id}/terms', 'post'>;
export type OrgSearchParams = QueryOf<'/api/orgs'>;

export const orgKeys = {
  all: ['orgs'] as const,
  roots: ['orgs', 'roots'] as const,
  children: (id: number, includeDissolved = false) => ['orgs', 'children', id, { includeDissolved }] as const,
  search: (params: OrgSearchParams) => ['orgs', 'search', params] as const,
  detail: (id: number) => ['orgs', 'detail', id] as const,
  events: (id: number) => ['orgs', 'events', id] as const,
};

export const orgRootsQuery = queryOptions({
  queryKey: orgKeys.roots,
  queryFn: () => api.GET('/api/orgs/roots'),
});

/** The children of an org; dissolved ones only when asked (the tree's “显示已撤销”). */
export function orgChildrenQuery(id: number, includeDissolved = false) {
  return queryOptions({
    queryKey: orgKeys.children(id, includeDissolved),
    queryFn: () =>
      api.GET('/api/orgs/{id}/children', {
        params: { path: { id }, query: includeDissolved ? { includeDissolved: 'true' } : {} },
      }),
    staleTime: 60_000,
  });
}

export function useOrgSearch(params: OrgSearchParams, enabled = true) {
  return useQuery({
    queryKey: orgKeys.search(params),
    queryFn: ({ signal }) => api.GET('/api/orgs', { params: { query: params }, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useOrgDetail(id: number | undefined) {
  return useQuery({
    queryKey: orgKeys.detail(id ?? 0),
    queryFn: () => api.GET('/api/orgs/{id}', { params: { path: { id: id ?? 0 } } }),
    enabled: id !== undefined,
  });
}

export function useOrgEvents(id: number) {
  return useQuery({
    queryKey: orgKeys.events(id),
    queryFn: () => api.GET('/api/orgs/{id}/events', { params: { path: { id } } }),
  });
}

/** After any change to the tree or a post: the tree, the details, the searches and the workbench. */
function useInvalidateOrgs() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: orgKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['workbench'] }),
      queryClient.invalidateQueries({ queryKey: ['findings'] }),
    ]);
}

export function useReloadOrg() {
  const queryClient = useQueryClient();
  return (id: number) => queryClient.invalidateQueries({ queryKey: orgKeys.detail(id) });
}

function useOrgMutation<I, R>(request: (input: I) => Promise<R>) {
  const invalidate = useInvalidateOrgs();
  return useMutation({ mutationFn: request, onSuccess: invalidate });
}

export const useCreateOrg = () =>
  useOrgMutation((input: CreateOrgInput) => api.POST('/api/orgs', { body: input }));

export const useUpdateOrg = (id: number) =>
  useOrgMutation((input: UpdateOrgInput) =>
    api.PATCH('/api/orgs/{id}', { params: { path: { id } }, body: input }),
  );

export const useMoveOrg = (id: number) =>
  useOrgMutation((input: MoveOrgInput) =>
    api.POST('/api/orgs/{id}/move', { params: { path: { id } }, body: input }),
  );

export const useDissolveOrg = (id: number) =>
  useOrgMutation((input: DissolveOrgInput) =>
    api.POST('/api/orgs/{id}/dissolve', { params: { path: { id } }, body: input }),
  );

export const useCreatePost = (orgId: number) =>
  useOrgMutation((input: CreatePostInput) =>
    api.POST('/api/orgs/{id}/leadership', { params: { path: { id: orgId } }, body: input }),
  );

export const useUpdatePost = () =>
  useOrgMutation(({ id, ...input }: UpdatePostInput & { id: number }) =>
    api.PATCH('/api/leadership-posts/{id}', { params: { path: { id } }, body: input }),
  );

export const useEndPost = () =>
  useOrgMutation(({ id, ...input }: EndPostInput & { id: number }) =>
    api.POST('/api/leadership-posts/{id}/end', { params: { path: { id } }, body: input }),
  );

/** 换届: ends the current term and its posts, records the new committee. */
export const useRenewTerm = (orgId: number) =>
  useOrgMutation((input: RenewTermInput) =>
    api.POST('/api/orgs/{id}/terms', { params: { path: { id: orgId } }, body: input }),
  );
