import { useQuery } from '@tanstack/react-query';
import { api, type DataOf } from './client.ts';
import { downloadFile } from './download.ts';

/** 会议记录本: an org's closed meetings of a year (GET /api/orgs/:id/meeting-register). */
export type MeetingRegister = DataOf<'/api/orgs/{id}/meeting-register', 'get'>;
export type MeetingRegisterEntry = MeetingRegister['meetings'][number];

export function useMeetingRegister(orgId: number | undefined, year: number) {
  return useQuery({
    queryKey: ['meetings', 'register', orgId ?? 0, year] as const,
    queryFn: ({ signal }) =>
      api.GET('/api/orgs/{id}/meeting-register', {
        params: { path: { id: orgId ?? 0 }, query: { year } },
        signal,
      }),
    enabled: orgId !== undefined,
  });
}

/** The register as a workbook (目录 and one sheet per meeting); the server records the export in the audit log. */
export function downloadMeetingRegister(orgId: number, year: number): Promise<void> {
  return downloadFile(
    '/api/orgs/{id}/meeting-register/export',
    { params: { path: { id: orgId }, query: { year } } },
    `会议记录本-${year}.xlsx`,
  );
}
