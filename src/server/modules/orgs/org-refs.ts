import type { Db } from '../../db/client.ts';
import type { Scope } from '../../db/scope.ts';
import { notFound } from '../../http/errors.ts';
import { findOrgRefInScope, type OrgRefRow } from './orgs.repo.ts';

export type OrgRef = OrgRefRow;

/**
 * The org with this id, as other modules need it (path, kind, name) to check their own rules. Out of scope
 * or missing answers 404 (DESIGN.md §5). Other modules use this, never the orgs repo.
 */
export async function getOrgRef(db: Db, scope: Scope, id: number, what = '组织'): Promise<OrgRef> {
  const org = await findOrgRefInScope(db, scope, id);
  if (!org) throw notFound(what);
  return org;
}
