import { sql } from 'drizzle-orm';
import type { OrgKind } from '../../../domain/org/index.ts';
import { type Db, queryRows } from '../../db/client.ts';

/** The exemptions (org_life_exemptions) and what approving one checks. SQL only. */

export type ExemptionRow = {
  id: number;
  orgId: number;
  orgName: string;
  orgKind: OrgKind;
  orgPath: string;
  requirementId: string;
  periodKey: string;
  groupId: number | null;
  groupName: string | null;
  reason: string;
  approvedById: number;
  approvedByName: string;
  approvedAt: string;
};

const SELECT = sql`select e.id, e.org_id, o.name as org_name, o.kind::text as org_kind, o.path::text as org_path,
         e.requirement_id, e.period_key, e.group_id, g.name as group_name, e.reason,
         e.approved_by, u.name as approved_by_name, e.approved_at
  from org_life_exemptions e
  join orgs o on o.id = e.org_id
  join users u on u.id = e.approved_by
  left join orgs g on g.id = e.group_id`;

type Raw = {
  id: number;
  org_id: number;
  org_name: string;
  org_kind: OrgKind;
  org_path: string;
  requirement_id: string;
  period_key: string;
  group_id: number | null;
  group_name: string | null;
  reason: string;
  approved_by: number;
  approved_by_name: string;
  approved_at: string | Date;
};

function rowOf(r: Raw): ExemptionRow {
  return {
    id: Number(r.id),
    orgId: Number(r.org_id),
    orgName: r.org_name,
    orgKind: r.org_kind,
    orgPath: r.org_path,
    requirementId: r.requirement_id,
    periodKey: r.period_key,
    groupId: r.group_id === null ? null : Number(r.group_id),
    groupName: r.group_name,
    reason: r.reason,
    approvedById: Number(r.approved_by),
    approvedByName: r.approved_by_name,
    approvedAt: new Date(r.approved_at).toISOString(),
  };
}

/** The exemptions of the orgs under `path` (of one year's periods when given), newest period first. */
export async function listExemptions(
  db: Db,
  path: string,
  year: number | undefined,
): Promise<ExemptionRow[]> {
  const rows = await queryRows<Raw>(
    db,
    sql`${SELECT} where o.path <@ ${path}::ltree
        ${year === undefined ? sql`` : sql`and left(e.period_key, 4) = ${String(year)}`}
        order by e.period_key desc, e.org_id, e.id`,
  );
  return rows.map(rowOf);
}

/** One exemption of an org, locked for its removal. */
export async function findExemption(db: Db, orgId: number, id: number): Promise<ExemptionRow | undefined> {
  const rows = await queryRows<Raw>(
    db,
    sql`${SELECT} where e.id = ${id} and e.org_id = ${orgId} for update of e`,
  );
  return rows[0] ? rowOf(rows[0]) : undefined;
}

/** Whether the org has a current committee term, and whether `groupId` is one of its 党小组. */
export async function exemptionFacts(
  db: Db,
  orgId: number,
  groupId: number | null,
): Promise<{ hasCommittee: boolean; ownGroup: boolean }> {
  const [row] = await queryRows<{ has_committee: boolean; own_group: boolean }>(
    db,
    sql`select exists (select 1 from committee_terms where org_id = ${orgId} and ended_on is null) as has_committee,
               exists (select 1 from orgs where id = ${groupId ?? 0} and parent_id = ${orgId} and kind = 'group')
                 as own_group`,
  );
  return { hasCommittee: row?.has_committee === true, ownGroup: row?.own_group === true };
}

/** Inserts an exemption; null when the same one exists already. */
export async function insertExemption(
  db: Db,
  values: {
    orgId: number;
    requirementId: string;
    periodKey: string;
    groupId: number | null;
    reason: string;
    approvedBy: number;
    at: Date;
  },
): Promise<number | null> {
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`insert into org_life_exemptions (org_id, requirement_id, period_key, group_id, reason, approved_by, approved_at)
        values (${values.orgId}, ${values.requirementId}, ${values.periodKey}, ${values.groupId}, ${values.reason},
                ${values.approvedBy}, ${values.at.toISOString()}::timestamptz)
        on conflict do nothing returning id`,
  );
  return row ? Number(row.id) : null;
}

export async function deleteExemption(db: Db, id: number): Promise<void> {
  await db.execute(sql`delete from org_life_exemptions where id = ${id}`);
}
