import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';
import { transfers } from './tables/people.ts';

/**
 * A member's transfers as the modules besides transfers need them: the members module offers 转接 only while none
 * is pending, and an import batch whose members were ever transferred cannot be undone. The transfers module
 * writes transfers and acts on members through the members module; were members to ask the transfers module,
 * the two would import each other — so the question lives here, as org-refs.ts answers the one about orgs.
 */
export async function hasPendingTransfer(db: Db, memberId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: transfers.id })
    .from(transfers)
    .where(and(eq(transfers.memberId, memberId), eq(transfers.status, 'pending')))
    .limit(1);
  return row !== undefined;
}

/** SQL: the member (its id column) was named in a transfer, whatever became of it. */
export function everTransferred(memberId: PgColumn | SQL): SQL {
  return sql`exists (select 1 from ${transfers} where ${transfers.memberId} = ${memberId})`;
}
