import { type SQL, sql } from 'drizzle-orm';
import type { LedgerMove } from '../../../domain/membership-ledger.ts';
import { LEDGER_STATUSES } from '../../../domain/membership-ledger.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { pathInScope, type Scope } from '../../db/scope.ts';

/**
 * The events that moved the count of a subtree up to `to`, grouped by kind, left reason, whether inside the
 * period and direction. Each event records its state before and after (org, status: for an org change the
 * status is in details), so the move of one event is `after_in − before_in` without replaying history.
 */
export async function ledgerMoves(db: Db, subtree: Scope, from: string, to: string): Promise<LedgerMove[]> {
  const counted = sql.join(
    LEDGER_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const statusBefore = sql`case when e.kind = 'org_changed' then e.details->>'status' else e.from_value end`;
  const statusAfter = sql`case when e.kind = 'org_changed' then e.details->>'status' else e.to_value end`;
  const inside = (path: SQL) => pathInScope(subtree, path);
  const rows = await queryRows<{
    kind: string;
    left_reason: string | null;
    in_period: boolean;
    sign: number;
    n: number;
  }>(
    db,
    sql`select kind, left_reason, in_period, after_in::int - before_in::int as sign, count(*)::int as n
        from (
          select e.kind, e.details->>'leftReason' as left_reason, e.effective_on >= ${from}::date as in_period,
            (coalesce(${statusBefore}, '') in (${counted}) and ${inside(sql`fo.path`)}) as before_in,
            (coalesce(${statusAfter}, '') in (${counted}) and ${inside(sql`coalesce(tor.path, fo.path)`)}) as after_in
          from member_events e
          join orgs fo on fo.id = e.org_id
          left join orgs tor on tor.id = e.to_org_id
          where e.effective_on <= ${to}::date and (${inside(sql`fo.path`)} or ${inside(sql`tor.path`)})
        ) moves
        where before_in <> after_in
        group by 1, 2, 3, 4`,
  );
  return rows.map((r) => ({
    kind: r.kind,
    leftReason: r.left_reason,
    inPeriod: r.in_period,
    sign: r.sign > 0 ? 1 : -1,
    count: r.n,
  }));
}
