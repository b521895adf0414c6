import { Navigate } from 'react-router';
import { useMe } from '../api/auth.ts';
import { homePath } from './navigation.ts';

export function HomeRedirect() {
  const me = useMe();
  return <Navigate to={homePath(me.data?.permissions ?? [])} replace />;
}
