import type { Db } from '../../db/client.ts';
import { orgsWithClosedRound } from './appraisals.repo.ts';

/**
 * Whether each of these branches held its 民主评议党员 of the year (docs/organizational-life.md §5.1; 第十八条): a
 * round counts once closed, like a meeting. For the compliance module; no scope here, the caller's orgs are in it.
 */
export async function appraisalHeld(db: Db, orgIds: readonly number[], year: number): Promise<Set<number>> {
  return orgsWithClosedRound(db, orgIds, year);
}
