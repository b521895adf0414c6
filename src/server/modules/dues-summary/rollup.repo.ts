import { type SQL, sql } from 'drizzle-orm';
import { type CollectionFigures, type MonthKey, monthStart } from '../../../domain/dues/index.ts';
import { type Db, queryRows } from '../../db/client.ts';

/*
 * The dues roll-up's SQL (db/tables/dues-summary.ts, migration 0043): the figures of docs/dues.md §10 as
 * src/domain/dues/collection.ts defines them, computed in the database so that a refresh or a year's statistics
 * never load a member-month into the app. The property test (dues-summary.property.api.test.ts) holds them equal to
 * the domain's over the same rows.
 */

/** Serializes the refreshes with one another. */
const ROLLUP_LOCK = sql`hashtext('jiceng.dues_rollup')`;

/**
 * Every charge matching `where` (on `c`, a dues_charges row) with `paid` (the sum of its ledger entries, reversals
 * included) and `by_end` (those received by the month's last day, a reversal counting on the day of the entry it
 * reverses). A reversal without a month takes the month of the entry it reverses; 特殊党费 count nowhere here.
 */
export function chargesWithPayments(where: SQL): SQL {
  // The reversed entry is looked up by its key only for a reversal (a join inside the lateral would let the planner
  // hash the whole ledger once per charge).
  return sql`select c.member_id, c.org_id, c.month, c.amount, c.full_amount, c.reduction_id,
                    coalesce(p.paid, 0)::bigint as paid, coalesce(p.by_end, 0)::bigint as by_end
             from dues_charges c
             left join lateral (
               select sum(e.amount) as paid,
                      sum(e.amount) filter (
                        where case when e.reverses_id is null then e.paid_on
                                   else (select r.paid_on from dues_ledger r where r.id = e.reverses_id) end
                              <= (c.month + interval '1 month' - interval '1 day')::date
                      ) as by_end
               from dues_ledger e
               where e.member_id = c.member_id and e.kind <> 'special_dues'
                 and (e.month = c.month
                      or (e.month is null and e.kind = 'reversal'
                          and (select r.month from dues_ledger r where r.id = e.reverses_id) = c.month))
             ) p on true
             where ${where}`;
}

/** The figure columns of a group of `chargesWithPayments` rows named `x`. */
const FIGURE_COLUMNS = sql`sum(x.amount)::bigint as charged, sum(x.paid)::bigint as paid,
  sum(greatest(x.amount - x.paid, 0))::bigint as owed, count(*)::int as members,
  (count(*) filter (where x.paid >= x.amount))::int as paid_in_full,
  (count(*) filter (where x.paid < x.amount))::int as in_arrears,
  (count(*) filter (where x.by_end >= x.amount))::int as on_time,
  (count(*) filter (where x.reduction_id is not null and x.amount > 0))::int as reduced,
  (count(*) filter (where x.reduction_id is not null and x.amount = 0))::int as exempt`;

export type FigureRow = {
  charged: number | string;
  paid: number | string;
  owed: number | string;
  members: number;
  paid_in_full: number;
  in_arrears: number;
  on_time: number;
  reduced: number;
  exempt: number;
};

export const figuresOfRow = (r: FigureRow): CollectionFigures => ({
  charged: Number(r.charged),
  paid: Number(r.paid),
  owed: Number(r.owed),
  members: Number(r.members),
  paidInFull: Number(r.paid_in_full),
  inArrears: Number(r.in_arrears),
  onTime: Number(r.on_time),
  reduced: Number(r.reduced),
  exempt: Number(r.exempt),
});

/** Whether marks wait: the one cheap question before every read. */
export async function rollupMarked(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ marked: boolean }>(
    db,
    sql`select exists (select 1 from dues_rollup_marks) as marked`,
  );
  return row?.marked === true;
}

