import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type BodyOf, type DataOf } from './client.ts';
import { downloadFile } from './download.ts';
import { uploadForm } from './upload.ts';

/** 党费计算基数 (docs/dues.md §2, §11): the branch's sheet, saving it, the Excel template, import and export. */
export type BaseSheet = DataOf<'/api/dues/bases', 'get'>;
export type BaseSheetRow = BaseSheet['rows'][number];
export type BaseBatchInput = BodyOf<'/api/dues/bases/batch', 'put'>;
export type BaseRowInput = BaseBatchInput['rows'][number];
export type BaseImportReport = DataOf<'/api/dues/bases/import', 'post'>;

export const duesBaseKeys = {
  all: ['dues-bases'] as const,
  sheet: (orgId: number, month: string) => ['dues-bases', 'sheet', orgId, month] as const,
};

/** A branch's sheet for a month. */
export function useBaseSheet(orgId: number | undefined, month: string) {
  return useQuery({
    queryKey: duesBaseKeys.sheet(orgId ?? 0, month),
    queryFn: ({ signal }) =>
      api.GET('/api/dues/bases', { params: { query: { orgId: orgId ?? 0, month } }, signal }),
    enabled: orgId !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** After a base changes: the sheets, and the charges and figures that rest on them. */
function useBaseMutation<I, O>(request: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () =>
      Promise.all(
        [duesBaseKeys.all, ['dues-summary'], ['dues-charges'], ['findings']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

/** 保存 the sheet: all rows or none. */
export const useSaveBaseSheet = () =>
  useBaseMutation((input: BaseBatchInput) => api.PUT('/api/dues/bases/batch', { body: input }));

/** 导入: a dry run (the report) or the commit, of an .xlsx for a branch. */
export const useImportBases = () =>
  useBaseMutation((input: { orgId: number; file: File; dryRun: boolean }) => {
    const form = new FormData();
    form.append('orgId', String(input.orgId));
    form.append('dryRun', String(input.dryRun));
    form.append('file', input.file);
    return uploadForm('/api/dues/bases/import', form);
  });

export function downloadBaseTemplate(orgId: number) {
  return downloadFile('/api/dues/bases/template', { params: { query: { orgId } } }, '党费计算基数模板.xlsx');
}

export function downloadBaseExport(orgId: number, month: string) {
  return downloadFile('/api/dues/bases/export', { params: { query: { orgId, month } } }, '党费计算基数.xlsx');
}

/** The dues rules' versions and the one in force (the page computes the dues of a base as the server does). */
export function useDuesRules() {
  return useQuery({
    queryKey: [...duesBaseKeys.all, 'rules'] as const,
    queryFn: ({ signal }) => api.GET('/api/dues/rules', { signal }),
    staleTime: 10 * 60_000,
  });
}
