import { sql } from 'drizzle-orm';
import type { IsoDate } from '../src/domain/shared/index.ts';
import { type Database, queryRows } from '../src/server/db/client.ts';
import { rebuildRollup } from '../src/server/modules/stats/index.ts';
import type { IdCipher } from '../src/server/security/crypto.ts';
import { reusableBenchDatabase } from './bench-db.ts';
import { generateMembers, type SyntheticRoster } from './synthetic-members.ts';
import { CITY_SHAPE, generateTree } from './synthetic-tree.ts';

export type RosterCity = {
  database: Database;
  fresh: boolean;
  tree: { city: number; districts: number[]; streets: number[]; communities: number[]; orgCount: number };
  samples: SyntheticRoster['samples'];
  /** Seconds to generate the city (in this run, or in the run that made a reused one). */
  timings: { generate: number; cipher: number; rebuild: number } | null;
};

/**
 * The benchmark city with `members` members: generated (tree, roster, rollup rebuild, timed), or with
 * BENCH_REUSE=1 the one a previous run left, its ids and search samples read back from the data.
 */
export async function rosterCity(members: number, today: IsoDate, idCipher: IdCipher): Promise<RosterCity> {
  const { database, fresh } = await reusableBenchDatabase(`jiceng_bench_roster_${members}`);
  if (fresh) {
    const tree = await generateTree(database.db, CITY_SHAPE, today);
    console.log(`${database.kind}: ${tree.orgCount} orgs; generating ${members.toLocaleString()} members…`);
    const roster = await generateMembers(database.db, members, today, idCipher);
    const started = performance.now();
    await database.db.transaction((tx) => rebuildRollup(tx, today));
    // As autovacuum would: statistics, and the visibility map that lets index-only scans skip the heap.
    await database.db.execute(sql`vacuum analyze`);
    const rebuild = Math.round((performance.now() - started) / 100) / 10;
    const timings = { generate: roster.seconds, cipher: roster.cipherSeconds, rebuild };
    // Kept with the data, so that a run reusing this city still reports how long it took to make.
    await database.db.execute(sql`create table bench_meta (key text primary key, value jsonb not null)`);
    await database.db.execute(
      sql`insert into bench_meta values ('timings', ${JSON.stringify(timings)}::jsonb), ('samples', ${JSON.stringify(roster.samples)}::jsonb)`,
    );
    console.log(
      `members in ${roster.seconds} s (cipher ${roster.cipherSeconds} s); rollup rebuilt in ${rebuild} s`,
    );
    return {
      database,
      fresh,
      tree,
      samples: roster.samples,
      timings,
    };
  }
  const orgs = await queryRows<{ id: number; kind: string; depth: number }>(
    database.db,
    sql`select id, kind, nlevel(path) as depth from orgs where nlevel(path) <= 4 order by id`,
  );
  const at = (depth: number) => orgs.filter((o) => o.depth === depth).map((o) => o.id);
  const [count] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from orgs`);
  const meta = new Map(
    (
      await queryRows<{ key: string; value: unknown }>(database.db, sql`select key, value from bench_meta`)
    ).map((r) => [r.key, typeof r.value === 'string' ? JSON.parse(r.value) : r.value]),
  );
  console.log(`${database.kind}: reusing the city of ${members.toLocaleString()} members`);
  return {
    database,
    fresh,
    tree: {
      city: at(1)[0] as number,
      districts: at(2),
      streets: at(3),
      communities: at(4),
      orgCount: count?.n ?? 0,
    },
    samples: meta.get('samples') as SyntheticRoster['samples'],
    timings: (meta.get('timings') as RosterCity['timings']) ?? null,
  };
}
