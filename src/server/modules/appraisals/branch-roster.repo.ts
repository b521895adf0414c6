import { sql } from 'drizzle-orm';
import type { MemberStatus } from '../../../domain/membership/index.ts';
import { type Db, queryRows } from '../../db/client.ts';

/** A member of a branch (or of one of its 党小组) as appraisals and talks need them. */
export type BranchMember = {
  readonly memberId: number;
  readonly name: string;
  readonly status: MemberStatus;
};

/**
 * The branch's members (its own and its groups') with a status on the roster: 正式党员 and 预备党员 (who take part
 * in organizational life, docs/organizational-life.md §2, §5.1). Read as placed now; the members module owns the
 * tables and their history.
 */
export async function listBranchMembers(db: Db, branchPath: string): Promise<BranchMember[]> {
  return queryRows<BranchMember>(
    db,
    sql`select m.id as "memberId", p.name, m.status
        from members m
        join persons p on p.id = m.person_id
        join orgs o on o.id = m.org_id
        where o.path <@ ${branchPath}::ltree and m.status in ('full', 'probationary')
        order by p.name, m.id`,
  );
}

/** The names of the holders of the branch's committee posts in office on `on`: 书记, and the other 支委. */
export async function committeeHoldersOn(
  db: Db,
  orgId: number,
  on: string,
): Promise<{ secretary: Set<string>; committee: Set<string> }> {
  const rows = await queryRows<{ post: string; name: string }>(
    db,
    sql`select post::text as post, holder_name as name from leadership_posts
        where org_id = ${orgId} and started_on <= ${on}::date and (left_on is null or left_on > ${on}::date)
          and post in ('secretary', 'deputy_secretary', 'committee_member', 'organizing_member',
                       'publicity_member', 'discipline_member')`,
  );
  const secretary = new Set(rows.filter((r) => r.post === 'secretary').map((r) => r.name));
  const committee = new Set(rows.filter((r) => r.post !== 'secretary').map((r) => r.name));
  return { secretary, committee };
}

/** The member of this person (an account's link), with the branch path of their placement. */
export async function findMemberOfPerson(
  db: Db,
  personId: number,
): Promise<{ memberId: number; orgPath: string; status: MemberStatus } | undefined> {
  const [row] = await queryRows<{ memberId: number; orgPath: string; status: MemberStatus }>(
    db,
    sql`select m.id as "memberId", o.path::text as "orgPath", m.status
        from members m join orgs o on o.id = m.org_id where m.person_id = ${personId}`,
  );
  return row;
}
