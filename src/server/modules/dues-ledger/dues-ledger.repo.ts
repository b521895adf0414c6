import { type SQL, sql } from 'drizzle-orm';
import type {
  DuesRuleSet,
  Fen,
  LedgerEntryKind,
  MonthKey,
  PaymentMethod,
} from '../../../domain/dues/index.ts';
import type { MemberCategory, MemberStatus } from '../../../domain/membership/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { pathInScope, type Scope } from '../../db/scope.ts';
import { duesLedger, duesRuleSets } from '../../db/tables/dues.ts';

/** SQL of the dues ledger module: its own table (dues_ledger), and the reads it needs of the members and charges. */

/** A member as the ledger needs them: their org and 党支部 now, standing and admission. */
export type DuesMember = {
  readonly id: number;
  readonly name: string;
  readonly orgId: number;
  readonly orgName: string;
  readonly orgPath: string;
  readonly branchId: number;
  readonly branchPath: string;
  readonly isMobile: boolean;
  readonly admittedOn: IsoDate | null;
  readonly status: MemberStatus;
};

const memberColumns = sql`m.id, p.name, m.org_id, o.name as org_name, o.path::text as org_path, b.id as branch_id,
  b.path::text as branch_path, m.is_mobile, m.admitted_on::text as admitted_on, m.status`;
const memberFrom = sql`members m join persons p on p.id = m.person_id join orgs o on o.id = m.org_id
  join orgs b on b.id = case when o.kind = 'group' then o.parent_id else o.id end`;

type MemberRow = {
  id: number;
  name: string;
  org_id: number;
  org_name: string;
  org_path: string;
  branch_id: number;
  branch_path: string;
  is_mobile: boolean;
  admitted_on: string | null;
  status: MemberStatus;
};
const memberOf = (r: MemberRow): DuesMember => ({
  id: Number(r.id),
  name: r.name,
  orgId: Number(r.org_id),
  orgName: r.org_name,
  orgPath: r.org_path,
  branchId: Number(r.branch_id),
  branchPath: r.branch_path,
  isMobile: r.is_mobile,
  admittedOn: r.admitted_on,
  status: r.status,
});

/**
 * The member, if their org lies in `scope` — or, when `orParentOf` is given (the path of the org that collected a
 * 流动党员's dues), if that org lies in it and the member is a 流动党员. Locked with `lock`, in the caller's transaction.
 */
export async function findDuesMember(
  db: Db,
  scope: Scope,
  id: number,
  options: { lock?: boolean; collectedAt?: string | null } = {},
): Promise<DuesMember | undefined> {
  const collected =
    options.collectedAt == null
      ? sql`false`
      : sql`(m.is_mobile and ${pathInScope(scope, sql`${options.collectedAt}::ltree`)})`;
  const [row] = await queryRows<MemberRow>(
    db,
    sql`select ${memberColumns} from ${memberFrom}
        where m.id = ${id} and (${pathInScope(scope, sql`o.path`)} or ${collected})
        ${options.lock ? sql`for update of m` : sql``}`,
  );
  return row ? memberOf(row) : undefined;
}

/** The member of an account's person (member.self). */
export async function findMemberOfPerson(db: Db, personId: number): Promise<DuesMember | undefined> {
  const [row] = await queryRows<MemberRow>(
    db,
    sql`select ${memberColumns} from ${memberFrom} where m.person_id = ${personId}`,
  );
  return row ? memberOf(row) : undefined;
}

/** A month's charge as the ledger shows it (dues_charges, docs/dues.md §8). */
export type ChargeRow = {
  readonly month: MonthKey;
  readonly orgId: number;
  readonly orgName: string;
  readonly category: MemberCategory;
  readonly base: Fen | null;
  readonly rateBp: number | null;
  readonly fullAmount: Fen;
  readonly amount: Fen;
  readonly reductionKind: 'reduce' | 'exempt' | null;
  readonly ruleVersion: string;
};

/** The names of these orgs (the branches charges are owed to). */
export async function orgNames(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: number; name: string }>(
    db,
    sql`select id, name from orgs where id = any(${`{${ids.join(',')}}`}::int[])`,
  );
  return new Map(rows.map((r) => [Number(r.id), r.name]));
}

