import { type SQL, sql } from 'drizzle-orm';
import {
  type ApprovedReduction,
  DEFAULT_DUES_RULES,
  type DuesCharge,
  type DuesHistoryRow,
  type DuesRuleSet,
  type MemberDuesFacts,
  type MonthKey,
  monthStart,
} from '../../../domain/dues/index.ts';
import type { EntryKind, MemberCategory, MemberStatus } from '../../../domain/membership/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { type Db, queryRows } from '../../db/client.ts';

/**
 * The charges' tables (db/tables/dues.ts, dues-charges.ts): the months kept, the marks the triggers leave (migration
 * 0042), the charges themselves, and the facts they are computed from (members, their history, bases, reductions,
 * rule sets — read here, written by their modules). SQL only; charges.service.ts decides.
 */

/** Serializes the refreshes and the monthly pass with one another. */
const CHARGES_LOCK = sql`hashtext('jiceng.dues_charges')`;

export async function lockCharges(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${CHARGES_LOCK})`);
}

/** Arrays travel as one parameter each (db/bulk.ts), the same SQL on both engines. */
const ints = (values: readonly (number | null)[]) => sql`${sql.param(values)}::int[]`;
const texts = (values: readonly string[]) => sql`${sql.param(values)}::text[]`;
const monthDates = (months: readonly MonthKey[]) => sql`${sql.param(months.map(monthStart))}::date[]`;

/** Whether marks wait, and whether `month` is kept: the one cheap read before every read of the charges. */
export async function readChargesState(db: Db, month: MonthKey): Promise<{ marked: boolean; held: boolean }> {
  const [row] = await queryRows<{ marked: boolean; held: boolean }>(
    db,
    sql`select exists (select 1 from dues_charge_marks) as marked,
               exists (select 1 from dues_months where month = ${monthStart(month)}::date) as held`,
  );
  return { marked: row?.marked === true, held: row?.held === true };
}

/** The committed marks, taken: per member the first month to recompute (null: every month kept). */
export type Marks = { readonly all: MonthKey | null | false; readonly members: Map<number, MonthKey | null> };

export async function takeMarks(db: Db): Promise<Marks> {
  const rows = await queryRows<{ member_id: number | null; from_month: string | null }>(
    db,
    sql`delete from dues_charge_marks returning member_id, to_char(from_month, 'YYYY-MM') as from_month`,
  );
  let all: MonthKey | null | false = false;
  const members = new Map<number, MonthKey | null>();
  const earlier = (a: MonthKey | null | undefined, b: MonthKey | null): MonthKey | null =>
    a === null || b === null ? null : a === undefined ? b : a < b ? a : b;
  for (const r of rows) {
    if (r.member_id === null) all = all === false ? r.from_month : earlier(all, r.from_month);
    else members.set(Number(r.member_id), earlier(members.get(Number(r.member_id)), r.from_month));
  }
  return { all, members };
}

export async function heldMonths(db: Db): Promise<MonthKey[]> {
  const rows = await queryRows<{ month: string }>(
    db,
    sql`select to_char(month, 'YYYY-MM') as month from dues_months order by month`,
  );
  return rows.map((r) => r.month);
}

export async function addHeldMonth(db: Db, month: MonthKey, by: number | null): Promise<boolean> {
  const rows = await queryRows<{ month: string }>(
    db,
    sql`insert into dues_months (month, generated_by) values (${monthStart(month)}::date, ${by})
        on conflict do nothing returning month`,
  );
  return rows.length > 0;
}

type RuleSetRow = { version: string; valid_from: string; rules: Omit<DuesRuleSet, 'version' | 'validFrom'> };

/** The deployment's versions of the dues rules, over the national default (docs/dues.md §7). */
export async function loadDuesRuleSets(db: Db): Promise<DuesRuleSet[]> {
  const rows = await queryRows<RuleSetRow>(
    db,
    sql`select version, valid_from::text as valid_from, rules from dues_rule_sets order by valid_from`,
  );
  return rows.map((r) => ({
    ...DEFAULT_DUES_RULES,
    ...r.rules,
    version: r.version,
    validFrom: r.valid_from as IsoDate,
  }));
}

/** Which members to read: these ones, or a chunk of every member in id order. */
export type MemberSelection =
  | { readonly ids: readonly number[] }
  | { readonly after: number; readonly limit: number };

type MemberRow = {
  id: number;
  admitted_on: string;
  entered_on: string;
  entered_by: EntryKind;
  status: MemberStatus;
  category: MemberCategory;
  branch_id: number;
};

/**
 * The facts of the selected members' charges (charges.ts): today's standing, branch and category; the history rows
 * that can change a standing, branch or category dated on or after `since` (earlier ones never decide a later day);
 * their bases and approved reductions. The branch of a 党小组 is its parent. Four set-based reads per selection (the
 * members, then their history, bases and reductions by member id), joined here: a million members read in chunks
 * without a query per member.
 */
export async function loadFacts(
  db: Db,
  selection: MemberSelection,
  since: IsoDate,
): Promise<MemberDuesFacts[]> {
  const where = 'ids' in selection ? sql`m.id = any(${ints(selection.ids)})` : sql`m.id > ${selection.after}`;
  const limit = 'ids' in selection ? sql`` : sql`limit ${selection.limit}`;
  const members = await queryRows<MemberRow>(
    db,
    sql`select m.id, m.admitted_on::text as admitted_on, m.entered_on::text as entered_on, m.entered_by, m.status,
               m.category::text as category, case when o.kind = 'group' then o.parent_id else o.id end as branch_id
          from members m join orgs o on o.id = m.org_id
         where ${where}
         order by m.id ${limit}`,
  );
  if (members.length === 0) return [];
  const ids = members.map((m) => Number(m.id));
  // A chunk of every member is an id range (one index range scan each); chosen members a list.
  const of =
    'ids' in selection
      ? (column: SQL) => sql`${column} = any(${ints(ids)})`
      : (column: SQL) => sql`${column} > ${selection.after} and ${column} <= ${ids[ids.length - 1]}`;
  // One after the other: inside a transaction the statements share its connection.
  const events = await queryRows<{
    member_id: number;
    kind: string;
    effective_on: string;
    branch_id: number | null;
    from_value: string | null;
  }>(
    db,
    sql`select e.member_id, e.kind, e.effective_on::text as effective_on,
                 case when e.kind <> 'org_changed' then null
                      when eo.kind = 'group' then eo.parent_id else eo.id end as branch_id,
                 e.from_value
            from member_events e left join orgs eo on eo.id = e.org_id and e.kind = 'org_changed'
           where ${of(sql`e.member_id`)} and e.effective_on >= ${since}::date
             and e.kind not in ('registered', 'probation_extended')
           order by e.member_id, e.effective_on, e.id`,
  );
  const bases = await queryRows<{ member_id: number; from_month: string; amount: number }>(
    db,
    sql`select b.member_id, to_char(b.from_month, 'YYYY-MM') as from_month, b.amount
            from dues_bases b where ${of(sql`b.member_id`)}`,
  );
  const reductions = await queryRows<{
    id: number;
    member_id: number;
    kind: 'reduce' | 'exempt';
    from_month: string;
    to_month: string;
    monthly_amount: number | null;
  }>(
    db,
    sql`select r.id, r.member_id, r.kind, to_char(r.from_month, 'YYYY-MM') as from_month,
                 to_char(r.to_month, 'YYYY-MM') as to_month, r.monthly_amount
            from dues_reductions r where ${of(sql`r.member_id`)} and r.status = 'approved'`,
  );
  const byMember = <T extends { member_id: number }>(rows: readonly T[]) => {
    const map = new Map<number, T[]>();
    for (const r of rows) {
      const id = Number(r.member_id);
      const list = map.get(id);
      if (list) list.push(r);
      else map.set(id, [r]);
    }
    return map;
  };
  const eventsOf = byMember(events);
  const basesOf = byMember(bases);
  const reductionsOf = byMember(reductions);
  return members.map((r) => {
    const id = Number(r.id);
    return {
      memberId: id,
      admittedOn: r.admitted_on as IsoDate,
      enteredOn: r.entered_on as IsoDate,
      enteredBy: r.entered_by,
      status: r.status,
      category: r.category,
      branchId: Number(r.branch_id),
      history: (eventsOf.get(id) ?? []).map(
        (e): DuesHistoryRow => ({
          kind: e.kind as DuesHistoryRow['kind'],
          effectiveOn: e.effective_on as IsoDate,
          branchId: e.branch_id === null ? null : Number(e.branch_id),
          fromValue: e.from_value,
        }),
      ),
      bases: (basesOf.get(id) ?? []).map((b) => ({ fromMonth: b.from_month, amount: Number(b.amount) })),
      reductions: (reductionsOf.get(id) ?? []).map(
        (x): ApprovedReduction => ({
          id: Number(x.id),
          kind: x.kind,
          fromMonth: x.from_month,
          toMonth: x.to_month,
          monthlyAmount: x.monthly_amount === null ? null : Number(x.monthly_amount),
        }),
      ),
    };
  });
}

/** Which rows a replacement covers: these members, or the members of an id range (a chunk of every member). */
export type ChargeScope =
  | { readonly ids: readonly number[] }
  | { readonly fromId: number; readonly toId: number | null };

/**
 * Makes the charges of `months` of the members in `scope` equal to `charges` with as few writes as it takes: the
 * rows no longer owed deleted, new ones inserted, changed ones updated, the rest untouched (so that whoever follows
 * the table by trigger sees only real changes).
 */
export async function replaceCharges(
  db: Db,
  scope: ChargeScope,
  months: readonly MonthKey[],
  charges: readonly DuesCharge[],
): Promise<void> {
  if (months.length === 0) return;
  const inScope =
    'ids' in scope
      ? sql`c.member_id = any(${ints(scope.ids)})`
      : scope.toId === null
        ? sql`c.member_id > ${scope.fromId}`
        : sql`c.member_id > ${scope.fromId} and c.member_id <= ${scope.toId}`;
  if ('ids' in scope && scope.ids.length === 0) return;
  const col = <T>(f: (c: DuesCharge) => T) => charges.map(f);
  const memberIds = ints(col((c) => c.memberId));
  const monthsOf = monthDates(col((c) => c.month));
  await db.execute(
    sql`delete from dues_charges c
        where ${inScope} and c.month = any(${monthDates(months)})
          and not exists (select 1 from unnest(${memberIds}, ${monthsOf}) as n(member_id, month)
                           where n.member_id = c.member_id and n.month = c.month)`,
  );
  if (charges.length === 0) return;
  await db.execute(
    sql`insert into dues_charges (member_id, month, org_id, category, base, rate_bp, full_amount, amount,
                                  reduction_id, rule_version)
        select * from unnest(${memberIds}, ${monthsOf}, ${ints(col((c) => c.branchId))},
                             ${texts(col((c) => c.category))}, ${ints(col((c) => c.base))},
                             ${ints(col((c) => c.rateBp))}, ${ints(col((c) => c.fullAmount))},
                             ${ints(col((c) => c.amount))}, ${ints(col((c) => c.reductionId))},
                             ${texts(col((c) => c.ruleVersion))})
        on conflict (member_id, month) do update
          set org_id = excluded.org_id, category = excluded.category, base = excluded.base,
              rate_bp = excluded.rate_bp, full_amount = excluded.full_amount, amount = excluded.amount,
              reduction_id = excluded.reduction_id, rule_version = excluded.rule_version, computed_at = now()
          where (dues_charges.org_id, dues_charges.category, dues_charges.base, dues_charges.rate_bp,
                 dues_charges.full_amount, dues_charges.amount, dues_charges.reduction_id, dues_charges.rule_version)
                is distinct from
                (excluded.org_id, excluded.category, excluded.base, excluded.rate_bp, excluded.full_amount,
                 excluded.amount, excluded.reduction_id, excluded.rule_version)`,
  );
}

/**
 * A rewrite of whole months for every member (the monthly pass, a new version of the rules), in the caller's
 * transaction: the charges' marking triggers stand aside until `endBulkRewrite`, and the branch-months of these
 * months are marked once before (rows the pass may delete) and once after (rows it wrote), with every branch's
 * arrears to-dos — instead of once per chunk (migration 0045).
 */
export async function beginBulkRewrite(db: Db, months: readonly MonthKey[]): Promise<void> {
  await db.execute(sql`select dues_charges_bulk_begin(${monthDates(months)})`);
}

export async function endBulkRewrite(db: Db, months: readonly MonthKey[]): Promise<void> {
  await db.execute(sql`select dues_charges_bulk_end(${monthDates(months)})`);
}

/** A charge as the other modules and the API read it. */
export type ChargeRow = DuesCharge;

type ChargeDbRow = {
  member_id: number;
  month: string;
  org_id: number;
  category: MemberCategory;
  base: number | null;
  rate_bp: number | null;
  full_amount: number;
  amount: number;
  reduction_id: number | null;
  rule_version: string;
};

const chargeOf = (r: ChargeDbRow): ChargeRow => ({
  memberId: Number(r.member_id),
  month: r.month,
  branchId: Number(r.org_id),
  category: r.category,
  base: r.base === null ? null : Number(r.base),
  rateBp: r.rate_bp === null ? null : Number(r.rate_bp),
  fullAmount: Number(r.full_amount),
  amount: Number(r.amount),
  reductionId: r.reduction_id === null ? null : Number(r.reduction_id),
  ruleVersion: r.rule_version,
});

const CHARGE_COLUMNS = sql`c.member_id, to_char(c.month, 'YYYY-MM') as month, c.org_id, c.category, c.base, c.rate_bp,
  c.full_amount, c.amount, c.reduction_id, c.rule_version`;

/** The charges of these members from `from` to `to` (months, both included), by member and month. */
export async function readChargesOf(
  db: Db,
  memberIds: readonly number[],
  from: MonthKey,
  to: MonthKey,
): Promise<ChargeRow[]> {
  if (memberIds.length === 0) return [];
  const rows = await queryRows<ChargeDbRow>(
    db,
    sql`select ${CHARGE_COLUMNS} from dues_charges c
        where c.member_id = any(${ints(memberIds)})
          and c.month >= ${monthStart(from)}::date and c.month <= ${monthStart(to)}::date
        order by c.member_id, c.month`,
  );
  return rows.map(chargeOf);
}

/** The charges owed to the branches of a subtree for a month, with the names, by branch and name (at most `limit`). */
export async function readChargesOfSubtree(
  db: Db,
  path: string,
  month: MonthKey,
  limit: number,
): Promise<{ rows: (ChargeRow & { name: string; orgName: string })[]; total: number }> {
  const rows = await queryRows<ChargeDbRow & { name: string; org_name: string; total: number }>(
    db,
    sql`select ${CHARGE_COLUMNS}, p.name, o.name as org_name, count(*) over ()::int as total from dues_charges c
          join orgs o on o.id = c.org_id
          join members m on m.id = c.member_id join persons p on p.id = m.person_id
        where o.path <@ ${path}::ltree and c.month = ${monthStart(month)}::date
        order by o.path, p.name_pinyin, c.member_id
        limit ${limit}`,
  );
  return {
    rows: rows.map((r) => ({ ...chargeOf(r), name: r.name, orgName: r.org_name })),
    total: Number(rows[0]?.total ?? 0),
  };
}

/** The members placed today in a subtree (its branches and their 党小组), at most `limit`, by id. */
export async function membersOfSubtree(db: Db, path: string, limit: number): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select m.id from members m join orgs o on o.id = m.org_id
        where o.path <@ ${path}::ltree order by m.id limit ${limit}`,
  );
  return rows.map((r) => Number(r.id));
}

/** Names of members and orgs, for the views. */
export async function namesOf(
  db: Db,
  memberIds: readonly number[],
  orgIds: readonly number[],
): Promise<{ members: Map<number, string>; orgs: Map<number, string> }> {
  const m = memberIds.length
    ? await queryRows<{ id: number; name: string }>(
        db,
        sql`select m.id, p.name from members m join persons p on p.id = m.person_id where m.id = any(${ints(memberIds)})`,
      )
    : [];
  const o = orgIds.length
    ? await queryRows<{ id: number; name: string }>(
        db,
        sql`select id, name from orgs where id = any(${ints(orgIds)})`,
      )
    : [];
  return {
    members: new Map(m.map((r) => [Number(r.id), r.name])),
    orgs: new Map(o.map((r) => [Number(r.id), r.name])),
  };
}
