import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SettingGroup } from '../../contracts/settings.ts';
import { api, type BodyOf } from './client.ts';

export type SaveSettingsInput = BodyOf<'/api/settings/{group}', 'put'>;

const settingsKey = (group: SettingGroup) => ['settings', group] as const;

export function useSettings(group: SettingGroup) {
  return useQuery({
    queryKey: settingsKey(group),
    queryFn: () => api.GET('/api/settings/{group}', { params: { path: { group } } }),
  });
}

export function useSaveSettings(group: SettingGroup) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveSettingsInput) =>
      api.PUT('/api/settings/{group}', { params: { path: { group } }, body: input }),
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
