import { sql } from 'drizzle-orm';
import { STAT_KEYS } from '../src/domain/membership/index.ts';
import type { IsoDate } from '../src/domain/shared/index.ts';
import { type Db, queryRows } from '../src/server/db/client.ts';
import { countEveryKey, ON_ROSTER } from '../src/server/modules/stats/index.ts';

/**
 * The obvious ways to answer the root statistics without the rollup, for the ratio in PERFORMANCE.md: the
 * same 55 figures (the counting rules as SQL, stat-sql.ts) aggregated over the member rows of the subtree.
 */

/** Every member row of the subtree, found through the ltree path of its org (GiST), grouped in one pass. */
export function directAggregation(db: Db, rootPath: string, today: IsoDate) {
  return queryRows(
    db,
    sql`select ${countEveryKey(today)}
        from members m join persons p on p.id = m.person_id join orgs o on o.id = m.org_id
        where o.path <@ ${rootPath}::ltree and ${ON_ROSTER}`,
  );
}

/** The subtree walked by a recursive CTE over parent_id, then the same aggregation. */
export function recursiveCte(db: Db, rootId: number, today: IsoDate) {
  return queryRows(
    db,
    sql`with recursive sub(id) as (
          select id from orgs where id = ${rootId}
          union all
          select o.id from orgs o join sub on o.parent_id = sub.id)
        select ${countEveryKey(today)}
        from members m join persons p on p.id = m.person_id
        where m.org_id in (select id from sub) and ${ON_ROSTER}`,
  );
}

/** For comparison, the rollup's own sum at the deployment root (what the stats endpoint runs for the totals). */
export function rollupSum(db: Db) {
  return queryRows(
    db,
    sql`select ${sql.join(
      STAT_KEYS.map((k) => sql`coalesce(sum(${sql.identifier(k)}), 0)::int`),
      sql`, `,
    )} from org_stats`,
  );
}

/**
 * The first implementation, for comparison: the per-org rollup summed per direct child of the root (the
 * drill-down figures), joined to orgs for the path.
 */
export function perOrgRollupByChild(db: Db, rootPath: string) {
  const depth = rootPath.split('.').length;
  return queryRows(
    db,
    sql`select subpath(o.path, ${depth}, 1)::text::int as child, ${sql.join(
      STAT_KEYS.map((k) => sql`sum(s.${sql.identifier(k)})::int`),
      sql`, `,
    )}
        from org_stats s join orgs o on o.id = s.org_id
        where o.path <@ ${rootPath}::ltree and nlevel(o.path) > ${depth} group by 1`,
  );
}
