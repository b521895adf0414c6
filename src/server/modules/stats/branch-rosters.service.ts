import type { BranchRoster } from '../../../domain/org/index.ts';
import type { Db } from '../../db/client.ts';
import { sumBranchRoster } from './branch-rosters.repo.ts';

/**
 * What an org's view needs of the roster (docs/organizations.md §4, §5), for the orgs module: a branch's own roster
 * counts (its members and its 党小组's).
 */
export function branchRoster(db: Db, branchId: number): Promise<BranchRoster> {
  return sumBranchRoster(db, branchId);
}
