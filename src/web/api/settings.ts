import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SettingGroup } from '../../contracts/settings.ts';
import { api } from './client.ts';

export type SettingsView<T> = { group: SettingGroup; value: T; version: number; updatedAt: string | null };

const settingsKey = (group: SettingGroup) => ['settings', group] as const;

export function useSettings<T>(group: SettingGroup) {
  return useQuery({
    queryKey: settingsKey(group),
    queryFn: () => api.get<SettingsView<T>>(`/api/settings/${group}`),
  });
}

export function useSaveSettings<T>(group: SettingGroup) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { value: T; version: number }) =>
      api.put<SettingsView<T>>(`/api/settings/${group}`, input),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKey(group), saved);
      // The 工作台 derives its reminders and warnings from the parameters.
      void queryClient.invalidateQueries({ queryKey: ['workbench'] });
    },
  });
}

export function useReloadSettings(group: SettingGroup) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: settingsKey(group) });
}
