import { type Denial, deny } from '../shared/index.ts';
import type { VoteChoice } from './meetings.ts';
import type { VoteTally } from './quorum.ts';
import type { OrgLifeReason } from './reasons.ts';

/** A voting member 应到会 as the ballot checks them: present or not. */
export type Voter = { readonly memberId: number; readonly hasVote: boolean; readonly present: boolean };
export type Ballot = { readonly memberId: number; readonly choice: VoteChoice; readonly written: boolean };

/**
 * An open vote, one ballot per person (docs/organizational-life.md §3): each voter a voting member 应到会 — present,
 * or absent and giving their opinion in writing (only 赞成 in writing is counted, as `writtenInFavour`; a written
 * 反对 or 弃权 is kept but changes nothing). Answers the tally the ballots make.
 */
export function tallyBallots(
  ballots: readonly Ballot[],
  voters: readonly Voter[],
): { readonly ok: true; readonly tally: VoteTally } | Denial<OrgLifeReason> {
  const byId = new Map(voters.map((v) => [v.memberId, v]));
  const seen = new Set<number>();
  const tally = { inFavour: 0, against: 0, abstain: 0, writtenInFavour: 0 };
  for (const b of ballots) {
    const voter = byId.get(b.memberId);
    if (seen.has(b.memberId))
      return deny('ballot_duplicate', '每人只能投一票', { details: { memberId: b.memberId } });
    seen.add(b.memberId);
    if (!voter?.hasVote) {
      return deny('ballot_not_entitled', '投票人不是应到会的有表决权党员', {
        details: { memberId: b.memberId },
      });
    }
    if (voter.present === b.written) {
      return deny(
        'ballot_presence_mismatch',
        b.written ? '到会党员应当场表决，不能按书面意见登记' : '未到会党员只能以书面形式表达意见',
        { details: { memberId: b.memberId } },
      );
    }
    if (b.written) {
      if (b.choice === 'in_favour') tally.writtenInFavour += 1;
    } else if (b.choice === 'in_favour') tally.inFavour += 1;
    else if (b.choice === 'against') tally.against += 1;
    else tally.abstain += 1;
  }
  return { ok: true, tally };
}
