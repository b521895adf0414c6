import type { z } from 'zod';
import type { TalkCoverageQuery, TalkCoverageView } from '../../../contracts/talks.ts';
import { requiredTalkPairs, talkCoverage } from '../../../domain/org-life/index.ts';
import { orgIn, scopeFor } from '../../access/index.ts';
import type { Ctx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { committeeHoldersOn, listBranchMembers } from '../appraisals/index.ts';
import { getAppraisalTalkSettings } from '../settings/index.ts';
import { talkPairsOf } from './talks.repo.ts';

/** The day coverage is judged on: the year's last day, or today within the current year (§5.3). */
function asOfDay(year: number, today: string): string {
  const last = `${year}-12-31`;
  return today < last ? today : last;
}

/**
 * The coverage of a branch for a year (docs/organizational-life.md §5.3): the configured pairings (CFG) among the
 * branch's members and committee post holders on the day judged, and the talks of that year between them.
 */
export async function coverageOf(
  db: Db,
  org: { id: number; name: string; path: string },
  year: number,
  today: string,
): Promise<TalkCoverageView> {
  const asOf = asOfDay(year, today);
  const [roster, holders, talks, settings] = await Promise.all([
    listBranchMembers(db, org.path),
    committeeHoldersOn(db, org.id, asOf),
    talkPairsOf(db, org.id, year),
    getAppraisalTalkSettings(db),
  ]);
  const pairings = settings.talkPairings;
  const people = roster.map((m) => ({
    memberId: m.memberId,
    name: m.name,
    secretary: holders.secretary.has(m.name),
    committee: holders.committee.has(m.name),
  }));
  const coverage = talkCoverage(requiredTalkPairs(people, pairings), talks);
  const names = new Map(people.map((p) => [p.memberId, p.name]));
  const ref = (memberId: number) => ({ memberId, name: names.get(memberId) ?? '' });
  return {
    orgId: org.id,
    orgName: org.name,
    year,
    asOf,
    pairings: [...pairings],
    people,
    required: coverage.required,
    covered: coverage.covered,
    missing: coverage.missing.map((p) => ({ a: ref(p.a), b: ref(p.b) })),
  };
}

export async function getTalkCoverage(
  ctx: Ctx,
  query: z.output<typeof TalkCoverageQuery>,
): Promise<TalkCoverageView> {
  const org = await orgIn(ctx, scopeFor(ctx, 'org_life.read'), query.orgId);
  return coverageOf(ctx.db, org, query.year, ctx.today);
}
