import { sql } from 'drizzle-orm';
import type { MonthKey, ReductionKind, ReductionStatus } from '../../../domain/dues/index.ts';
import { monthStart } from '../../../domain/dues/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { pathInScope, type Scope } from '../../db/scope.ts';

/** dues_reductions (db/tables/dues.ts), and the member and branch a reduction is about. SQL only. */

/** A member as the charges and reductions need them: their branch (a 党小组's parent) and its path. */
export type MemberRef = {
  readonly id: number;
  readonly name: string;
  readonly branchId: number;
  readonly branchName: string;
  readonly branchPath: string;
};

/** The member if their branch lies in the scope (a member's placement in a 党小组 counts for its branch). */
export async function findMemberInScope(db: Db, scope: Scope, id: number): Promise<MemberRef | undefined> {
  const [row] = await queryRows<{
    id: number;
    name: string;
    branch_id: number;
    branch_name: string;
    path: string;
  }>(
    db,
    sql`select m.id, p.name, b.id as branch_id, b.name as branch_name, b.path::text as path
          from members m join persons p on p.id = m.person_id join orgs o on o.id = m.org_id
          join orgs b on b.id = case when o.kind = 'group' then o.parent_id else o.id end
         where m.id = ${id} and ${pathInScope(scope, sql`b.path`)}`,
  );
  return row
    ? {
        id: Number(row.id),
        name: row.name,
        branchId: Number(row.branch_id),
        branchName: row.branch_name,
        branchPath: row.path,
      }
    : undefined;
}

export type ReductionRow = {
  readonly id: number;
  readonly memberId: number;
  readonly memberName: string;
  readonly orgId: number;
  readonly orgName: string;
  readonly orgPath: string;
  readonly kind: ReductionKind;
  readonly fromMonth: MonthKey;
  readonly toMonth: MonthKey;
  readonly monthlyAmount: number | null;
  readonly reason: string;
  readonly branchDecidedOn: IsoDate;
  readonly status: ReductionStatus;
  readonly decidedById: number | null;
  readonly decidedByName: string | null;
  readonly decidedOn: IsoDate | null;
  readonly decisionNote: string | null;
  readonly createdAt: string;
  readonly version: number;
};

type DbRow = {
  id: number;
  member_id: number;
  member_name: string;
  org_id: number;
  org_name: string;
  org_path: string;
  kind: ReductionKind;
  from_month: string;
  to_month: string;
  monthly_amount: number | null;
  reason: string;
  branch_decided_on: string;
  status: ReductionStatus;
  decided_by: number | null;
  decided_by_name: string | null;
  decided_on: string | null;
  decision_note: string | null;
  created_at: string | Date;
  version: number;
};

const rowOf = (r: DbRow): ReductionRow => ({
  id: Number(r.id),
  memberId: Number(r.member_id),
  memberName: r.member_name,
  orgId: Number(r.org_id),
  orgName: r.org_name,
  orgPath: r.org_path,
  kind: r.kind,
  fromMonth: r.from_month,
  toMonth: r.to_month,
  monthlyAmount: r.monthly_amount === null ? null : Number(r.monthly_amount),
  reason: r.reason,
  branchDecidedOn: r.branch_decided_on as IsoDate,
  status: r.status,
  decidedById: r.decided_by === null ? null : Number(r.decided_by),
  decidedByName: r.decided_by_name,
  decidedOn: r.decided_on as IsoDate | null,
  decisionNote: r.decision_note,
  createdAt: new Date(r.created_at).toISOString(),
  version: Number(r.version),
});

const SELECT = sql`select r.id, r.member_id, p.name as member_name, r.org_id, o.name as org_name, o.path::text as org_path,
    r.kind, to_char(r.from_month, 'YYYY-MM') as from_month, to_char(r.to_month, 'YYYY-MM') as to_month,
    r.monthly_amount, r.reason, r.branch_decided_on::text as branch_decided_on, r.status, r.decided_by,
    u.name as decided_by_name, r.decided_on::text as decided_on, r.decision_note, r.created_at, r.version
  from dues_reductions r join members m on m.id = r.member_id join persons p on p.id = m.person_id
  join orgs o on o.id = r.org_id left join users u on u.id = r.decided_by`;

/** A reduction whose recording branch lies in the scope; `lock` for a change. */
export async function findReductionInScope(
  db: Db,
  scope: Scope,
  id: number,
  lock = false,
): Promise<ReductionRow | undefined> {
  if (lock) await db.execute(sql`select 1 from dues_reductions where id = ${id} for update`);
  const [row] = await queryRows<DbRow>(
    db,
    sql`${SELECT} where r.id = ${id} and ${pathInScope(scope, sql`o.path`)}`,
  );
  return row ? rowOf(row) : undefined;
}

/** The reductions recorded by the branches of a subtree, newest first. */
export async function listReductions(
  db: Db,
  path: string,
  status: ReductionStatus | undefined,
): Promise<ReductionRow[]> {
  const rows = await queryRows<DbRow>(
    db,
    sql`${SELECT} where o.path <@ ${path}::ltree ${status ? sql`and r.status = ${status}` : sql``}
        order by r.created_at desc, r.id desc limit 500`,
  );
  return rows.map(rowOf);
}

/** A member's approved reductions other than `exceptId` (for the overlap rule). */
export async function approvedRangesOf(
  db: Db,
  memberId: number,
  exceptId: number | null,
): Promise<{ fromMonth: MonthKey; toMonth: MonthKey }[]> {
  const rows = await queryRows<{ from_month: string; to_month: string }>(
    db,
    sql`select to_char(from_month, 'YYYY-MM') as from_month, to_char(to_month, 'YYYY-MM') as to_month
          from dues_reductions
         where member_id = ${memberId} and status = 'approved' and id is distinct from ${exceptId}`,
  );
  return rows.map((r) => ({ fromMonth: r.from_month, toMonth: r.to_month }));
}

/** Serializes the approvals of one member's reductions (the overlap rule reads the others). */
export async function lockMemberReductions(db: Db, memberId: number): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('jiceng.dues_reductions'), ${memberId})`);
}

export async function insertReduction(
  db: Db,
  r: {
    memberId: number;
    orgId: number;
    kind: ReductionKind;
    fromMonth: MonthKey;
    toMonth: MonthKey;
    monthlyAmount: number | null;
    reason: string;
    branchDecidedOn: IsoDate;
    createdBy: number;
  },
): Promise<number> {
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`insert into dues_reductions (member_id, org_id, kind, from_month, to_month, monthly_amount, reason,
                                     branch_decided_on, created_by)
        values (${r.memberId}, ${r.orgId}, ${r.kind}, ${monthStart(r.fromMonth)}::date, ${monthStart(r.toMonth)}::date,
                ${r.monthlyAmount}, ${r.reason}, ${r.branchDecidedOn}::date, ${r.createdBy})
        returning id`,
  );
  return Number(row?.id);
}

export async function setReductionStatus(
  db: Db,
  id: number,
  change: {
    status: ReductionStatus;
    decidedBy: number | null;
    decidedOn: IsoDate | null;
    note: string | null;
  },
): Promise<void> {
  await db.execute(
    sql`update dues_reductions
           set status = ${change.status}, decided_by = ${change.decidedBy}, decided_on = ${change.decidedOn}::date,
               decision_note = ${change.note}, version = version + 1
         where id = ${id}`,
  );
}
