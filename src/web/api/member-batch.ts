import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportFormat } from '../../contracts/member-import.ts';
import type { ApiError } from './api-error.ts';
import { api, type BodyOf } from './client.ts';
import { downloadPosted } from './download.ts';

/**
 * Batch operations on the roster (批量操作): one selection for every batch — the members ticked, or everything the
 * roster's filter matches (resolved by the server when it acts).
 */
export type MemberSelection = BodyOf<'/api/members/batch/move', 'post'>['selection'];
export type BatchMoveInput = BodyOf<'/api/members/batch/move', 'post'>;
export type BatchTransferInput = BodyOf<'/api/transfers/batch', 'post'>;

/** A member a whole batch was refused for, and why (`details.members` of a `batch_refused` answer). */
export type BatchRefusalRow = { memberId: number; name: string; reason: string; message: string };

export function batchRefusalsOf(error: unknown): BatchRefusalRow[] {
  const details = (error as ApiError | undefined)?.details;
  const rows = details?.reason === 'batch_refused' ? details.members : undefined;
  return Array.isArray(rows) ? (rows as BatchRefusalRow[]) : [];
}

/** After a batch: lists, details, transfers, the ledger, statistics and the workbench figures. */
function useInvalidateAfterBatch() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      ['members', 'transfers', 'ledger', 'stats', 'workbench'].map((key) =>
        queryClient.invalidateQueries({ queryKey: [key] }),
      ),
    );
}

/** 调整党小组 for the selection (all or nothing). */
export function useMoveMembers() {
  const invalidate = useInvalidateAfterBatch();
  return useMutation({
    mutationFn: (input: BatchMoveInput) => api.POST('/api/members/batch/move', { body: input }),
    onSuccess: invalidate,
  });
}

/** 批量转接（系统内）: one letter per member (all or nothing). */
export function useTransferMembers() {
  const invalidate = useInvalidateAfterBatch();
  return useMutation({
    mutationFn: (input: BatchTransferInput) => api.POST('/api/transfers/batch', { body: input }),
    onSuccess: invalidate,
  });
}

/** The .xlsx of exactly the selected members, masked unless `reveal` (org_admin; audited). */
export function exportSelection(
  selection: MemberSelection,
  options: { format: ImportFormat; reveal: boolean },
): Promise<void> {
  return downloadPosted(
    '/api/members/export',
    {
      body: { selection, format: options.format, ...(options.reveal ? { reveal: 'idNumber' as const } : {}) },
    },
    options.format === 'official_2017' ? '党员基本信息汇总表.xlsx' : '党员名册.xlsx',
  );
}
