import { sql } from 'drizzle-orm';
import { type Db, queryRows } from './client.ts';

/**
 * Bulk inserts as one statement per chunk with one array parameter per column
 * (`insert … select … from unnest($1::text[], …) with ordinality`): a handful of parameters instead of one
 * per value, which on PGlite is about five times faster than a multi-row VALUES list, the same SQL on both
 * engines. Values travel as text and are cast to the column's type by the database. For seeding and
 * benchmarks; the services write through Drizzle.
 */
export type BulkColumn<R> = {
  /** The column name. */
  readonly name: string;
  /** The SQL type each text value is cast to: `text`, `int`, `date`, `boolean`, `jsonb`, an enum… */
  readonly type: string;
  readonly value: (row: R) => string | number | boolean | object | null;
};

const CHUNK = 20_000;

function asText(v: string | number | boolean | object | null): string | null {
  if (v === null || typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** Inserts the rows and answers their `id`s in the order of `rows`. */
export async function insertUnnest<R>(
  db: Db,
  table: string,
  columns: readonly BulkColumn<R>[],
  rows: readonly R[],
): Promise<number[]> {
  const ids: number[] = [];
  const names = sql.join(
    columns.map((c) => sql.identifier(c.name)),
    sql`, `,
  );
  for (let start = 0; start < rows.length; start += CHUNK) {
    const part = rows.slice(start, start + CHUNK);
    const arrays = sql.join(
      columns.map((c) => sql`${sql.param(part.map((r) => asText(c.value(r))))}::text[]`),
      sql`, `,
    );
    const casts = sql.join(
      columns.map((c) => sql`u.${sql.identifier(c.name)}::${sql.raw(c.type)}`),
      sql`, `,
    );
    const inserted = await queryRows<{ id: number }>(
      db,
      sql`insert into ${sql.identifier(table)} (${names})
          select ${casts} from unnest(${arrays}) with ordinality as u(${names}, n)
          order by u.n
          returning id`,
    );
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}
