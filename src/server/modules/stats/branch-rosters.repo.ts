import { sql } from 'drizzle-orm';
import type { OrgKind } from '../../../domain/org/index.ts';
import {
  BRANCH_KINDS,
  BRANCH_MAX_MEMBERS,
  BRANCH_MIN_FULL_MEMBERS,
  type BranchRoster,
  COMMITTEE_FROM_FULL_MEMBERS,
  COMMITTEE_POSTS,
  type PostTenure,
} from '../../../domain/org/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import { type Db, queryRows } from '../../db/client.ts';
import type { OrgSelection } from '../../todos/index.ts';

/**
 * The roster counts of 党支部 for the findings that need them (branch-roster.ts), from the rollup: a
 * branch's own members are its org_stats row plus its 党小组's rows. Not age-dependent, so read as kept.
 */

/** Which org a member row counts for as a branch's own: a 党小组's members count for its branch. */
const BRANCH_OF = sql`case when o.kind = 'group' then o.parent_id else o.id end`;
/** The kinds of 党支部 (联合, 临时, 流动党员党支部 too), as SQL: `'branch', 'joint_branch', …`. */
const BRANCH_KIND_LIST = sql.join(
  BRANCH_KINDS.map((k) => sql`${k}`),
  sql`, `,
);

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
 * Branches among those asked for, not dissolved, whose counts may give a roster finding today: too few 正式党员, too
 * many members, or enough for a committee and no 副书记 or 委员 in post. The rule (branchRosterFindings) decides for
 * these; nothing else is loaded.
 */
export async function selectRosterCandidates(
  db: Db,
  f: { orgs: OrgSelection; today: IsoDate },
): Promise<RosterCandidate[]> {
  const ids = f.orgs === 'all' ? null : sql`${sql.param([...f.orgs])}::int[]`;
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
          where (o.kind = 'group' or o.kind in (${BRANCH_KIND_LIST}))
            ${ids === null ? sql`` : sql`and (o.id = any(${ids}) or (o.kind = 'group' and o.parent_id = any(${ids})))`}
          group by 1)
        select b.id, b.kind, b.established_on::text as established_on, c.members, c.full
        from counts c join orgs b on b.id = c.branch_id
        where b.kind in (${BRANCH_KIND_LIST}) and b.dissolved_on is null and c.members > 0
          ${ids === null ? sql`` : sql`and b.id = any(${ids})`}
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

/** The committee posts (副书记, 委员) of these branches, held or not: what hasCommittee reads. */
export async function selectCommitteeTenures(
  db: Db,
  branchIds: readonly number[],
): Promise<(PostTenure & { orgId: number })[]> {
  if (branchIds.length === 0) return [];
  const rows = await queryRows<{
    org_id: number;
    post: PostTenure['post'];
    started_on: string;
    left_on: string | null;
  }>(
    db,
    sql`select org_id, post, started_on::text as started_on, left_on::text as left_on
        from leadership_posts
        where org_id = any(${sql.param([...branchIds])}::int[]) and post in (${sql.join(
          COMMITTEE_POSTS.map((p) => sql`${p}`),
          sql`, `,
        )})`,
  );
  return rows.map((r) => ({
    orgId: Number(r.org_id),
    post: r.post,
    startedOn: r.started_on as IsoDate,
    leftOn: r.left_on as IsoDate | null,
  }));
}
