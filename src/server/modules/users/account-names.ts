import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/tables/users.ts';

/** An account as another module shows who acted: its username and the person's name on it. */
export type AccountName = { readonly username: string; readonly name: string };

/**
 * The names of these accounts, for another module's lists (who imported a batch, who undid it): the users module
 * owns the accounts table, so the others ask it rather than join it.
 */
export async function accountNames(
  db: Db,
  ids: readonly (number | null)[],
): Promise<Map<number, AccountName>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, username: users.username, name: users.name })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, { username: r.username, name: r.name }]));
}
