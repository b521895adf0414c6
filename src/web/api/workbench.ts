import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';

export function useWorkbench() {
  return useQuery({ queryKey: ['workbench'], queryFn: () => api.GET('/api/workbench') });
}

/** 安全管理员的工作台: security warnings and the accounts that need attention. */
export function useSecurityWorkbench(enabled = true) {
  return useQuery({
    queryKey: ['workbench', 'security'],
    queryFn: () => api.GET('/api/workbench/security'),
    enabled,
  });
}
