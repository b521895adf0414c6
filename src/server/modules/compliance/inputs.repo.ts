import { sql } from 'drizzle-orm';
import type { OrgKind } from '../../../domain/org/index.ts';
import type {
  ComplianceExemption,
  ComplianceMeeting,
  ComplianceOrg,
  MeetingKind,
  MeetingStatus,
} from '../../../domain/org-life/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { type Db, queryRows } from '../../db/client.ts';

/**
 * What compliance is judged from (docs/organizational-life.md §7.3), read in a few set-based queries for a set of
 * orgs (or every org) and a span of days: the orgs with their life span, committee and 党小组, their meetings held
 * (a 党小组's meetings are its branch's, with the group named), and their exemptions. SQL only.
 */

/** These orgs, or every org of these kinds (under a path when given). */
export type InputSelection = {
  readonly ids: readonly number[] | 'all';
  readonly kinds: readonly OrgKind[];
  readonly under?: string;
  /**
   * Per org, only the meetings held within these days (and only the orgs named here): the to-dos' daily pass judges
   * each branch's first shortfalls only.
   */
  readonly spans?: ReadonlyMap<number, { readonly from: IsoDate; readonly to: IsoDate }>;
};

export type OrgInputs = {
  readonly org: ComplianceOrg;
  readonly path: string;
  readonly meetings: ComplianceMeeting[];
  readonly exemptions: ComplianceExemption[];
};

const intArray = (ids: readonly number[]) => `{${ids.join(',')}}`;
const textArray = (values: readonly string[]) => `{${values.map((v) => `"${v}"`).join(',')}}`;

function selected(selection: InputSelection) {
  const ofKind = selection.under
    ? sql`o.kind::text = any(${textArray(selection.kinds)}::text[]) and o.path <@ ${selection.under}::ltree`
    : sql`o.kind::text = any(${textArray(selection.kinds)}::text[])`;
  return selection.ids === 'all' ? ofKind : sql`${ofKind} and o.id = any(${intArray(selection.ids)}::int[])`;
}

type OrgRow = {
  id: number;
  path: string;
  kind: OrgKind;
  founded_on: string | null;
  dissolved_on: string | null;
  has_committee: boolean;
  groups: { id: number; name: string; founded_on: string | null; dissolved_on: string | null }[] | null;
};

type MeetingRow = {
  id: number;
  branch_id: number;
  group_id: number | null;
  kinds: MeetingKind[];
  status: MeetingStatus;
  held_on: string;
  given_by_head: boolean;
};

type ExemptionRow = {
  org_id: number;
  requirement_id: string;
  period_key: string;
  group_id: number | null;
  reason: string;
  approved_by: number;
};

/**
 * The meetings of these orgs (and of their 党小组) held within each org's span, itself within `from`…`to`: each
 * holder's meetings by the (org, day) index.
 */
async function spanMeetings(
  db: Db,
  spans: NonNullable<InputSelection['spans']>,
  ids: readonly number[],
  from: IsoDate,
  to: IsoDate,
): Promise<MeetingRow[]> {
  const of = ids.filter((id) => spans.has(id));
  if (of.length === 0) return [];
  const col = (f: (id: number) => string | number) => `{${of.map(f).join(',')}}`;
  return queryRows<MeetingRow>(
    db,
    sql`with s as (
          select * from unnest(${col((id) => id)}::int[], ${col((id) => spans.get(id)?.from ?? from)}::date[],
                               ${col((id) => spans.get(id)?.to ?? to)}::date[]) as s(id, f, t)),
        holders as (
          select s.id as branch_id, s.id as holder_id, null::int as group_id, s.f, s.t from s
          union all
          select s.id, g.id, g.id, s.f, s.t from s join orgs g on g.parent_id = s.id and g.kind = 'group')
        select m.id, h.branch_id, h.group_id, m.kinds, m.status, m.held_on::text as held_on, m.given_by_head
        from holders h join meetings m on m.org_id = h.holder_id and m.held_on between h.f and h.t
        where m.held_on between ${from}::date and ${to}::date`,
  );
}

