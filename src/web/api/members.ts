import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportFormat } from '../../contracts/member-import.ts';
import type { MEMBER_SORTS, MemberDetail, MemberEventView, MemberListItem } from '../../contracts/members.ts';
import type { z } from '../../contracts/zod-zh.ts';
import { api, type BodyOf, type QueryOf } from './client.ts';
import { downloadFile } from './download.ts';
import { ledgerKeys } from './ledger.ts';

export type MemberSort = (typeof MEMBER_SORTS)[number];
export type MemberEvent = z.infer<typeof MemberEventView>;
export type CreateMemberInput = BodyOf<'/api/members', 'post'>;
export type UpdateMemberInput = BodyOf<'/api/members/{id}', 'patch'>;
export type MemberEventInput = BodyOf<'/api/members/{id}/events', 'post'>;
export type UpdateOwnContactInput = BodyOf<'/api/me/member', 'patch'>;
export type { MemberDetail, MemberListItem };

/**
 * The filters of GET /api/members as the query string carries them (MemberListQuery): lists are
 * comma-separated, flags are `true`/`false`, dates `YYYY-MM-DD`. The same filters drive the export.
 */
export type MemberFilterQuery = Omit<QueryOf<'/api/members'>, 'sort' | 'page' | 'pageSize'>;
export type MemberQuery = MemberFilterQuery & { sort?: MemberSort; page: number; pageSize: number };

export const memberKeys = {
  all: ['members'] as const,
  list: (query: MemberQuery) => ['members', 'list', query] as const,
  detail: (id: number) => ['members', 'detail', id] as const,
  own: ['members', 'own'] as const,
};

export function useMembers(query: MemberQuery) {
  return useQuery({
    queryKey: memberKeys.list(query),
    queryFn: ({ signal }) => api.GET('/api/members', { params: { query }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One member with their history, ID number and phones masked. */
export function useMember(id: number) {
  return useQuery({
    queryKey: memberKeys.detail(id),
    queryFn: () => api.GET('/api/members/{id}', { params: { path: { id } } }),
  });
}

/**
 * The same member with the whole ID number (org_admin only; every read is audited). Kept out of the
 * `members` keys so that no invalidation re-reads it behind the user's back; read once, on purpose.
 */
export function useRevealedMember(id: number, version: number | undefined, enabled: boolean) {
  return useQuery({
    // The version in the key: after a change, a new reveal reads the new record.
    queryKey: ['member-reveal', id, version] as const,
    queryFn: () => api.GET('/api/members/{id}', { params: { path: { id }, query: { reveal: 'idNumber' } } }),
    enabled: enabled && version !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
}

/** After a change to a member: lists, details, transfers, the ledger, statistics and the workbench figures. */
function useInvalidateMembers() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: memberKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['transfers'] }),
      queryClient.invalidateQueries({ queryKey: ledgerKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['stats'] }),
      queryClient.invalidateQueries({ queryKey: ['workbench'] }),
    ]);
}

export function useReloadMember() {
  const queryClient = useQueryClient();
  return (id: number) => queryClient.invalidateQueries({ queryKey: ['members', 'detail', id] });
}

export function useCreateMember() {
  const invalidate = useInvalidateMembers();
  return useMutation({
    mutationFn: (input: CreateMemberInput) => api.POST('/api/members', { body: input }),
    onSuccess: invalidate,
  });
}

export function useUpdateMember(id: number) {
  const invalidate = useInvalidateMembers();
  return useMutation({
    mutationFn: (input: UpdateMemberInput) =>
      api.PATCH('/api/members/{id}', { params: { path: { id } }, body: input }),
    onSuccess: invalidate,
  });
}

/** A status change (转正, 延长预备期, 停止党籍 …), decided by the rules on the server. */
export function useMemberEvent(id: number) {
  const invalidate = useInvalidateMembers();
  return useMutation({
    mutationFn: (input: MemberEventInput) =>
      api.POST('/api/members/{id}/events', { params: { path: { id } }, body: input }),
    onSuccess: invalidate,
  });
}

/** The .xlsx of the members the filter selects, in the system's template or the 2017 汇总表 layout. */
export function exportMembers(
  filter: MemberFilterQuery & { sort?: MemberSort },
  options: { format: ImportFormat; reveal: boolean; includeDeparted?: boolean },
): Promise<void> {
  const reveal: 'idNumber' | undefined = options.reveal ? 'idNumber' : undefined;
  const includeDeparted: 'true' | undefined = options.includeDeparted ? 'true' : undefined;
  return downloadFile(
    '/api/members/export',
    { params: { query: { ...filter, format: options.format, reveal, includeDeparted } } },
    options.format === 'official_2017' ? '党员基本信息汇总表.xlsx' : '党员名册.xlsx',
  );
}

/** The signed-in member's own record (whole values: it is their own). */
export function useOwnMember() {
  return useQuery({
    queryKey: memberKeys.own,
    queryFn: () => api.GET('/api/me/member'),
  });
}

export function useUpdateOwnContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateOwnContactInput) => api.PATCH('/api/me/member', { body: input }),
    onSuccess: (saved) => queryClient.setQueryData(memberKeys.own, saved),
  });
}
