import { sql } from 'drizzle-orm';
import {
  type Fen,
  type MonthKey,
  monthStart,
  type PaymentMethod,
  type ReductionKind,
} from '../../../domain/dues/index.ts';
import type { MemberCategory } from '../../../domain/membership/index.ts';
import type { OrgKind } from '../../../domain/org/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { chargesWithPayments } from './rollup.repo.ts';

/*
 * The reads of the sheet, the publication and the statistics (docs/dues.md §10). The charges (dues_charges) and
 * the ledger (dues_ledger) are read, never written, here: this module only sums what the charges and ledger
 * modules keep.
 */

export type ChildRow = { id: number; name: string; kind: OrgKind; dissolved: boolean };

export async function childrenOf(db: Db, orgId: number): Promise<ChildRow[]> {
  const rows = await queryRows<ChildRow>(
    db,
    sql`select id, name, kind::text as kind, dissolved_on is not null as dissolved
        from orgs where parent_id = ${orgId} order by id`,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export type SheetChargeRow = {
  member_id: number;
  name: string;
  category: MemberCategory;
  full_amount: number;
  amount: number;
  reduction_kind: ReductionKind | null;
};

/** The charges owed to a branch for a month, with the members' names, in the roster's order (by pinyin). */
export async function sheetCharges(db: Db, orgId: number, month: MonthKey): Promise<SheetChargeRow[]> {
  const rows = await queryRows<SheetChargeRow>(
    db,
    sql`select c.member_id, p.name, c.category, c.full_amount, c.amount,
               case when c.reduction_id is null then null else r.kind end as reduction_kind
        from dues_charges c
        join members m on m.id = c.member_id
        join persons p on p.id = m.person_id
        left join dues_reductions r on r.id = c.reduction_id
        where c.org_id = ${orgId} and c.month = ${monthStart(month)}::date
        order by p.name_pinyin, c.member_id`,
  );
  return rows.map((r) => ({
    ...r,
    member_id: Number(r.member_id),
    full_amount: Number(r.full_amount),
    amount: Number(r.amount),
  }));
}

/**
 * The members placed in the org or one of its 党小组 today, with their names: whom to ask the dues module about
 * months without a computable charge (未核定基数).
 */
export async function placedMembers(db: Db, orgId: number): Promise<{ id: number; name: string }[]> {
  const rows = await queryRows<{ id: number; name: string }>(
    db,
    sql`select m.id, p.name from members m join persons p on p.id = m.person_id
        where m.org_id in (select id from orgs where id = ${orgId} or parent_id = ${orgId})
        order by p.name_pinyin, m.id`,
  );
  return rows.map((r) => ({ id: Number(r.id), name: r.name }));
}

export type SheetEntryRow = {
  id: number;
  member_id: number;
  kind: 'payment' | 'reversal';
  amount: Fen;
  paid_on: IsoDate;
  /** For a reversal, the day of the entry it reverses (the figures count it then). */
  counts_on: IsoDate;
  method: PaymentMethod | null;
  paid_by: string | null;
  org_id: number;
  org_name: string;
  reversed: boolean;
};

/** The ledger entries (payments and their reversals) of these members for a month, oldest first. */
export async function sheetEntries(
  db: Db,
  memberIds: readonly number[],
  month: MonthKey,
): Promise<SheetEntryRow[]> {
  if (memberIds.length === 0) return [];
  const rows = await queryRows<SheetEntryRow>(
    db,
    sql`select e.id, e.member_id, e.kind, e.amount, e.paid_on::text as paid_on,
               coalesce(r.paid_on, e.paid_on)::text as counts_on, e.method, e.paid_by, e.org_id,
               o.name as org_name,
               exists (select 1 from dues_ledger x where x.reverses_id = e.id) as reversed
        from dues_ledger e
        left join dues_ledger r on r.id = e.reverses_id
        join orgs o on o.id = e.org_id
        where e.member_id = any(${`{${memberIds.join(',')}}`}::int[]) and e.kind <> 'special_dues'
          and coalesce(e.month, r.month) = ${monthStart(month)}::date
        order by e.paid_on, e.id`,
  );
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    member_id: Number(r.member_id),
    amount: Number(r.amount),
    org_id: Number(r.org_id),
  }));
}

/** The unreversed 特殊党费 received in a subtree (by the collecting org) in a year. */
export async function specialDuesOf(
  db: Db,
  path: string,
  year: number,
): Promise<{ amount: Fen; toCentre: boolean }[]> {
  const rows = await queryRows<{ amount: number; to_centre: boolean }>(
    db,
    sql`select e.amount, e.to_centre from dues_ledger e join orgs o on o.id = e.org_id
        where e.month is null and e.kind = 'special_dues' and o.path <@ ${path}::ltree
          and e.paid_on between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date
          and not exists (select 1 from dues_ledger x where x.reverses_id = e.id)`,
  );
  return rows.map((r) => ({ amount: Number(r.amount), toCentre: r.to_centre === true }));
}

export type MemberYearCounts = { members: number; on_time: number; reduced: number; exempt: number };

/**
 * The yearly statistics' member counts over a subtree (docs/dues.md §10): distinct members charged in the year at
 * an org of the subtree; those whose every such month was paid in full by its end; those with a month 少交, 免交.
 */
export async function memberYearCounts(db: Db, path: string, year: number): Promise<MemberYearCounts> {
  const where = sql`c.month between ${`${year}-01-01`}::date and ${`${year}-12-01`}::date
    and c.org_id in (select id from orgs where path <@ ${path}::ltree)`;
  const [row] = await queryRows<MemberYearCounts>(
    db,
    sql`select count(*)::int as members,
               (count(*) filter (where all_on_time))::int as on_time,
               (count(*) filter (where any_reduced))::int as reduced,
               (count(*) filter (where any_exempt))::int as exempt
        from (
          select x.member_id,
                 bool_and(x.by_end >= x.amount) as all_on_time,
                 bool_or(x.reduction_id is not null and x.amount > 0) as any_reduced,
                 bool_or(x.reduction_id is not null and x.amount = 0) as any_exempt
          from (${chargesWithPayments(where)}) x
          group by x.member_id
        ) y`,
  );
  return {
    members: Number(row?.members ?? 0),
    on_time: Number(row?.on_time ?? 0),
    reduced: Number(row?.reduced ?? 0),
    exempt: Number(row?.exempt ?? 0),
  };
}
