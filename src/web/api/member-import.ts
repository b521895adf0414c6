import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ImportBatchUndoResult,
  ImportBatchView,
  ImportMode,
  MemberImportReport,
} from '../../contracts/member-import.ts';
import type { z } from '../../contracts/zod-zh.ts';
import { api, type QueryOf } from './client.ts';
import { downloadFile } from './download.ts';
import { ledgerKeys } from './ledger.ts';
import { type UploadProgress, uploadForm } from './upload.ts';

export type { ImportBatchView, ImportMode, MemberImportReport };
export type UndoResult = z.infer<typeof ImportBatchUndoResult>;

/** The .xlsx template: an instructions sheet, the columns the importer reads, dropdowns for the codes. */
export function downloadTemplate(): Promise<void> {
  return downloadFile('/api/members/template', {}, '党员信息导入模板.xlsx');
}

/** The rows with errors as uploaded, with an error column, to fix and upload again. */
export function downloadErrorFile(id: string): Promise<void> {
  return downloadFile(
    '/api/member-imports/error-files/{id}',
    { params: { path: { id } } },
    '导入错误明细.xlsx',
  );
}

export type ImportRequest = {
  file: File;
  orgId?: number;
  dryRun: boolean;
  mode: ImportMode;
};

/**
 * POST /api/members/import (multipart). The fields go before the file: the server reads the parts in order
 * and must know them before it streams the workbook.
 */
export function uploadImport(
  request: ImportRequest,
  handlers: { onProgress?: (p: UploadProgress) => void; onUploaded?: () => void; signal?: AbortSignal } = {},
): Promise<MemberImportReport> {
  const form = new FormData();
  if (request.orgId !== undefined) form.append('orgId', String(request.orgId));
  form.append('dryRun', String(request.dryRun));
  form.append('mode', request.mode);
  form.append('file', request.file, request.file.name);
  return uploadForm('/api/members/import', form, handlers);
}

/** A committed import changes the roster: members, the ledger, statistics, the workbench and the batch list. */
export function useInvalidateAfterImport() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      ['members', ledgerKeys.all[0], 'import-batches', 'stats', 'workbench', 'findings'].map((key) =>
        queryClient.invalidateQueries({ queryKey: [key] }),
      ),
    );
}

export type ImportBatchQuery = QueryOf<'/api/import-batches'> & { page: number; pageSize: number };

export function useImportBatches(query: ImportBatchQuery) {
  return useQuery({
    queryKey: ['import-batches', query],
    queryFn: ({ signal }) => api.GET('/api/import-batches', { params: { query }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** 撤销本次导入: only while none of the batch's members has changed since (the server checks). */
export function useUndoBatch() {
  const invalidate = useInvalidateAfterImport();
  return useMutation({
    mutationFn: (id: number) => api.POST('/api/import-batches/{id}/undo', { params: { path: { id } } }),
    onSuccess: invalidate,
  });
}
