import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type DataOf } from './client.ts';
import { downloadFile } from './download.ts';

/** 党费收缴 (docs/dues.md §10): the subtree's figures, the branch's monthly sheet, the yearly publication and statistics. */
export type DuesSummary = DataOf<'/api/orgs/{id}/dues-summary', 'get'>;
export type CollectionFigures = DuesSummary['figures'];
export type DuesSummaryChild = DuesSummary['children'][number];
export type DuesSheet = DataOf<'/api/orgs/{id}/dues-sheet', 'get'>;
export type DuesSheetRow = DuesSheet['rows'][number];
export type DuesPublication = DataOf<'/api/orgs/{id}/dues-publication', 'get'>;
export type DuesStatistics = DataOf<'/api/orgs/{id}/dues-statistics', 'get'>;

export const duesSummaryKeys = {
  all: ['dues-summary'] as const,
  summary: (orgId: number, period: string) => ['dues-summary', 'summary', orgId, period] as const,
  sheet: (orgId: number, month: string) => ['dues-summary', 'sheet', orgId, month] as const,
  publication: (orgId: number, year: number) => ['dues-summary', 'publication', orgId, year] as const,
  statistics: (orgId: number, year: number) => ['dues-summary', 'statistics', orgId, year] as const,
};

/** The org's subtree and each child's for a month (`2026-07`) or a year (`2026`). */
export function useDuesSummary(orgId: number | undefined, period: string) {
  return useQuery({
    queryKey: duesSummaryKeys.summary(orgId ?? 0, period),
    queryFn: ({ signal }) =>
      api.GET('/api/orgs/{id}/dues-summary', {
        params: { path: { id: orgId ?? 0 }, query: { period } },
        signal,
      }),
    enabled: orgId !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** A branch's monthly collection sheet. */
export function useDuesSheet(orgId: number | undefined, month: string) {
  return useQuery({
    queryKey: duesSummaryKeys.sheet(orgId ?? 0, month),
    queryFn: ({ signal }) =>
      api.GET('/api/orgs/{id}/dues-sheet', {
        params: { path: { id: orgId ?? 0 }, query: { month } },
        signal,
      }),
    enabled: orgId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useDuesPublication(orgId: number | undefined, year: number) {
  return useQuery({
    queryKey: duesSummaryKeys.publication(orgId ?? 0, year),
    queryFn: ({ signal }) =>
      api.GET('/api/orgs/{id}/dues-publication', {
        params: { path: { id: orgId ?? 0 }, query: { year } },
        signal,
      }),
    enabled: orgId !== undefined,
  });
}

export function useDuesStatistics(orgId: number | undefined, year: number) {
  return useQuery({
    queryKey: duesSummaryKeys.statistics(orgId ?? 0, year),
    queryFn: ({ signal }) =>
      api.GET('/api/orgs/{id}/dues-statistics', {
        params: { path: { id: orgId ?? 0 }, query: { year } },
        signal,
      }),
    enabled: orgId !== undefined,
  });
}

/** The sheet as a workbook; the server records the export in the audit log. */
export function downloadDuesSheet(orgId: number, month: string): Promise<void> {
  return downloadFile(
    '/api/orgs/{id}/dues-sheet/export',
    { params: { path: { id: orgId }, query: { month } } },
    `党费收缴表-${month}.xlsx`,
  );
}
