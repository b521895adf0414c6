import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { pathInScope, type Scope } from '../../db/scope.ts';
import { orgs } from '../../db/tables/orgs.ts';

const refColumns = {
  id: orgs.id,
  parentId: orgs.parentId,
  path: orgs.path,
  name: orgs.name,
  kind: orgs.kind,
  sector: orgs.sector,
  dissolvedOn: orgs.dissolvedOn,
};
export type OrgRefRow = {
  id: number;
  parentId: number | null;
  path: string;
  name: string;
  kind: (typeof orgs.$inferSelect)['kind'];
  sector: (typeof orgs.$inferSelect)['sector'];
  dissolvedOn: string | null;
};

/** The org if it exists and lies in the scope. */
export async function findOrgRefInScope(db: Db, scope: Scope, id: number): Promise<OrgRefRow | undefined> {
  const [row] = await db
    .select(refColumns)
    .from(orgs)
    .where(and(eq(orgs.id, id), pathInScope(scope, orgs.path)));
  return row;
}
