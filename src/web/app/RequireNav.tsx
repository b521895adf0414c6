import type { ReactNode } from 'react';
import { useMe } from '../api/auth.ts';
import { ForbiddenPage } from './ForbiddenPage.tsx';
import { canUse, findNavLeaf, type NavKey } from './navigation.ts';

/** A page of the menu opens only for the users who see its menu entry (a typed URL gets a clear answer). */
export function RequireNav({ nav, children }: { nav: NavKey; children: ReactNode }) {
  const me = useMe();
  if (!me.data || !canUse(findNavLeaf(nav), me.data.permissions)) return <ForbiddenPage />;
  return children;
}
