import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditLogView } from '../../contracts/audit.ts';
import type { z } from '../../contracts/zod-zh.ts';
import { api, type QueryOf } from './client.ts';
import { downloadFile } from './download.ts';

export type AuditEntry = z.infer<typeof AuditLogView>;

/** The filters of the list; the export takes the same ones. */
export type AuditFilter = Pick<
  QueryOf<'/api/audit-logs/export'>,
  'from' | 'to' | 'actor' | 'action' | 'entityType'
>;

export function useAuditLogs(filter: AuditFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['audit-logs', filter, page, pageSize],
    queryFn: ({ signal }) =>
      api.GET('/api/audit-logs', { params: { query: { ...filter, page, pageSize } }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The .xlsx export of the entries the filter selects (the same query string as the list). */
export function exportAuditLogs(filter: AuditFilter): Promise<void> {
  return downloadFile('/api/audit-logs/export', { params: { query: filter } }, '审计日志.xlsx');
}
