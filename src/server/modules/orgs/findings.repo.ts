import { and, asc, eq, gt, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { hasElectedTerm, headPost, ORG_KINDS } from '../../../domain/org/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import type { Db } from '../../db/client.ts';
import { committeeTerms, leadershipPosts, orgs } from '../../db/tables/orgs.ts';
import type { OrgSelection } from '../../todos/index.ts';

export type CandidateFilter = {
  /** The orgs asked for: these, or all. */
  readonly orgs: OrgSelection;
  readonly today: IsoDate;
  /** Terms ending on or before this day are worth a look (today + the reminder window). */
  readonly warnUntil: IsoDate;
};

/** The head post of each kind, from the rule (headPost), as SQL: `case kind when … then … end`. */
const headPostOfKind = sql`case ${orgs.kind} ${sql.join(
  ORG_KINDS.map((k) => sql`when ${k} then ${headPost(k)}`),
  sql` `,
)} end`;
const ELECTED_KINDS = ORG_KINDS.filter(hasElectedTerm);

/** Any post held today is the org's head post. */
const headHeld = sql`coalesce(bool_or(${leadershipPosts.post}::text = ${headPostOfKind}), false)`;
/** The org's current term (届) ends by `day` (only the kinds with an elected term have one). */
function termEndingBy(day: IsoDate): SQL {
  return sql`(${orgs.kind} in (${sql.join(
    ELECTED_KINDS.map((k) => sql`${k}`),
    sql`, `,
  )}) and exists (select 1 from ${committeeTerms} where ${committeeTerms.orgId} = ${orgs.id}
    and ${committeeTerms.endedOn} is null and ${committeeTerms.endsOn} <= ${day}::date))`;
}

/**
 * A superset of the orgs asked for that can have a term or vacancy finding today, found in one aggregate: not
 * dissolved, and either no post held today is the head post, or the current term ends within the window. The
 * rule itself (orgFindings) then decides for these few; nothing else is loaded.
 */
export async function findCandidateOrgs(db: Db, f: CandidateFilter) {
  const heldToday = and(
    eq(leadershipPosts.orgId, orgs.id),
    lte(leadershipPosts.startedOn, f.today),
    or(isNull(leadershipPosts.leftOn), gt(leadershipPosts.leftOn, f.today)),
  );
  return (
    db
      // Only what the rule needs: the whole city can have tens of thousands of candidates.
      .select({ id: orgs.id, kind: orgs.kind, establishedOn: orgs.establishedOn })
      .from(orgs)
      .leftJoin(leadershipPosts, heldToday)
      .where(
        and(
          f.orgs === 'all' ? undefined : sql`${orgs.id} = any(${sql.param([...f.orgs])}::int[])`,
          isNull(orgs.dissolvedOn),
        ),
      )
      .groupBy(orgs.id)
      .having(sql`(not ${headHeld} or bool_or(${termEndingBy(f.warnUntil)}))`)
      .orderBy(asc(orgs.id))
  );
}
