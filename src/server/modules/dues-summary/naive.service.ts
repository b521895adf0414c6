import { sql } from 'drizzle-orm';
import { type CollectionFigures, type MonthKey, monthStart } from '../../../domain/dues/index.ts';
import type { Db } from '../../db/client.ts';
import { figuresWhere } from './rollup.repo.ts';

/**
 * The naive way (the benchmark's comparison, and a check in the tests): a subtree's figures for some months
 * summed from every charge and ledger entry on request, without the roll-up.
 */
export async function naiveDuesFigures(
  ctx: { readonly db: Db },
  path: string,
  months: readonly MonthKey[],
): Promise<CollectionFigures> {
  return figuresWhere(
    ctx.db,
    sql`c.month = any(${`{${months.map(monthStart).join(',')}}`}::date[])
        and c.org_id in (select id from orgs where path <@ ${path}::ltree)`,
  );
}
