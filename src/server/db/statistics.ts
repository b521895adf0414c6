import { sql } from 'drizzle-orm';
import { type Database, queryRows } from './client.ts';

/**
 * Planner statistics on PGlite (docs/embedded-database.md §8). PostgreSQL's autovacuum analyzes a table once enough
 * of it changed; PGlite has none, so a table filled in bulk (an import, the benchmark's city, a roll-up computed
 * for a new year) is planned from what it held when it was last analyzed — often nothing — until someone runs
 * ANALYZE. This is autovacuum's analyze for PGlite, run by the findings upkeep before its pass and every few minutes
 * after (todos/upkeep.ts): the tables found stale are analyzed, the others left alone (two small queries when none is).
 *
 * A table is stale when
 * - it holds pages but was never analyzed (`reltuples` < 0),
 * - or the changes counted since its last analyze (`n_mod_since_analyze`) reach 10 % of its rows, at least
 *   STALE_MIN_CHANGES and at most STALE_MAX_CHANGES (a large table is analyzed after 10,000 changes, a small one
 *   after 10 %, a tiny one not for every few rows),
 * - or it grew by more than a tenth (and STALE_MIN_GROWTH pages) since its last analyze: PGlite keeps the counted
 *   changes in memory only, so a table filled by an earlier process shows none; its size on disk tells.
 */
export const STALE_SHARE = 0.1;
export const STALE_MIN_CHANGES = 500;
export const STALE_MAX_CHANGES = 10_000;
/** 64 pages of 8 kB: a table must grow by half a megabyte before its growth alone makes it stale. */
export const STALE_MIN_GROWTH = 64;

export type StaleTable = {
  readonly name: string;
  /** Its rows when last analyzed (-1: never). */
  readonly rows: number;
  readonly why: 'never_analyzed' | 'changed' | 'grown';
};

/** The app's tables (schema public) whose planner statistics are stale, by the rules above. */
export async function staleTables(database: Pick<Database, 'db'>): Promise<StaleTable[]> {
  // The changes of the last second may not be counted yet: the backend reports them at most once a second.
  await database.db.execute(sql`select pg_stat_force_next_flush()`);
  const rows = await queryRows<{ name: string; rows: number; why: StaleTable['why'] }>(
    database.db,
    sql`select name, rows, why from (
          select c.relname::text as name, c.reltuples::float8 as rows,
                 case
                   when c.reltuples < 0 then case when pages > 0 then 'never_analyzed' end
                   when coalesce(s.n_mod_since_analyze, 0)
                        >= greatest(${STALE_MIN_CHANGES}::float8,
                                    least(${STALE_MAX_CHANGES}::float8, ${STALE_SHARE}::float8 * c.reltuples))
                     then 'changed'
                   when pages > c.relpages * (1 + ${STALE_SHARE}::float8) + ${STALE_MIN_GROWTH}::float8 then 'grown'
                 end as why
          from pg_class c
          join pg_namespace n on n.oid = c.relnamespace
          left join pg_stat_user_tables s on s.relid = c.oid
          cross join lateral (
            select pg_relation_size(c.oid) / current_setting('block_size')::int as pages) p
          where n.nspname = 'public' and c.relkind = 'r') t
        where why is not null
        order by name`,
  );
  return rows.map((r) => ({ name: r.name, rows: Number(r.rows), why: r.why }));
}

/**
 * On PGlite, analyzes the stale tables in one statement and returns them; on PostgreSQL does nothing (autovacuum's
 * job) and returns none.
 */
export async function refreshStatistics(database: Pick<Database, 'db' | 'kind'>): Promise<StaleTable[]> {
  if (database.kind !== 'pglite') return [];
  const stale = await staleTables(database);
  if (stale.length > 0)
    await database.db.execute(
      sql`analyze ${sql.join(
        stale.map((t) => sql.identifier(t.name)),
        sql`, `,
      )}`,
    );
  return stale;
}
