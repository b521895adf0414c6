import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../api/auth.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { LoadingState } from '../ui/LoadingState.tsx';

export const LOGIN_PATH = '/login';
export const CHANGE_PASSWORD_PATH = '/change-password';

/**
 * Everything but the login page needs a session; an account with a pending password change sees only the
 * change page until it is done (the server answers 403 password_change_required to anything else).
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <LoadingState fullScreen />;
  if (me.isError) return <ErrorState error={me.error} what="登录状态" onRetry={() => me.refetch()} />;
  if (!me.data) {
    return <Navigate to={LOGIN_PATH} replace state={{ from: location.pathname + location.search }} />;
  }
  if (me.data.mustChangePassword) return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  return children;
}
