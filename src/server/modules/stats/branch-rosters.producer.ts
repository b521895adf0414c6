import { branchRosterFindings, type PostTenure, ROSTER_FINDING_KINDS } from '../../../domain/org/index.ts';
import type { LocatedFinding, TodoProducer } from '../../todos/index.ts';
import { selectCommitteeTenures, selectRosterCandidates } from './branch-rosters.repo.ts';

/**
 * 正式党员不足3名, 应设支部委员会 and 党员超过50名 (docs/organizations.md §4, §5, §8): SQL narrows the branches to
 * those whose roster counts (the rollup's, kept in the writers' transactions) can give one; the rule
 * (branchRosterFindings) decides for each, with its committee posts.
 */
export const rosterFindingsProducer: TodoProducer = {
  name: 'stats.branch-rosters',
  kinds: ROSTER_FINDING_KINDS,
  severities: ['warning'],
  article: 'docs/organizations.md §4',
  inputs: ['org', 'posts', 'roster'],
  // A committee post starts or ends on a day.
  dated: true,
  async produce({ db }, { orgs, date }): Promise<LocatedFinding[]> {
    const candidates = await selectRosterCandidates(db, { orgs, today: date });
    const posts = new Map<number, PostTenure[]>();
    for (const { orgId, ...tenure } of await selectCommitteeTenures(
      db,
      candidates.map((c) => c.id),
    )) {
      posts.set(orgId, [...(posts.get(orgId) ?? []), tenure]);
    }
    return candidates.flatMap((c) =>
      branchRosterFindings(c.kind, c.roster, posts.get(c.id) ?? [], date).map((finding) => ({
        orgId: c.id,
        finding,
      })),
    );
  },
};
