import type { TalkCoverageView } from '../../../contracts/talks.ts';
import type { Db } from '../../db/client.ts';
import type { OrgRef } from '../../db/org-refs.ts';
import { coverageOf } from './talk-coverage.service.ts';

/**
 * A branch's talk coverage of a year (docs/organizational-life.md §5.3; 第十九条) as the compliance module counts
 * it: the required pairs, those covered and those missing, judged on the year's last day (or `today` within it).
 * No scope here: the caller's org is in it.
 */
export async function talkPairsCovered(
  db: Db,
  org: Pick<OrgRef, 'id' | 'name' | 'path'>,
  year: number,
  today: string,
): Promise<Pick<TalkCoverageView, 'required' | 'covered' | 'missing'>> {
  const { required, covered, missing } = await coverageOf(db, org, year, today);
  return { required, covered, missing };
}
