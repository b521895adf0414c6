import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { meKey } from './auth.ts';
import { api } from './client.ts';

const statusKey = ['auth', 'second-factor'] as const;

/** The login's second step: the session is replaced by a complete one (a new cookie), whose user is answered. */
export function useSecondStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.POST('/api/auth/login/second-factor', { body: { code }, silent: true }),
    onSuccess: (me) => {
      queryClient.clear();
      queryClient.setQueryData(meKey, me);
    },
  });
}

export function useSecondFactorStatus() {
  return useQuery({
    queryKey: statusKey,
    queryFn: () => api.GET('/api/auth/second-factor'),
  });
}

/** A new key for the authenticator app; it takes effect once a code confirms it. */
export function useStartEnrolment() {
  return useMutation({
    mutationFn: () => api.POST('/api/auth/second-factor/enrolment'),
  });
}

/**
 * A change confirmed by a code. The status changes; a session that had to enrol is complete now. The recovery
 * codes, shown once, are in the mutation's answer: `me` is re-read only when they have been seen
 * (confirmEnrolment's caller does it).
 */
function useCodeConfirmed<R>(request: (code: string) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: statusKey }),
  });
}

export const useConfirmEnrolment = () =>
  useCodeConfirmed((code: string) =>
    api.POST('/api/auth/second-factor/enrolment/confirm', { body: { code } }),
  );

export const useRegenerateRecoveryCodes = () =>
  useCodeConfirmed((code: string) => api.POST('/api/auth/second-factor/recovery-codes', { body: { code } }));

export function useDisableSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.POST('/api/auth/second-factor/disable', { body: { code } }),
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
