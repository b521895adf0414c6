import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateOrgBody,
  CreatePostBody,
  DissolveOrgBody,
  EndPostBody,
  MoveOrgBody,
  OrgDetail,
  OrgEventView,
  OrgSearchItem,
  OrgSummary,
  UpdateOrgBody,
  UpdatePostBody,
} from '../../contracts/orgs.ts';
import type { z } from '../../contracts/zod-zh.ts';
import { api } from './client.ts';

export type OrgSearchHit = z.infer<typeof OrgSearchItem>;
export type OrgEvent = z.infer<typeof OrgEventView>;
export type CreateOrgInput = z.input<typeof CreateOrgBody>;
export type UpdateOrgInput = z.input<typeof UpdateOrgBody>;
export type MoveOrgInput = z.input<typeof MoveOrgBody>;
export type DissolveOrgInput = z.input<typeof DissolveOrgBody>;
export type CreatePostInput = z.input<typeof CreatePostBody>;
export type UpdatePostInput = z.input<typeof UpdatePostBody>;
export type EndPostInput = z.input<typeof EndPostBody>;

/** Lists may come bare or paged (`{ items, total }`); the web takes either. */
function itemsOf<T>(data: T[] | { items: T[] }): T[] {
  return Array.isArray(data) ? data : data.items;
}

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
  queryFn: async () => itemsOf(await api.get<OrgSummary[] | { items: OrgSummary[] }>('/api/orgs/roots')),
});

/** The children of an org; dissolved ones only when asked (the tree's “显示已撤销”). */
export function orgChildrenQuery(id: number, includeDissolved = false) {
  return queryOptions({
    queryKey: orgKeys.children(id, includeDissolved),
    queryFn: async () =>
      itemsOf(
        await api.get<OrgSummary[] | { items: OrgSummary[] }>(
          `/api/orgs/${id}/children`,
          includeDissolved ? { includeDissolved: 'true' } : {},
        ),
      ),
    staleTime: 60_000,
  });
}

export type OrgSearchParams = {
  q?: string;
  rootId?: number;
  kind?: string;
  includeDissolved?: boolean;
  page?: number;
  pageSize?: number;
};

export function useOrgSearch(params: OrgSearchParams, enabled = true) {
  return useQuery({
    queryKey: orgKeys.search(params),
    queryFn: ({ signal }) =>
      api.get<{ items: OrgSearchHit[]; total: number }>('/api/orgs', { ...params }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useOrgDetail(id: number | undefined) {
  return useQuery({
    queryKey: orgKeys.detail(id ?? 0),
    queryFn: () => api.get<OrgDetail>(`/api/orgs/${id}`),
    enabled: id !== undefined,
  });
}

export function useOrgEvents(id: number) {
  return useQuery({
    queryKey: orgKeys.events(id),
    queryFn: async () => itemsOf(await api.get<OrgEvent[] | { items: OrgEvent[] }>(`/api/orgs/${id}/events`)),
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

export function useCreateOrg() {
  const invalidate = useInvalidateOrgs();
  return useMutation({
    mutationFn: (input: CreateOrgInput) => api.post<OrgDetail>('/api/orgs', input),
    onSuccess: invalidate,
  });
}

export function useUpdateOrg(id: number) {
  const invalidate = useInvalidateOrgs();
  return useMutation({
    mutationFn: (input: UpdateOrgInput) => api.patch<OrgDetail>(`/api/orgs/${id}`, input),
    onSuccess: invalidate,
  });
}

export function useMoveOrg(id: number) {
  const invalidate = useInvalidateOrgs();
  return useMutation({
    mutationFn: (input: MoveOrgInput) => api.post<OrgDetail>(`/api/orgs/${id}/move`, input),
    onSuccess: invalidate,
  });
}

export function useDissolveOrg(id: number) {
  const invalidate = useInvalidateOrgs();
  return useMutation({
    mutationFn: (input: DissolveOrgInput) => api.post<OrgDetail>(`/api/orgs/${id}/dissolve`, input),
    onSuccess: invalidate,
  });
}

export function useCreatePost(orgId: number) {
  const invalidate = useInvalidateOrgs();
  return useMutation({
    mutationFn: (input: CreatePostInput) => api.post<unknown>(`/api/orgs/${orgId}/leadership`, input),
    onSuccess: invalidate,
  });
}

export function useUpdatePost() {
  const invalidate = useInvalidateOrgs();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdatePostInput & { id: number }) =>
      api.patch<unknown>(`/api/leadership-posts/${id}`, input),
    onSuccess: invalidate,
  });
}

export function useEndPost() {
  const invalidate = useInvalidateOrgs();
  return useMutation({
    mutationFn: ({ id, ...input }: EndPostInput & { id: number }) =>
      api.post<unknown>(`/api/leadership-posts/${id}/end`, input),
    onSuccess: invalidate,
  });
}