/** One ledger entry as the views need it. */
export type EntryRow = {
  readonly id: number;
  readonly memberId: number;
  readonly memberName: string;
  readonly memberOrgPath: string;
  readonly kind: LedgerEntryKind;
  readonly month: MonthKey | null;
  readonly amount: Fen;
  readonly paidOn: IsoDate;
  readonly method: PaymentMethod | null;
  readonly externalRef: string | null;
  readonly orgId: number;
  readonly orgName: string;
  readonly orgPath: string;
  readonly paidBy: string | null;
  readonly prepaymentConsentBy: string | null;
  readonly receipt: string;
  readonly reversesId: number | null;
  readonly reversedById: number | null;
  readonly reason: string | null;
  readonly toCentre: boolean;
  readonly recordedBy: string | null;
  readonly recordedAt: string;
};

/**
 * The entries matching `where` (on `l` the ledger, `m` the member, `mo` the member's org, `co` the collecting org),
 * the latest first, at most `limit`.
 */
async function entries(db: Db, where: SQL, limit: number, lock = false): Promise<EntryRow[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select l.id, l.member_id, p.name as member_name, mo.path::text as member_org_path, l.kind,
               to_char(l.month, 'YYYY-MM') as month, l.amount, l.paid_on::text as paid_on, l.method, l.external_ref,
               l.org_id, co.name as org_name, co.path::text as org_path, l.paid_by, l.prepayment_consent_by, l.receipt,
               l.reverses_id, rv.id as reversed_by_id, l.reason, l.to_centre, u.username as recorded_by,
               l.recorded_at
        from dues_ledger l
        join members m on m.id = l.member_id join persons p on p.id = m.person_id
        join orgs mo on mo.id = m.org_id join orgs co on co.id = l.org_id
        left join dues_ledger rv on rv.reverses_id = l.id
        left join users u on u.id = l.recorded_by
        where ${where}
        order by l.id desc
        limit ${limit}
        ${lock ? sql`for update of l` : sql``}`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    memberId: Number(r.member_id),
    memberName: r.member_name as string,
    memberOrgPath: r.member_org_path as string,
    kind: r.kind as LedgerEntryKind,
    month: r.month as string | null,
    amount: Number(r.amount),
    paidOn: r.paid_on as string,
    method: r.method as PaymentMethod | null,
    externalRef: r.external_ref as string | null,
    orgId: Number(r.org_id),
    orgName: r.org_name as string,
    orgPath: r.org_path as string,
    paidBy: r.paid_by as string | null,
    prepaymentConsentBy: r.prepayment_consent_by as string | null,
    receipt: r.receipt as string,
    reversesId: r.reverses_id === null ? null : Number(r.reverses_id),
    reversedById: r.reversed_by_id === null ? null : Number(r.reversed_by_id),
    reason: r.reason as string | null,
    toCentre: r.to_centre as boolean,
    recordedBy: r.recorded_by as string | null,
    recordedAt: new Date(r.recorded_at as string | Date).toISOString(),
  }));
}

/** The ledger entries in the scope: of members in it, or collected by an org in it. */
const entryInScope = (scope: Scope) =>
  sql`(${pathInScope(scope, sql`mo.path`)} or ${pathInScope(scope, sql`co.path`)})`;

/** One entry in the scope (locked with `lock`: a reversal waits for another one of the same entry). */
export async function findEntryInScope(
  db: Db,
  scope: Scope,
  id: number,
  lock = false,
): Promise<EntryRow | undefined> {
  const [row] = await entries(db, sql`l.id = ${id} and ${entryInScope(scope)}`, 1, lock);
  return row;
}

/** The entries of these ids (as just written). */
export async function entriesByIds(db: Db, ids: readonly number[]): Promise<EntryRow[]> {
  if (ids.length === 0) return [];
  const rows = await entries(db, sql`l.id = any(${`{${ids.join(',')}}`}::int[])`, ids.length);
  return rows.sort((a, b) => a.id - b.id);
}

/** A member's entries, every one (the latest first). */
export async function entriesOfMember(db: Db, memberId: number): Promise<EntryRow[]> {
  return entries(db, sql`l.member_id = ${memberId}`, 100_000);
}

export const LIST_LIMIT = 1000;

/** The entries of a list in the scope: of a member, or of an org's subtree (its members' or collected by it). */
export async function listEntries(
  db: Db,
  scope: Scope,
  filter: {
    memberId?: number | undefined;
    subtree?: string | undefined;
    month?: MonthKey | undefined;
    kind?: LedgerEntryKind | undefined;
  },
): Promise<EntryRow[]> {
  const parts: SQL[] = [entryInScope(scope)];
  if (filter.memberId !== undefined) parts.push(sql`l.member_id = ${filter.memberId}`);
  if (filter.subtree !== undefined)
    parts.push(sql`(mo.path <@ ${filter.subtree}::ltree or co.path <@ ${filter.subtree}::ltree)`);
  if (filter.month !== undefined) parts.push(sql`l.month = ${`${filter.month}-01`}::date`);
  if (filter.kind !== undefined) parts.push(sql`l.kind = ${filter.kind}`);
  return entries(db, sql.join(parts, sql` and `), LIST_LIMIT + 1);
}

export type NewEntry = typeof duesLedger.$inferInsert;

/** Appends entries (the ledger is append-only): their ids, in order. */
export async function insertEntries(db: Db, rows: readonly NewEntry[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const saved = await db
    .insert(duesLedger)
    .values([...rows])
    .returning({ id: duesLedger.id });
  return saved.map((r) => r.id);
}

/** Whether the entry has been reversed already. */
export async function isReversed(db: Db, id: number): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(db, sql`select id from dues_ledger where reverses_id = ${id}`);
  return rows.length > 0;
}

/**
 * The charged months of the members whose 党支部 now is one of the selected orgs (every branch for 'all'), from
 * `from` to `to` (first days), with what was paid for each: the arrears to-dos' input (docs/dues.md §5). Only members
 * on the roll (正式, 预备 and 失联: their arrears are real) of a branch not dissolved.
 */
export async function chargedMonthsOfBranches(
  db: Db,
  orgs: readonly number[] | 'all',
  from: IsoDate,
  to: IsoDate,
): Promise<
  {
    memberId: number;
    name: string;
    branchId: number;
    months: { month: string; charged: number; paid: number }[];
  }[]
> {
  const ids = orgs === 'all' ? '' : `{${orgs.join(',')}}`;
  const selected =
    orgs === 'all'
      ? sql`true`
      : sql`b.id = any(${ids}::int[]) and m.org_id = any(array(
              select g.id from orgs g where g.id = any(${ids}::int[])
                 or (g.parent_id = any(${ids}::int[]) and g.kind = 'group')))`;
  // For every branch (the daily pass), only a member who owes for the last of the months can have a run: found
  // first, in one pass over that month's charges, so that the other months are read for those few only.
  const owing =
    orgs === 'all'
      ? sql`m.id in (select c1.member_id from dues_charges c1
                      where c1.month = ${to}::date and c1.amount > coalesce((select sum(l1.amount) from dues_ledger l1
                                where l1.member_id = c1.member_id and l1.month = c1.month), 0))`
      : sql`true`;
  const rows = await queryRows<{
    member_id: number;
    name: string;
    branch_id: number;
    months: { month: string; charged: number; paid: number }[];
  }>(
    db,
    sql`select m.id as member_id, p.name, b.id as branch_id,
               json_agg(json_build_object('month', to_char(c.month, 'YYYY-MM'), 'charged', c.amount,
                 'paid', coalesce((select sum(l.amount) from dues_ledger l
                                    where l.member_id = c.member_id and l.month = c.month), 0))) as months
        from dues_charges c
        join members m on m.id = c.member_id
        join persons p on p.id = m.person_id
        join orgs o on o.id = m.org_id
        join orgs b on b.id = case when o.kind = 'group' then o.parent_id else o.id end
        where c.month >= ${from}::date and c.month <= ${to}::date and c.amount > 0
          and m.status in ('full', 'probationary', 'unreachable') and b.dissolved_on is null and ${owing} and ${selected}
        group by m.id, p.name, b.id`,
  );
  return rows.map((r) => ({
    memberId: Number(r.member_id),
    name: r.name,
    branchId: Number(r.branch_id),
    months: r.months.map((x) => ({ month: x.month, charged: Number(x.charged), paid: Number(x.paid) })),
  }));
}

/** The deployment's stored versions of the dues rules (docs/dues.md §7), by validFrom. */
export async function storedRuleSets(db: Db): Promise<DuesRuleSet[]> {
  const rows = await db.select().from(duesRuleSets).orderBy(duesRuleSets.validFrom);
  return rows.map((r) => ({ ...r.rules, version: r.version, validFrom: r.validFrom }));
}

/** An org's id and path (where a 流动党员's dues were collected: any org of the deployment). */
export async function findOrgPath(db: Db, id: number): Promise<{ id: number; path: string } | undefined> {
  const [row] = await queryRows<{ id: number; path: string }>(
    db,
    sql`select id, path::text as path from orgs where id = ${id}`,
  );
  return row ? { id: Number(row.id), path: row.path } : undefined;
}
