import { useQuery } from '@tanstack/react-query';
import type { ImportLimitsView } from '../../../contracts/member-import.ts';
import { DEFAULT_UPLOAD_LIMITS } from '../../../domain/shared/index.ts';
import { api } from '../../api/client.ts';

/** The 导入限制 in force (the defaults until they are loaded): the upload step states them beforehand. */
export function useImportLimits(): ImportLimitsView {
  const query = useQuery({
    queryKey: ['member-import', 'limits'],
    queryFn: () => api.GET('/api/members/import-limits'),
    staleTime: 60_000,
  });
  return query.data ?? DEFAULT_UPLOAD_LIMITS;
}
