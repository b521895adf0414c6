import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * The condition of a CHECK constraint that closes a text column (or an expression: a JSON field) over a
 * vocabulary: `column in ('a', 'b', …)`.
 * The values are the code's own constants (never user input); a new value is a new migration.
 */
export function oneOf(column: AnyPgColumn | SQL, values: readonly string[]): SQL {
  for (const v of values) if (!/^[a-z0-9_.]+$/.test(v)) throw new Error(`not a vocabulary value: ${v}`);
  return sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`;
}
