import { sql } from 'drizzle-orm';
import {
  ARRIVAL_ENTRY_KINDS,
  CHARGED_STATUSES,
  type ChargeOrgRule,
  type MonthKey,
  monthEnd,
  monthStart,
  needsBase,
  STANDING_CHANGE_KINDS,
} from '../../../domain/dues/index.ts';
import { MEMBER_CATEGORIES } from '../../../domain/membership/index.ts';
import { type Db, queryRows } from '../../db/client.ts';

/** A 党支部's members who owe a month without a base (未核定基数): how many, and the names of the first `shown`. */
export type BaseMissingRow = {
  readonly branchId: number;
  readonly count: number;
  readonly names: string[];
};

const textArray = (values: readonly string[]) => `{${values.join(',')}}`;

/**
 * The members who owe `month` in a percentage category without a base on record (docs/dues.md §8), counted by
 * 党支部 (those selected, or every one not dissolved), with the names of the first `shown` of each by member id.
 * Set-based, the domain's rule in SQL (domain/dues/charges.ts `monthDues`, checked against it by
 * bases-missing.property.api.test.ts):
 *
 * - no base whose first month is not after the month (under `fixed_year` too: a base in force in an earlier month of
 *   the year is in force in this one, so the month has a base exactly when it has one of its own);
 * - the deciding day: the month's first day — the 入党时间 in the month of admission, unless the member arrived by
 *   转入 or 恢复党籍 — or its last (`chargeOrgOn`), not before the member was on the roster;
 * - the standing, category and branch on that day: those left by the first change after it in the history (by
 *   effective date, then as recorded), else today's; a standing charged, a category that is not flat.
 *
 * A member is found through where they are now, or through an org they left after the month began (they may owe
 * the month to the branch they were in on its first day). Only members without a base are looked at: few, once the
 * bases are in (a city of 1M members, every one with a base: 1–2 s for every branch on PostgreSQL, ~20 ms for one;
 * with no base at all, 12–15 s).
 */
export async function membersWithoutBase(
  db: Db,
  branches: readonly number[] | 'all',
  month: MonthKey,
  chargeOrgOn: ChargeOrgRule,
  shown: number,
): Promise<BaseMissingRow[]> {
  const start = monthStart(month);
  const end = monthEnd(month);
  const ids = branches === 'all' ? '{}' : `{${branches.join(',')}}`;
  // The selected branches and their 党小组 (a member of a group owes to its branch).
  const orgsOf = sql`array(select g.id from orgs g where g.id = any(${ids}::int[])
                              or (g.parent_id = any(${ids}::int[]) and g.kind = 'group'))`;
  const found =
    branches === 'all'
      ? sql`true`
      : sql`m.id in (select m.id from members m where m.org_id = any(${orgsOf})
                     union select e.member_id from member_events e
                      where e.org_id = any(${orgsOf}) and e.kind = 'org_changed' and e.effective_on > ${start}::date)`;
  const day =
    chargeOrgOn === 'last_day'
      ? sql`${end}::date`
      : sql`case when m.entered_by <> all(${textArray(ARRIVAL_ENTRY_KINDS)}::text[])
                      and date_trunc('month', m.admitted_on)::date = ${start}::date
                 then m.admitted_on else ${start}::date end`;
  const rows = await queryRows<{ branch_id: number; n: number; names: string[] }>(
    db,
    sql`with owing as (
          select m.id, m.status, m.category::text as category, m.person_id,
                 case when o.kind = 'group' then o.parent_id else o.id end as branch_id,
                 ${day} as day,
                 case when m.entered_by = any(${textArray(ARRIVAL_ENTRY_KINDS)}::text[]) then m.entered_on
                      else m.admitted_on end as roster_start
            from members m join orgs o on o.id = m.org_id
           where ${found}
             and not exists (select 1 from dues_bases b where b.member_id = m.id and b.from_month <= ${start}::date)
        ),
        -- Their history after the deciding day (never before the month's first day): one join, not a probe per member.
        later as (
          select e.member_id, e.id, e.effective_on, e.kind, e.from_value, e.org_id
            from owing w join member_events e on e.member_id = w.id
           where e.effective_on > ${start}::date and e.effective_on > w.day
             and e.kind = any(${textArray(['org_changed', 'category_changed', ...STANDING_CHANGE_KINDS])}::text[])
        ),
        st as (
          select distinct on (l.member_id) l.member_id, l.from_value from later l
           where l.kind = any(${textArray(STANDING_CHANGE_KINDS)}::text[]) and coalesce(l.from_value, '') <> ''
           order by l.member_id, l.effective_on, l.id
        ),
        ca as (
          select distinct on (l.member_id) l.member_id, l.from_value from later l
           where l.kind = 'category_changed' and coalesce(l.from_value, '') <> ''
           order by l.member_id, l.effective_on, l.id
        ),
        mv as (
          select distinct on (l.member_id) l.member_id,
                 case when eo.kind = 'group' then eo.parent_id else eo.id end as branch_id
            from later l join orgs eo on eo.id = l.org_id
           where l.kind = 'org_changed'
           order by l.member_id, l.effective_on, l.id
        ),
        standing as (
          select w.id, w.person_id,
                 coalesce(st.from_value, w.status) as status,
                 coalesce(ca.from_value, w.category) as category,
                 coalesce(mv.branch_id, w.branch_id) as branch_id
            from owing w
            left join st on st.member_id = w.id
            left join ca on ca.member_id = w.id
            left join mv on mv.member_id = w.id
           where w.day >= w.roster_start
        ),
        found as (
          select s.id, s.person_id, s.branch_id
            from standing s join orgs b on b.id = s.branch_id
           where s.status = any(${textArray(CHARGED_STATUSES)}::text[])
             and s.category = any(${textArray(MEMBER_CATEGORIES.filter(needsBase))}::text[])
             and b.dissolved_on is null
             ${branches === 'all' ? sql`` : sql`and s.branch_id = any(${ids}::int[])`}
        ),
        counted as (
          select f.branch_id, count(*)::int as n, (array_agg(f.person_id order by f.id))[1:${shown}] as shown
            from found f group by f.branch_id
        )
        select c.branch_id, c.n, array_agg(p.name order by x.ord) as names
          from counted c cross join lateral unnest(c.shown) with ordinality as x(person_id, ord)
          join persons p on p.id = x.person_id
         group by c.branch_id, c.n
         order by c.branch_id`,
  );
  return rows.map((r) => ({ branchId: Number(r.branch_id), count: Number(r.n), names: r.names }));
}
