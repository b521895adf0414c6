import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { pathInScope, type Scope } from '../../db/scope.ts';
import { orgs } from '../../db/tables/orgs.ts';

/** The nearest 基层党委 above an org, if it lies in the scope (row 2 of the 汇总表). */
export async function findCommitteeName(db: Db, scope: Scope, orgId: number): Promise<string | null> {
  const [row] = await db
    .select({ name: sql<string>`c.name` })
    .from(orgs)
    .innerJoin(sql`orgs c`, sql`c.path @> ${orgs.path} and c.kind = 'committee'`)
    .where(and(eq(orgs.id, orgId), pathInScope(scope, sql`c.path`)))
    .orderBy(sql`nlevel(c.path) desc`)
    .limit(1);
  return row?.name ?? null;
}
