import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LapseCaseView, MemberLapseCases } from '../../contracts/lapse-cases.ts';
import { api, type BodyOf, type QueryOf } from './client.ts';

/** 党章第九条 cases (自行脱党情形, docs/membership.md §6). */
export type { LapseCaseView, MemberLapseCases };
export type OpenLapseCaseInput = BodyOf<'/api/lapse-cases', 'post'>;
export type LapseStepInput = BodyOf<'/api/lapse-cases/{id}/steps', 'post'>;
export type CloseLapseCaseInput = BodyOf<'/api/lapse-cases/{id}/close', 'post'>;
export type LapseCaseFilter = QueryOf<'/api/lapse-cases'>;

export const lapseCaseKeys = {
  all: ['lapse-cases'] as const,
  list: (filter: LapseCaseFilter) => ['lapse-cases', 'list', filter] as const,
  member: (memberId: number) => ['lapse-cases', 'member', memberId] as const,
};

/** The cases in scope, filtered; open first. */
export function useLapseCases(filter: LapseCaseFilter) {
  return useQuery({
    queryKey: lapseCaseKeys.list(filter),
    queryFn: ({ signal }) => api.GET('/api/lapse-cases', { params: { query: filter }, signal }),
  });
}

/** A member's cases, and whether a case may be opened for each cause. */
export function useMemberLapseCases(memberId: number) {
  return useQuery({
    queryKey: lapseCaseKeys.member(memberId),
    queryFn: ({ signal }) =>
      api.GET('/api/members/{id}/lapse-cases', { params: { path: { id: memberId } }, signal }),
  });
}

/** After a change: the cases, and the 待办 a case opens or closes. */
function useLapseMutation<I, O>(request: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () =>
      Promise.all(
        [lapseCaseKeys.all, ['findings'], ['workbench']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

export const useOpenLapseCase = () =>
  useLapseMutation((input: OpenLapseCaseInput) => api.POST('/api/lapse-cases', { body: input }));

export const useRecordLapseStep = () =>
  useLapseMutation(({ id, ...body }: LapseStepInput & { id: number }) =>
    api.POST('/api/lapse-cases/{id}/steps', { params: { path: { id } }, body }),
  );

export const useCloseLapseCase = () =>
  useLapseMutation(({ id, ...body }: CloseLapseCaseInput & { id: number }) =>
    api.POST('/api/lapse-cases/{id}/close', { params: { path: { id } }, body }),
  );
