import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type DataOf } from './client.ts';

/** 组织生活达标: a subtree's figures for a period and the heat map of a year (GET /api/orgs/:id/compliance…). */
export type ComplianceView = DataOf<'/api/orgs/{id}/compliance', 'get'>;
export type ComplianceFigures = ComplianceView['figures'];
export type ComplianceChild = ComplianceView['children'][number];
export type ComplianceFinding = ComplianceView['findings'][number];
export type HeatmapView = DataOf<'/api/orgs/{id}/compliance/heatmap', 'get'>;
export type HeatmapRow = HeatmapView['rows'][number];
export type HeatmapCell = HeatmapRow['cells'][number];

export const complianceKeys = {
  all: ['compliance'] as const,
  view: (orgId: number, period: string) => ['compliance', 'view', orgId, period] as const,
  heatmap: (orgId: number, year: number) => ['compliance', 'heatmap', orgId, year] as const,
};

/** The org's subtree, each child's and the org's own findings for a period key (2026, 2026-Q3, 2026-09). */
export function useCompliance(orgId: number | undefined, period: string) {
  return useQuery({
    queryKey: complianceKeys.view(orgId ?? 0, period),
    queryFn: ({ signal }) =>
      api.GET('/api/orgs/{id}/compliance', {
        params: { path: { id: orgId ?? 0 }, query: { period } },
        signal,
      }),
    enabled: orgId !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** The children of the org × the twelve months of a year. */
export function useComplianceHeatmap(orgId: number | undefined, year: number) {
  return useQuery({
    queryKey: complianceKeys.heatmap(orgId ?? 0, year),
    queryFn: ({ signal }) =>
      api.GET('/api/orgs/{id}/compliance/heatmap', {
        params: { path: { id: orgId ?? 0 }, query: { year } },
        signal,
      }),
    enabled: orgId !== undefined,
    placeholderData: keepPreviousData,
  });
}
