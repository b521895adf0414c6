import { type SQL, sql } from 'drizzle-orm';
import type { LedgerMove, MemberEventKind } from '../../../domain/membership/index.ts';
import { COUNTED_STATUSES } from '../../../domain/membership/index.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { coversDeployment, pathInScope, type Scope } from '../../db/scope.ts';

/**
 * The events up to `to` that touched the subtree, each with whether the member counted in the subtree before
 * and after it. Each event records its state before and after (org, status: for an org change the status is in
 * details), so the move of one event is `after_in − before_in` without replaying history.
 *
 * Two index-driven halves instead of one `org in subtree or to_org in subtree` filter (which no index serves):
 * the events of orgs inside (member_events_org_idx), and the org changes into the subtree from outside
 * (member_events_to_org_idx). For the whole deployment every org is inside and no org needs joining.
 */
function movesOf(subtree: Subtree, to: string): SQL {
  // 党员总数, the one definition (docs/membership.md §1).
  const counted = sql.join(
    COUNTED_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const statusIn = (column: 'from_value' | 'to_value') =>
    sql`(coalesce(case when e.kind = 'org_changed' then e.details->>'status' else e.${sql.raw(column)} end, '')
      in (${counted}))`;
  const columns = sql`e.id, e.member_id, e.kind, e.effective_on, e.counted_on, e.reason, e.details, e.org_id, e.to_org_id`;
  if (subtree.wholeDeployment) {
    return sql`select ${columns}, ${statusIn('from_value')} as before_in, ${statusIn('to_value')} as after_in
      from member_events e where e.counted_on <= ${to}::date`;
  }
  const inside = (path: SQL) => pathInScope(subtree, path);
  return sql`select ${columns}, ${statusIn('from_value')} as before_in,
        ${statusIn('to_value')} and (e.to_org_id is null or ${inside(sql`tor.path`)}) as after_in
      from orgs fo join member_events e on e.org_id = fo.id
        left join orgs tor on tor.id = e.to_org_id
      where ${inside(sql`fo.path`)} and e.counted_on <= ${to}::date
    union all
    select ${columns}, false as before_in, ${statusIn('to_value')} as after_in
      from orgs tor join member_events e on e.to_org_id = tor.id
        join orgs fo on fo.id = e.org_id
      where ${inside(sql`tor.path`)} and not ${inside(sql`fo.path`)} and e.counted_on <= ${to}::date`;
}

/** The subtree of a ledger: its root path, and whether it holds every org of the deployment. */
export type Subtree = Scope & { readonly wholeDeployment: boolean };

/** The subtree of the org at `path`. */
export async function subtreeAt(db: Db, path: string): Promise<Subtree> {
  const scope = { roots: [path] };
  return { ...scope, wholeDeployment: await coversDeployment(db, scope) };
}

/** The moves of the subtree up to `to`, grouped by kind, left reason, whether inside the period and direction. */
export async function ledgerMoves(db: Db, subtree: Subtree, from: string, to: string): Promise<LedgerMove[]> {
  const rows = await queryRows<{
    /** Closed by the CHECK constraint on member_events.kind. */
    kind: MemberEventKind;
    left_reason: string | null;
    unreachable: boolean;
    entered_by: string | null;
    in_period: boolean;
    sign: number;
    n: number;
  }>(
    db,
    sql`select kind, details->>'leftReason' as left_reason,
          coalesce((details->>'unreachable')::boolean, false) as unreachable,
          case when kind = 'registered' then details->>'enteredBy' end as entered_by,
          counted_on >= ${from}::date as in_period, after_in::int - before_in::int as sign, count(*)::int as n
        from (${movesOf(subtree, to)}) moves
        where before_in <> after_in
        group by 1, 2, 3, 4, 5, 6`,
  );
  return rows.map((r) => ({
    kind: r.kind,
    leftReason: r.left_reason,
    unreachable: r.unreachable,
    enteredBy: r.entered_by,
    inPeriod: r.in_period,
    sign: r.sign > 0 ? 1 : -1,
    count: r.n,
  }));
}

/**
 * 期末实有数: the members counted in the subtree at the end of `to`, from each member's latest event up to then
 * (its standing after it), independently of the sums of the moves: the check line of T1.
 */
export async function countedAt(db: Db, subtree: Subtree, to: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from (
          select distinct on (member_id) after_in from (${movesOf(subtree, to)}) moves
          order by member_id, counted_on desc, id desc) latest
        where after_in`,
  );
  return row?.n ?? 0;
}

export type LedgerEntryRow = {
  readonly eventId: number;
  readonly effectiveOn: string;
  readonly countedOn: string;
  /** The closed day a correction would have been counted on (details.correctionOf). */
  readonly correctionOf: string | null;
  /** How a `registered` member arrived (details.enteredBy). */
  readonly enteredBy: string | null;
  readonly memberId: number;
  readonly name: string;
  readonly kind: MemberEventKind;
  readonly leftReason: string | null;
  readonly sign: 1 | -1;
  readonly fromOrgName: string | null;
  readonly toOrgName: string | null;
  readonly letterNo: string | null;
  readonly reason: string | null;
  readonly memberReachable: boolean;
};

type Page = { readonly limit: number; readonly offset: number } | null;

/**
 * The events inside the period that moved the subtree's count, oldest first, with the member's name and
 * whether their record is still inside `readScope` (a member transferred away can no longer be opened).
 * `page` null reads them all (the workbook); the total counts every entry either way.
 */
export async function ledgerEntries(
  db: Db,
  subtree: Subtree,
  readScope: Scope,
  period: { from: string; to: string },
  page: Page,
): Promise<{ rows: LedgerEntryRow[]; total: number }> {
  const rows = await queryRows<{
    id: number;
    effective_on: string;
    counted_on: string;
    correction_of: string | null;
    entered_by: string | null;
    member_id: number;
    name: string;
    kind: MemberEventKind;
    left_reason: string | null;
    sign: number;
    from_org_name: string | null;
    to_org_name: string | null;
    letter_no: string | null;
    reason: string | null;
    reachable: boolean;
    total: number;
  }>(
    db,
    sql`select moves.id, moves.effective_on::text as effective_on, moves.counted_on::text as counted_on,
          moves.details->>'correctionOf' as correction_of,
          case when moves.kind = 'registered' then moves.details->>'enteredBy' end as entered_by,
          moves.member_id, p.name, moves.kind,
          moves.details->>'leftReason' as left_reason, moves.after_in::int - moves.before_in::int as sign,
          fo.name as from_org_name, coalesce(tor.name, moves.details->>'externalOrgName') as to_org_name,
          moves.details->>'letterNo' as letter_no, moves.reason,
          ${pathInScope(readScope, sql`co.path`)} as reachable, count(*) over ()::int as total
        from (${movesOf(subtree, period.to)}) moves
        join orgs fo on fo.id = moves.org_id
        left join orgs tor on tor.id = moves.to_org_id
        join members m on m.id = moves.member_id
        join persons p on p.id = m.person_id
        join orgs co on co.id = m.org_id
        where moves.before_in <> moves.after_in and moves.counted_on >= ${period.from}::date
        order by moves.counted_on, moves.id
        ${page ? sql`limit ${page.limit} offset ${page.offset}` : sql``}`,
  );
  return {
    total: rows[0]?.total ?? (page && page.offset > 0 ? await countEntries(db, subtree, period) : 0),
    rows: rows.map((r) => ({
      eventId: r.id,
      effectiveOn: r.effective_on,
      countedOn: r.counted_on,
      correctionOf: r.correction_of,
      enteredBy: r.entered_by,
      memberId: r.member_id,
      name: r.name,
      kind: r.kind,
      leftReason: r.left_reason,
      sign: r.sign > 0 ? 1 : -1,
      fromOrgName: r.from_org_name,
      toOrgName: r.to_org_name,
      letterNo: r.letter_no,
      reason: r.reason,
      memberReachable: r.reachable,
    })),
  };
}

/** The number of entries, for a page past the last one (which has no row to carry the window total). */
async function countEntries(db: Db, subtree: Subtree, period: { from: string; to: string }): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from (${movesOf(subtree, period.to)}) moves
        where moves.before_in <> moves.after_in and moves.counted_on >= ${period.from}::date`,
  );
  return row?.n ?? 0;
}
