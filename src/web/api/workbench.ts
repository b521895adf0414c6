import { useQuery } from '@tanstack/react-query';
import type { WorkbenchView } from '../../contracts/workbench.ts';
import { api } from './client.ts';

export function useWorkbench() {
  return useQuery({ queryKey: ['workbench'], queryFn: () => api.get<WorkbenchView>('/api/workbench') });
}
