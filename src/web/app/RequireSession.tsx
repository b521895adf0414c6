import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { MeView } from '../../contracts/auth.ts';
import { useMe } from '../api/auth.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { LoadingState } from '../ui/LoadingState.tsx';

export const LOGIN_PATH = '/login';
export const CHANGE_PASSWORD_PATH = '/change-password';
export const ENROL_SECOND_FACTOR_PATH = '/second-factor/enrol';

/** The page of a step the session must do first (second-factor.ts), or null when it has none. */
export function pendingStepPath(me: MeView): string | null {
  switch (me.pendingStep) {
    case 'second_factor':
      return LOGIN_PATH;
    case 'password_change':
      return CHANGE_PASSWORD_PATH;
    case 'second_factor_enrolment':
      return ENROL_SECOND_FACTOR_PATH;
    default:
      return me.mustChangePassword ? CHANGE_PASSWORD_PATH : null;
  }
}

/**
 * Everything but the login page needs a session; a session with a step pending (the second-factor code, a
 * password change, the enrolment of a required second factor) sees only that step's page until it is done (the
 * server answers 403 to anything else).
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <LoadingState fullScreen />;
  if (me.isError) return <ErrorState error={me.error} what="登录状态" onRetry={() => me.refetch()} />;
  if (!me.data) {
    return <Navigate to={LOGIN_PATH} replace state={{ from: location.pathname + location.search }} />;
  }
  const pending = pendingStepPath(me.data);
  if (pending) return <Navigate to={pending} replace />;
  return children;
}
