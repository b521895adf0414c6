import { useSearchParams } from 'react-router';
import { permissionsOf } from '../../../domain/access/index.ts';
import { useMe } from '../../api/auth.ts';

/**
 * The org and year a page of organizational life shows: from the address (`?orgId=&year=`), else the user's own
 * org where they read organizational life, and this year.
 */
export function useOrgLifeOrg() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const own = me.data?.assignments.find((a) => permissionsOf(a.role).includes('org_life.read'));
  const fromUrl = Number(params.get('orgId'));
  const orgId = fromUrl > 0 ? fromUrl : own?.orgId;
  const yearParam = Number(params.get('year'));
  const year = yearParam >= 1949 && yearParam <= 2100 ? yearParam : new Date().getFullYear();
  const go = (next: { orgId?: number; year?: number }) => {
    const o = next.orgId ?? orgId;
    const y = next.year ?? year;
    setParams({ ...(o ? { orgId: String(o) } : {}), year: String(y) });
  };
  return { orgId, year, own: own ? { id: own.orgId, name: own.orgName } : null, go };
}
