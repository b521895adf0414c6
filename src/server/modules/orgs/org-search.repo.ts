import { and, asc, eq, ilike, isNull, type SQL, sql } from 'drizzle-orm';
import type { OrgKind } from '../../../domain/org/index.ts';
import type { Db } from '../../db/client.ts';
import { pathInScope, type Scope } from '../../db/scope.ts';
import { orgs } from '../../db/tables/orgs.ts';
import { type OrgSummaryRow, summaryColumns } from './orgs.repo.ts';

export type OrgSearchFilter = {
  readonly scope: Scope;
  /** Only this subtree (a path already checked to be in scope). */
  readonly within: string | null;
  readonly q: string | undefined;
  readonly kind: OrgKind | undefined;
  readonly includeDissolved: boolean;
  readonly limit: number;
  readonly offset: number;
};

/** `%` and `_` typed by the user are matched literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function searchWhere(f: OrgSearchFilter): SQL | undefined {
  return and(
    // Subtree first: one GiST match per scope root (orgs_path_gist).
    pathInScope(f.scope, orgs.path),
    f.within === null ? undefined : sql`${orgs.path} <@ ${f.within}::ltree`,
    // ILIKE can use the trigram GIN index (orgs_name_trgm); never the pg_trgm `%` operator (hangs PGlite).
    f.q ? ilike(orgs.name, `%${escapeLike(f.q)}%`) : undefined,
    f.kind === undefined ? undefined : eq(orgs.kind, f.kind),
    f.includeDissolved ? undefined : isNull(orgs.dissolvedOn),
  );
}

/** One page of matching orgs, upper levels first, and the total. */
export async function searchOrgRows(
  db: Db,
  f: OrgSearchFilter,
): Promise<{ rows: OrgSummaryRow[]; total: number }> {
  const where = searchWhere(f);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(orgs).where(where);
  const total = count?.n ?? 0;
  if (total === 0 || f.offset >= total) return { rows: [], total };
  const rows = await db
    .select(summaryColumns)
    .from(orgs)
    .where(where)
    .orderBy(sql`nlevel(${orgs.path})`, asc(orgs.kind), asc(orgs.id))
    .limit(f.limit)
    .offset(f.offset);
  return { rows, total };
}
