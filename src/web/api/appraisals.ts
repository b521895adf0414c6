import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AppraisalCaseView, AppraisalSummary, AppraisalView } from '../../contracts/appraisals.ts';
import { api, type BodyOf } from './client.ts';

export type { AppraisalCaseView, AppraisalSummary, AppraisalView };
export type AppraisalParticipant = AppraisalView['items'][number];
export type CreateAppraisalInput = BodyOf<'/api/appraisals', 'post'>;
export type UpdateParticipantInput = BodyOf<'/api/appraisals/{id}/participants/{memberId}', 'patch'>;
export type CreateCaseInput = BodyOf<'/api/appraisals/{id}/cases', 'post'>;
export type UpdateCaseInput = BodyOf<'/api/appraisal-cases/{id}', 'patch'>;

const keys = {
  all: ['appraisals'] as const,
  list: (orgId: number | undefined, year: number) => ['appraisals', 'list', orgId, year] as const,
  one: (id: number) => ['appraisals', 'one', id] as const,
};

/** 民主评议 of the branches under an org, for a year. */
export function useAppraisals(orgId: number | undefined, year: number) {
  return useQuery({
    queryKey: keys.list(orgId, year),
    queryFn: ({ signal }) =>
      api.GET('/api/appraisals', { params: { query: { ...(orgId ? { orgId } : {}), year } }, signal }),
  });
}

export function useAppraisal(id: number) {
  return useQuery({
    queryKey: keys.one(id),
    queryFn: ({ signal }) => api.GET('/api/appraisals/{id}', { params: { path: { id } }, signal }),
  });
}

function useAppraisalMutation<I, O>(request: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export const useCreateAppraisal = () =>
  useAppraisalMutation((input: CreateAppraisalInput) => api.POST('/api/appraisals', { body: input }));

export const useUpdateParticipant = () =>
  useAppraisalMutation(
    ({ id, memberId, ...body }: UpdateParticipantInput & { id: number; memberId: number }) =>
      api.PATCH('/api/appraisals/{id}/participants/{memberId}', {
        params: { path: { id, memberId } },
        body,
      }),
  );

export const useCloseAppraisal = () =>
  useAppraisalMutation(({ id, version }: { id: number; version: number }) =>
    api.POST('/api/appraisals/{id}/close', { params: { path: { id } }, body: { version } }),
  );

export const useReopenAppraisal = () =>
  useAppraisalMutation(({ id, ...body }: { id: number; version: number; reason: string }) =>
    api.POST('/api/appraisals/{id}/reopen', { params: { path: { id } }, body }),
  );

export const useCreateCase = () =>
  useAppraisalMutation(({ id, ...body }: CreateCaseInput & { id: number }) =>
    api.POST('/api/appraisals/{id}/cases', { params: { path: { id } }, body }),
  );

export const useUpdateCase = () =>
  useAppraisalMutation(({ id, ...body }: UpdateCaseInput & { id: number }) =>
    api.PATCH('/api/appraisal-cases/{id}', { params: { path: { id } }, body }),
  );

export const useDeleteCase = () =>
  useAppraisalMutation(({ id, version }: { id: number; version: number }) =>
    api.DELETE('/api/appraisal-cases/{id}', { params: { path: { id }, query: { version } } }),
  );

/** The member's own part (member.self): the open rounds they take part in. */
export function useOwnAppraisals() {
  return useQuery({
    queryKey: ['appraisals', 'own'],
    queryFn: ({ signal }) => api.GET('/api/me/appraisals', { signal }),
  });
}

export type OwnAppraisalInput = BodyOf<'/api/me/appraisals/{id}', 'put'>;

export const useSaveOwnAppraisal = () =>
  useAppraisalMutation(({ id, ...body }: OwnAppraisalInput & { id: number }) =>
    api.PUT('/api/me/appraisals/{id}', { params: { path: { id } }, body }),
  );
