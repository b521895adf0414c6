import {
  DUES_ORG_FINDING_KINDS,
  FINDING_KINDS,
  type FindingKind,
  MEMBER_FINDING_KINDS,
  ORG_LIFE_FINDING_KINDS,
  orgFindings,
  type PostTenure,
  ROSTER_FINDING_KINDS,
} from '../../../domain/org/index.ts';
import { addMonths } from '../../../domain/shared/index.ts';
import type { Db } from '../../db/client.ts';
import type { LocatedFinding, TodoProducer } from '../../todos/index.ts';
import { getTermPolicy } from '../settings/index.ts';
import { findCandidateOrgs } from './findings.repo.ts';
import { listCurrentTerms, listTenuresOfOrgs } from './leadership.repo.ts';

/**
 * The kinds of the terms and the head post (the roster's are the stats module's, the members' the members',
 * organizational life's the compliance module's, a branch's dues the dues-bases module's).
 */
const KINDS: readonly FindingKind[] = FINDING_KINDS.filter(
  (k) =>
    !ROSTER_FINDING_KINDS.includes(k) &&
    !MEMBER_FINDING_KINDS.includes(k) &&
    !ORG_LIFE_FINDING_KINDS.includes(k) &&
    !DUES_ORG_FINDING_KINDS.includes(k),
);

async function tenuresByOrg(db: Db, orgIds: readonly number[]): Promise<Map<number, PostTenure[]>> {
  const byOrg = new Map<number, PostTenure[]>();
  for (const tenure of await listTenuresOfOrgs(db, orgIds)) {
    const list = byOrg.get(tenure.orgId);
    if (list) list.push(tenure);
    else byOrg.set(tenure.orgId, [tenure]);
  }
  return byOrg;
}

/**
 * 任期已届满, 任期即将届满 (of the committee's current term) and 书记空缺 (docs/organizations.md §7, §8), for the
 * kinds the deployment follows (TermPolicy.followedKinds): SQL narrows the orgs to those that can have
 * one (by terms and posts) and loads only the facts the rule needs; the rule (orgFindings, with the deployment's
 * term policy) decides for each.
 */
export const termFindingsProducer: TodoProducer = {
  name: 'orgs.terms',
  kinds: KINDS,
  severities: ['warning', 'critical'],
  article: 'docs/organizations.md §8',
  inputs: ['org', 'posts', 'term_policy'],
  dated: true,
  async produce({ db }, { orgs, date }): Promise<LocatedFinding[]> {
    const policy = await getTermPolicy(db);
    const candidates = await findCandidateOrgs(db, {
      orgs,
      today: date,
      warnUntil: addMonths(date, policy.warnMonths),
    });
    const ids = candidates.map((c) => c.id);
    const tenures = await tenuresByOrg(db, ids);
    const terms = new Map((await listCurrentTerms(db, ids)).map((t) => [t.orgId, t]));
    return candidates.flatMap((c) =>
      orgFindings(
        {
          ...c,
          dissolvedOn: null,
          posts: tenures.get(c.id) ?? [],
          term: terms.get(c.id) ?? null,
          roster: null,
        },
        date,
        policy,
      )
        .filter((finding) => KINDS.includes(finding.kind))
        .map((finding) => ({ orgId: c.id, finding })),
    );
  },
};
