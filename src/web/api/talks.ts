import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TalkCoverageView, TalkView } from '../../contracts/talks.ts';
import { api, type BodyOf, type QueryOf } from './client.ts';

export type { TalkCoverageView, TalkView };
export type TalkQuery = QueryOf<'/api/talks'> & { page: number; pageSize: number };
export type CreateTalkInput = BodyOf<'/api/talks', 'post'>;

const keys = { all: ['talks'] as const };

/** 谈心谈话 records of a subtree, year or member. */
export function useTalks(query: TalkQuery, enabled = true) {
  return useQuery({
    queryKey: ['talks', 'list', query],
    queryFn: ({ signal }) => api.GET('/api/talks', { params: { query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The coverage of a branch for a year: required pairs, covered, missing. */
export function useTalkCoverage(orgId: number | undefined, year: number, enabled = true) {
  return useQuery({
    queryKey: ['talks', 'coverage', orgId, year],
    queryFn: ({ signal }) =>
      api.GET('/api/talks/coverage', { params: { query: { orgId: orgId as number, year } }, signal }),
    enabled: enabled && orgId !== undefined,
  });
}

/** The branch's members a talk may be recorded between. */
export function useTalkMembers(orgId: number | undefined) {
  return useQuery({
    queryKey: ['talks', 'members', orgId],
    queryFn: ({ signal }) =>
      api.GET('/api/talks/members', { params: { query: { orgId: orgId as number } }, signal }),
    enabled: orgId !== undefined,
  });
}

function useTalkMutation<I, O>(request: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export const useCreateTalk = () =>
  useTalkMutation((input: CreateTalkInput) => api.POST('/api/talks', { body: input }));

export const useDeleteTalk = () =>
  useTalkMutation(({ id, version }: { id: number; version: number }) =>
    api.DELETE('/api/talks/{id}', { params: { path: { id }, query: { version } } }),
  );