export async function lockRollup(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${ROLLUP_LOCK})`);
}

/**
 * For the refresh's transaction, no JIT compilation: the refresh's statement is costed for as many marks as the
 * queue ever held (the rows a CTE takes cannot be estimated), which crosses PostgreSQL's JIT threshold, and compiling
 * it took 40 of the 60 ms a refresh after one payment cost at 1M members (17–27 ms without). Harmless on PGlite.
 */
export async function withoutJit(db: Db): Promise<void> {
  await db.execute(sql`select set_config('jit', 'off', true)`);
}

const NAMES = [
  'charged',
  'paid',
  'owed',
  'members',
  'paid_in_full',
  'in_arrears',
  'on_time',
  'reduced',
  'exempt',
];
const list = (f: (n: string) => string) => sql.raw(NAMES.map(f).join(', '));

/**
 * In one statement (one snapshot): takes the committed marks, recomputes the marked branches' months from the
 * charges and the ledger, replaces their rows (a branch-month left without charges is deleted), and moves the
 * difference along the ancestors — the old rows' out of the totals of the path they were counted under, the new
 * rows' into those of the org's path now (a moved org changes ancestors). Every CTE reads the statement's snapshot,
 * and no row is written twice: the deletions are of rows not recomputed, the upsert of rows recomputed.
 *
 * The charges are read branch-month by branch-month through their (org_id, month) index: `offset 0` keeps the
 * lateral from being flattened into a hash join, which the planner chose even for a single mark (it cannot estimate
 * the marks taken) and which scanned every charge — a payment's next read took a second at 20,000 members.
 */
export async function refreshMarked(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`with taken as (delete from dues_rollup_marks returning org_id, month),
        marked as (select distinct org_id, month from taken),
        fresh as (
          select x.org_id, x.month, o.path, ${FIGURE_COLUMNS}
          from marked m
          cross join lateral (${chargesWithPayments(sql`c.org_id = m.org_id and c.month = m.month`)} offset 0) x
          join orgs o on o.id = x.org_id
          group by x.org_id, x.month, o.path
        ),
        old as (select r.* from dues_rollup r join marked m on m.org_id = r.org_id and m.month = r.month),
        removed as (
          delete from dues_rollup r using marked m
          where r.org_id = m.org_id and r.month = m.month
            and not exists (select 1 from fresh f where f.org_id = r.org_id and f.month = r.month)
        ),
        kept as (
          insert into dues_rollup (org_id, month, path, ${list((n) => n)})
          select org_id, month, path, ${list((n) => n)} from fresh
          on conflict (org_id, month) do update set path = excluded.path,
            ${list((n) => `${n} = excluded.${n}`)}
        ),
        deltas as (
          select a.id::int as org_id, f.month, ${list((n) => `f.${n}`)}
          from fresh f, unnest(string_to_array(f.path::text, '.')) as a(id)
          union all
          select a.id::int, o.month, ${list((n) => `-o.${n}`)}
          from old o, unnest(string_to_array(o.path::text, '.')) as a(id)
        ),
        summed as (
          insert into dues_rollup_subtree (org_id, month, ${list((n) => n)})
          select org_id, month, ${list((n) => `sum(${n})`)} from deltas group by org_id, month
          on conflict (org_id, month) do update set
            ${list((n) => `${n} = dues_rollup_subtree.${n} + excluded.${n}`)}
        )
        select count(*)::int as n from marked`,
  );
  return Number(row?.n ?? 0);
}

/** The subtree totals (each org itself included) of these orgs for these months. */
export async function subtreeFigures(
  db: Db,
  orgIds: readonly number[],
  months: readonly MonthKey[],
): Promise<{ orgId: number; month: MonthKey; figures: CollectionFigures }[]> {
  if (orgIds.length === 0 || months.length === 0) return [];
  const rows = await queryRows<FigureRow & { org_id: number; month: string }>(
    db,
    sql`select org_id, month::text as month, ${list((n) => n)} from dues_rollup_subtree
        where org_id = any(${`{${orgIds.join(',')}}`}::int[])
          and month = any(${`{${months.map(monthStart).join(',')}}`}::date[])`,
  );
  return rows.map((r) => ({ orgId: Number(r.org_id), month: r.month.slice(0, 7), figures: figuresOfRow(r) }));
}

/** The figures of the charges matching `where`, straight from the charges and the ledger (no roll-up). */
export async function figuresWhere(db: Db, where: SQL): Promise<CollectionFigures> {
  const [row] = await queryRows<FigureRow>(
    db,
    sql`select ${FIGURE_COLUMNS} from (${chargesWithPayments(where)}) x`,
  );
  return figuresOfRow(
    row ?? {
      charged: 0,
      paid: 0,
      owed: 0,
      members: 0,
      paid_in_full: 0,
      in_arrears: 0,
      on_time: 0,
      reduced: 0,
      exempt: 0,
    },
  );
}
