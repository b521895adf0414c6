import type { BranchRoster } from '../../../domain/org/index.ts';
import type { IsoDate } from '../../../domain/shared/index.ts';
import type { Db } from '../../db/client.ts';
import type { Scope } from '../../db/scope.ts';
import { type RosterCandidate, selectRosterCandidates, sumBranchRoster } from './branch-rosters.repo.ts';

/**
 * What the org findings need of the roster (docs/organizations.md §4, §5), for the orgs module: a branch's own roster
 * counts (its members and its 党小组's), and the branches of a subtree whose counts may give a finding.
 */
export function branchRoster(db: Db, branchId: number): Promise<BranchRoster> {
  return sumBranchRoster(db, branchId);
}

export function findRosterCandidates(
  db: Db,
  filter: { scope: Scope; within: string | null; today: IsoDate },
): Promise<RosterCandidate[]> {
  return selectRosterCandidates(db, filter);
}
