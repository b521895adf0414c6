import { and, eq, sql } from 'drizzle-orm';
import type { BaseItem, BaseKind, DuesRuleSet } from '../../../domain/dues/index.ts';
import type { MemberCategory, MemberStatus } from '../../../domain/membership/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { pathInScope, type Scope } from '../../db/scope.ts';
import { duesBases, duesRuleSets } from '../../db/tables/dues.ts';
import { orgs } from '../../db/tables/orgs.ts';

/**
 * 党费计算基数 (docs/dues.md §2): SQL only, on this module's table (dues_bases), reading the member it is about (its
 * person's name and 工作岗位, its org and branch, its category on a day from the effective-dated history) and the
 * rule versions.
 */

const list = (values: readonly (string | number)[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** A member as a base needs it: where they are now (their branch: the group's for a 党小组 member) and their facts. */
export type BaseMember = {
  readonly id: number;
  readonly name: string;
  readonly personId: number;
  readonly orgId: number;
  readonly orgPath: string;
  readonly branchId: number;
  readonly branchPath: string;
  readonly status: MemberStatus;
  /** The category on the day asked (the effective-dated history, docs/membership.md §10). */
  readonly category: MemberCategory;
  readonly workPost: string | null;
};

/**
 * These members (in the scope, when given) with their category on `day`: the one left by their first
 * `category_changed` after the day, else the present one (a change dated that very day has happened).
 */
export async function baseMembers(
  db: Db,
  memberIds: readonly number[],
  day: IsoDate,
  scope?: Scope,
): Promise<BaseMember[]> {
  if (memberIds.length === 0) return [];
  const inScope = scope ? sql`and ${pathInScope(scope, sql`o.path`)}` : sql``;
  const rows = await queryRows<{
    id: number;
    name: string;
    person_id: number;
    org_id: number;
    org_path: string;
    branch_id: number;
    branch_path: string;
    status: MemberStatus;
    category: MemberCategory;
    work_post: string | null;
  }>(
    db,
    sql`select m.id, p.name, m.person_id, m.org_id, o.path::text as org_path,
               b.id as branch_id, b.path::text as branch_path, m.status, p.work_post,
               coalesce((select e.from_value from member_events e
                          where e.member_id = m.id and e.kind = 'category_changed'
                            and e.from_value is not null and e.effective_on > ${day}::date
                          order by e.effective_on, e.id limit 1), m.category::text) as category
          from members m
          join persons p on p.id = m.person_id
          join orgs o on o.id = m.org_id
          join orgs b on b.id = case when o.kind = 'group' then o.parent_id else o.id end
         where m.id in (${list(memberIds)}) ${inScope}`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    personId: Number(r.person_id),
    orgId: Number(r.org_id),
    orgPath: r.org_path,
    branchId: Number(r.branch_id),
    branchPath: r.branch_path,
    status: r.status,
    category: r.category,
    workPost: r.work_post,
  }));
}

/** The 党小组 of a branch (its members are the branch's too). */
export async function groupsOf(db: Db, branchId: number): Promise<number[]> {
  const rows = await db
    .select({ id: orgs.id })
    .from(orgs)
    .where(and(eq(orgs.parentId, branchId), eq(orgs.kind, 'group')));
  return rows.map((r) => r.id);
}

export type BaseRecord = {
  readonly id: number;
  readonly memberId: number;
  /** `YYYY-MM`. */
  readonly fromMonth: string;
  readonly kind: BaseKind;
  readonly items: readonly BaseItem[];
  readonly incomeTax: number;
  readonly amount: number;
  readonly note: string | null;
  readonly setByName: string | null;
  readonly setAt: string;
  readonly version: number;
};

type BaseRowSql = {
  id: number;
  member_id: number;
  from_month: string;
  kind: BaseKind;
  items: BaseItem[];
  income_tax: number;
  amount: number;
  note: string | null;
  set_by_name: string | null;
  set_at: string | Date;
  version: number;
};

const recordOf = (r: BaseRowSql): BaseRecord => ({
  id: Number(r.id),
  memberId: Number(r.member_id),
  fromMonth: String(r.from_month).slice(0, 7),
  kind: r.kind,
  items: r.items,
  incomeTax: Number(r.income_tax),
  amount: Number(r.amount),
  note: r.note,
  setByName: r.set_by_name,
  setAt: new Date(r.set_at).toISOString(),
  version: Number(r.version),
});

const SELECT_BASE = sql`select b.id, b.member_id, to_char(b.from_month, 'YYYY-MM') as from_month, b.kind, b.items,
                               b.income_tax, b.amount, b.note, u.name as set_by_name, b.set_at, b.version
                          from dues_bases b left join users u on u.id = b.set_by`;

/** Each member's base in force in `month` (the latest from a month not after it), by member. */
export async function basesInForce(
  db: Db,
  memberIds: readonly number[],
  month: IsoDate,
): Promise<Map<number, BaseRecord>> {
  if (memberIds.length === 0) return new Map();
  const rows = await queryRows<BaseRowSql>(
    db,
    sql`select distinct on (x.member_id) x.* from (${SELECT_BASE}
         where b.member_id in (${list(memberIds)}) and b.from_month <= ${month}::date) x
         order by x.member_id, x.from_month desc`,
  );
  return new Map(rows.map((r) => [Number(r.member_id), recordOf(r)]));
}

/** A member's bases, newest first. */
export async function basesOfMember(db: Db, memberId: number): Promise<BaseRecord[]> {
  const rows = await queryRows<BaseRowSql>(
    db,
    sql`${SELECT_BASE} where b.member_id = ${memberId} order by b.from_month desc`,
  );
  return rows.map(recordOf);
}

/** The base of a member and month, locked for the change. */
export async function baseAt(db: Db, memberId: number, fromMonth: IsoDate): Promise<BaseRecord | undefined> {
  const [row] = await queryRows<BaseRowSql>(
    db,
    sql`${SELECT_BASE} where b.member_id = ${memberId} and b.from_month = ${fromMonth}::date for update of b`,
  );
  return row && recordOf(row);
}

export type BaseWrite = {
  readonly memberId: number;
  readonly fromMonth: IsoDate;
  readonly kind: BaseKind;
  readonly items: readonly BaseItem[];
  readonly incomeTax: number;
  readonly amount: number;
  readonly note: string | null;
  readonly setBy: number | null;
  readonly setAt: Date;
};

/** A new base; undefined when one of the member and month was saved in between (the caller answers 409). */
export async function insertBase(db: Db, w: BaseWrite): Promise<number | undefined> {
  const [row] = await db
    .insert(duesBases)
    .values({ ...w, items: [...w.items] })
    .onConflictDoNothing({ target: [duesBases.memberId, duesBases.fromMonth] })
    .returning({ id: duesBases.id });
  return row?.id;
}

/** Replaces a base at the version read; false when someone saved it in between. */
export async function replaceBase(db: Db, id: number, version: number, w: BaseWrite): Promise<boolean> {
  const rows = await db
    .update(duesBases)
    .set({
      kind: w.kind,
      items: [...w.items],
      incomeTax: w.incomeTax,
      amount: w.amount,
      note: w.note,
      setBy: w.setBy,
      setAt: w.setAt,
      version: version + 1,
    })
    .where(and(eq(duesBases.id, id), eq(duesBases.version, version)))
    .returning({ id: duesBases.id });
  return rows.length > 0;
}

/** The deployment's stored versions of the dues rules (docs/dues.md §7), by validFrom. */
export async function storedRuleSets(db: Db): Promise<DuesRuleSet[]> {
  const rows = await db.select().from(duesRuleSets).orderBy(duesRuleSets.validFrom);
  return rows.map((r) => ({ ...r.rules, version: r.version, validFrom: r.validFrom }));
}
