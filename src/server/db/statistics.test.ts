import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../testing/test-db.ts';
import { type Database, queryRows } from './client.ts';
import { refreshStatistics, STALE_MIN_CHANGES, staleTables } from './statistics.ts';

/**
 * Planner statistics (docs/embedded-database.md §8): on PGlite, which has no autovacuum, a table filled in bulk is
 * analyzed by refreshStatistics, and a table barely changed is left alone; on PostgreSQL the call does nothing
 * (autovacuum's job).
 */
let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

type Picture = { reltuples: number; analyzes: number };
async function picture(table: string): Promise<Picture> {
  const [row] = await queryRows<{ reltuples: number; analyzes: number }>(
    database.db,
    sql`select c.reltuples::float8 as reltuples, coalesce(s.analyze_count, 0)::int as analyzes
        from pg_class c left join pg_stat_user_tables s on s.relid = c.oid
        where c.oid = ${table}::regclass`,
  );
  return { reltuples: Number(row?.reltuples), analyzes: Number(row?.analyzes) };
}

/** `n` rows in the marks table (findings_dirty: an app table with no foreign key, rows made of two columns). */
const fill = (n: number) =>
  database.db.execute(
    sql`insert into findings_dirty (org_id, input) select g, 'org' from generate_series(1, ${n}) g`,
  );

describe.skipIf(!!process.env.DATABASE_URL)('refreshStatistics on PGlite', () => {
  it('analyzes a table filled in bulk, then one changed by a tenth, and leaves a table barely changed alone', async () => {
    // The template's tables come migrated, some never analyzed: the first pass gives each with rows its picture.
    await refreshStatistics(database);
    expect(await staleTables(database)).toEqual([]);
    const before = await picture('findings_dirty');
    expect(before.reltuples).toBe(-1);

    await fill(20_000);
    expect(await staleTables(database)).toEqual([
      { name: 'findings_dirty', rows: -1, why: 'never_analyzed' },
    ]);
    const analyzed = await refreshStatistics(database);
    expect(analyzed.map((t) => t.name)).toEqual(['findings_dirty']);
    const after = await picture('findings_dirty');
    expect(after.reltuples).toBe(20_000);
    expect(after.analyzes).toBe(before.analyzes + 1);
    expect(await staleTables(database)).toEqual([]);

    // A few changes, under the threshold: nothing analyzed, the picture kept.
    await database.db.execute(sql`delete from findings_dirty where org_id <= ${STALE_MIN_CHANGES - 100}`);
    expect(await refreshStatistics(database)).toEqual([]);
    expect(await picture('findings_dirty')).toEqual(after);

    // 10 % of the rows changed (2,000 ≥ 10 % of 20,000): stale again.
    await database.db.execute(sql`delete from findings_dirty where org_id <= 2_000`);
    expect(await staleTables(database)).toEqual([{ name: 'findings_dirty', rows: 20_000, why: 'changed' }]);
    expect((await refreshStatistics(database)).map((t) => t.name)).toEqual(['findings_dirty']);
    expect((await picture('findings_dirty')).reltuples).toBe(18_000);
  });

  it('finds a table filled by an earlier process by its size (the counted changes are lost with the process)', async () => {
    await database.db.execute(sql`delete from findings_dirty`);
    await database.db.execute(sql`vacuum analyze findings_dirty`);
    expect((await picture('findings_dirty')).reltuples).toBe(0);
    await fill(30_000);
    expect(await staleTables(database)).toEqual([{ name: 'findings_dirty', rows: 0, why: 'changed' }]);
    // What a reopened PGlite shows: no change counted since the last analyze, yet the table is larger.
    await database.db.execute(sql`select pg_stat_reset_single_table_counters(${'findings_dirty'}::regclass)`);
    expect(await staleTables(database)).toEqual([
      expect.objectContaining({ name: 'findings_dirty', why: 'grown' }),
    ]);
    await refreshStatistics(database);
    expect((await picture('findings_dirty')).reltuples).toBe(30_000);
  });
});

describe.runIf(!!process.env.DATABASE_URL)('refreshStatistics on PostgreSQL', () => {
  it('leaves the statistics to autovacuum: nothing analyzed, even after a bulk insert', async () => {
    const before = await picture('findings_dirty');
    await fill(20_000);
    expect(await refreshStatistics(database)).toEqual([]);
    expect((await picture('findings_dirty')).analyzes).toBe(before.analyzes);
    await database.db.execute(sql`delete from findings_dirty`);
  });
});
