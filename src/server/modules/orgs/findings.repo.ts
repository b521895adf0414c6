import { and, asc, eq, gt, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { FindingKind } from '../../../domain/org/index.ts';
import { hasElectedTerm, headPost, ORG_KINDS } from '../../../domain/org/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import type { Db } from '../../db/client.ts';
import { pathInScope, type Scope } from '../../db/scope.ts';
import { leadershipPosts, orgs } from '../../db/tables/orgs.ts';

export type CandidateFilter = {
  readonly scope: Scope;
  readonly within: string | null;
  readonly today: IsoDate;
  /** Terms ending on or before this day are worth a look (today + the reminder window). */
  readonly warnUntil: IsoDate;
  readonly kind: FindingKind | undefined;
};

/** The head post of each kind, from the rule (headPost), as SQL: `case kind when … then … end`. */
const headPostOfKind = sql`case ${orgs.kind} ${sql.join(
  ORG_KINDS.map((k) => sql`when ${k} then ${headPost(k)}`),
  sql` `,
)} end`;
const ELECTED_KINDS = ORG_KINDS.filter(hasElectedTerm);

/** Any post held today is the org's head post. */
const headHeld = sql`coalesce(bool_or(${leadershipPosts.post}::text = ${headPostOfKind}), false)`;
function termEndingBy(day: IsoDate): SQL {
  return sql`(${orgs.kind} in (${sql.join(
    ELECTED_KINDS.map((k) => sql`${k}`),
    sql`, `,
  )}) and coalesce(bool_or(${leadershipPosts.endsOn} <= ${day}::date), false))`;
}

function havingFor(f: CandidateFilter): SQL {
  const vacant = sql`not ${headHeld}`;
  if (f.kind === 'head_vacant') return vacant;
  if (f.kind === 'term_expired') return termEndingBy(f.today);
  const ending = termEndingBy(f.warnUntil);
  return f.kind === 'term_expiring' ? ending : sql`(${vacant} or ${ending})`;
}

/**
 * A superset of the orgs that can have a finding today, found in one aggregate over the subtree: not
 * dissolved, and either no post held today is the head post, or a post held today ends within the window.
 * The rule itself (orgFindings) then decides for these few; nothing else is loaded.
 */
export async function findCandidateOrgs(db: Db, f: CandidateFilter) {
  const heldToday = and(
    eq(leadershipPosts.orgId, orgs.id),
    lte(leadershipPosts.startedOn, f.today),
    or(isNull(leadershipPosts.leftOn), gt(leadershipPosts.leftOn, f.today)),
  );
  return (
    db
      // Only what the rule needs: a large subtree can have tens of thousands of candidates.
      .select({ id: orgs.id, kind: orgs.kind, establishedOn: orgs.establishedOn })
      .from(orgs)
      .leftJoin(leadershipPosts, heldToday)
      .where(
        and(
          pathInScope(f.scope, orgs.path),
          f.within === null ? undefined : sql`${orgs.path} <@ ${f.within}::ltree`,
          isNull(orgs.dissolvedOn),
        ),
      )
      .groupBy(orgs.id)
      .having(havingFor(f))
      .orderBy(asc(orgs.id))
  );
}