/** The inputs of the selected orgs for the days `from`…`to` (meetings held then, exemptions of those years). */
export async function loadInputs(
  db: Db,
  selection: InputSelection,
  from: IsoDate,
  to: IsoDate,
): Promise<OrgInputs[]> {
  if (selection.kinds.length === 0 || (selection.ids !== 'all' && selection.ids.length === 0)) return [];
  const orgRows = await queryRows<OrgRow>(
    db,
    sql`select o.id, o.path::text as path, o.kind::text as kind, o.established_on::text as founded_on,
               o.dissolved_on::text as dissolved_on,
               exists (select 1 from committee_terms t where t.org_id = o.id and t.ended_on is null) as has_committee,
               (select json_agg(json_build_object('id', g.id, 'name', g.name,
                        'founded_on', g.established_on, 'dissolved_on', g.dissolved_on) order by g.id)
                  from orgs g where g.parent_id = o.id and g.kind = 'group') as groups
        from orgs o where ${selected(selection)}`,
  );
  if (orgRows.length === 0) return [];
  const ids = orgRows.map((o) => o.id);
  const only =
    selection.ids !== 'all'
      ? // By the holders' ids, so that the (org, day) index finds the meetings of a few branches.
        sql`b.id = any(${intArray(ids)}::int[]) and m.org_id = any(array(
              select g.id from orgs g where g.id = any(${intArray(ids)}::int[])
                 or (g.parent_id = any(${intArray(ids)}::int[]) and g.kind = 'group')))`
      : selection.under
        ? sql`b.path <@ ${selection.under}::ltree`
        : sql`true`;
  const meetingRows = selection.spans
    ? await spanMeetings(db, selection.spans, ids, from, to)
    : await queryRows<MeetingRow>(
        db,
        sql`select m.id, b.id as branch_id, case when h.kind = 'group' then h.id end as group_id, m.kinds,
                   m.status, m.held_on::text as held_on, m.given_by_head
            from meetings m
            join orgs h on h.id = m.org_id
            join orgs b on b.id = case when h.kind = 'group' then h.parent_id else h.id end
            where m.held_on between ${from}::date and ${to}::date and ${only}`,
      );
  const years = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) years.push(String(y));
  const exemptionRows = await queryRows<ExemptionRow>(
    db,
    sql`select e.org_id, e.requirement_id, e.period_key, e.group_id, e.reason, e.approved_by
        from org_life_exemptions e
        where left(e.period_key, 4) = any(${textArray(years)}::text[])
          and ${selection.ids === 'all' && !selection.under ? sql`true` : sql`e.org_id = any(${intArray(ids)}::int[])`}`,
  );
  const byOrg = new Map<number, OrgInputs>();
  for (const o of orgRows) {
    byOrg.set(Number(o.id), {
      path: o.path,
      org: {
        id: String(o.id),
        kind: o.kind,
        foundedOn: o.founded_on as IsoDate | null,
        dissolvedOn: o.dissolved_on as IsoDate | null,
        hasCommittee: o.has_committee,
        groups: (o.groups ?? []).map((g) => ({
          id: String(g.id),
          name: g.name,
          foundedOn: g.founded_on as IsoDate | null,
          dissolvedOn: g.dissolved_on as IsoDate | null,
        })),
      },
      meetings: [],
      exemptions: [],
    });
  }
  for (const m of meetingRows) {
    byOrg.get(Number(m.branch_id))?.meetings.push({
      id: String(m.id),
      kinds: m.kinds,
      status: m.status,
      heldOn: m.held_on as IsoDate,
      groupId: m.group_id === null ? null : String(m.group_id),
      givenByHead: m.given_by_head,
    });
  }
  for (const e of exemptionRows) {
    byOrg.get(Number(e.org_id))?.exemptions.push({
      requirementId: e.requirement_id,
      period: e.period_key,
      groupId: e.group_id === null ? null : String(e.group_id),
      reason: e.reason,
      approvedBy: String(e.approved_by),
    });
  }
  return [...byOrg.values()];
}
