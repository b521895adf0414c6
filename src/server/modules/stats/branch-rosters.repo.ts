import { type SQL, sql } from 'drizzle-orm';
import type { OrgKind } from '../../../domain/org/index.ts';
import {
  BRANCH_MAX_MEMBERS,
  BRANCH_MIN_FULL_MEMBERS,
  type BranchRoster,
  COMMITTEE_FROM_FULL_MEMBERS,
  COMMITTEE_POSTS,
} from '../../../domain/org/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { pathInScope, type Scope } from '../../db/scope.ts';

/**
 * The roster counts of 党支部 for the findings that need them (branch-roster.ts), from the rollup: a
 * branch's own members are its org_stats row plus its 党小组's rows. Not age-dependent, so read as kept.
 */

/** Which org a member row counts for as a branch's own: a 党小组's members count for its branch. */
const BRANCH_OF = sql`case when o.kind = 'group' then o.parent_id else o.id end`;

export async function sumBranchRoster(db: Db, branchId: number): Promise<BranchRoster> {
  const [row] = await queryRows<{ members: number; full: number }>(
    db,
    sql`select coalesce(sum(s.member_count), 0)::int as members, coalesce(sum(s.status_full), 0)::int as full
        from org_stats s join orgs o on o.id = s.org_id
        where o.id = ${branchId} or (o.parent_id = ${branchId} and o.kind = 'group')`,
  );
  return { members: Number(row?.members ?? 0), fullMembers: Number(row?.full ?? 0) };
}

export type RosterCandidate = {
  id: number;
  kind: OrgKind;
  establishedOn: IsoDate | null;
  roster: BranchRoster;
};

/**
 * Branches of the scope (and of the `within` subtree), not dissolved, whose counts may give a roster finding
 * today: too few 正式党员, too many members, or enough for a committee and no 副书记 or 委员 in post. The
 * rule (branchRosterFindings) decides for these; nothing else is loaded.
 */
export async function selectRosterCandidates(
  db: Db,
  f: { scope: Scope; within: string | null; today: IsoDate },
): Promise<RosterCandidate[]> {
  const inScope = (path: SQL) =>
    f.within === null
      ? pathInScope(f.scope, path)
      : sql`${pathInScope(f.scope, path)} and ${path} <@ ${f.within}::ltree`;
  const committeeToday = sql`exists (select 1 from leadership_posts lp where lp.org_id = b.id
    and lp.post in (${sql.join(
      COMMITTEE_POSTS.map((p) => sql`${p}`),
      sql`, `,
    )})
    and lp.started_on <= ${f.today}::date and (lp.left_on is null or lp.left_on > ${f.today}::date))`;
  const rows = await queryRows<{
    id: number;
    kind: OrgKind;
    established_on: string | null;
    members: number;
    full: number;
  }>(
    db,
    sql`with counts as (
          select ${BRANCH_OF} as branch_id, sum(s.member_count)::int as members, sum(s.status_full)::int as full
          from org_stats s join orgs o on o.id = s.org_id
          where o.kind in ('branch', 'group') and ${inScope(sql`o.path`)}
          group by 1)
        select b.id, b.kind, b.established_on::text as established_on, c.members, c.full
        from counts c join orgs b on b.id = c.branch_id
        where b.kind = 'branch' and b.dissolved_on is null and ${inScope(sql`b.path`)} and c.members > 0
          and (c.full < ${BRANCH_MIN_FULL_MEMBERS} or c.members > ${BRANCH_MAX_MEMBERS}
               or (c.full >= ${COMMITTEE_FROM_FULL_MEMBERS} and not ${committeeToday}))
        order by b.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    establishedOn: r.established_on,
    roster: { members: Number(r.members), fullMembers: Number(r.full) },
  }));
}
