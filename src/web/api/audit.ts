import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditLogView } from '../../contracts/audit.ts';
import type { z } from '../../contracts/zod-zh.ts';
import { api } from './client.ts';
import { downloadFile } from './download.ts';

export type AuditEntry = z.infer<typeof AuditLogView>;

export type AuditFilter = {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  entityType?: string;
};

export function useAuditLogs(filter: AuditFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['audit-logs', filter, page, pageSize],
    queryFn: ({ signal }) =>
      api.get<{ items: AuditEntry[]; total: number }>(
        '/api/audit-logs',
        { ...filter, page, pageSize },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/** The .xlsx export of the entries the filter selects (the same query string as the list). */
export function exportAuditLogs(filter: AuditFilter): Promise<void> {
  return downloadFile('/api/audit-logs/export', { ...filter }, '审计日志.xlsx');
}
