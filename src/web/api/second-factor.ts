import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  MeView,
  RecoveryCodesView,
  SecondFactorEnrolment,
  SecondFactorStatus,
} from '../../contracts/auth.ts';
import { meKey } from './auth.ts';
import { api, apiRequest } from './client.ts';

const statusKey = ['auth', 'second-factor'] as const;

/** The login's second step: the session is replaced by a complete one (a new cookie), whose user is answered. */
export function useSecondStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      apiRequest<MeView>('/api/auth/login/second-factor', { method: 'POST', body: { code }, silent: true }),
    onSuccess: (me) => {
      queryClient.clear();
      queryClient.setQueryData(meKey, me);
    },
  });
}

export function useSecondFactorStatus() {
  return useQuery({
    queryKey: statusKey,
    queryFn: () => api.get<SecondFactorStatus>('/api/auth/second-factor'),
  });
}

/** A new key for the authenticator app; it takes effect once a code confirms it. */
export function useStartEnrolment() {
  return useMutation({
    mutationFn: () => api.post<SecondFactorEnrolment>('/api/auth/second-factor/enrolment'),
  });
}

function useSecondFactorChange<R>(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<R>(path, { code }),
    // The status changes; a session that had to enrol is complete now. The recovery codes, shown once, are in
    // the mutation's answer: `me` is re-read only when they have been seen (confirmEnrolment's caller does it).
    onSuccess: () => queryClient.invalidateQueries({ queryKey: statusKey }),
  });
}

export const useConfirmEnrolment = () =>
  useSecondFactorChange<RecoveryCodesView>('/api/auth/second-factor/enrolment/confirm');

export const useRegenerateRecoveryCodes = () =>
  useSecondFactorChange<RecoveryCodesView>('/api/auth/second-factor/recovery-codes');

export function useDisableSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<unknown>('/api/auth/second-factor/disable', { code }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: statusKey }),
        queryClient.invalidateQueries({ queryKey: meKey }),
      ]),
  });
}

/** After the recovery codes have been seen: the account (and whether it still has a step pending) is re-read. */
export function useReloadMe() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: meKey });
}
