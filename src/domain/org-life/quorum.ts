import type { MemberStatus } from '../membership/index.ts';
import { allow, type Decision, deny } from '../shared/index.ts';
import type { MeetingKind } from './compliance-rules.ts';
import type { OrgLifeReason } from './reasons.ts';

export const VOTE_ARTICLE = '党章第七条；中国共产党支部工作条例（试行）第十一条';
export const ELECTION_QUORUM_ARTICLE = '中国共产党基层组织选举工作条例';

/** A member expected at a meeting (应到会), as the roster gives them on its date. */
export type ExpectedAttendee = {
  readonly status: MemberStatus;
  /** Under the discipline 留党察看: attends, has no vote. */
  readonly onProbationDiscipline: boolean;
  readonly present: boolean;
};

/**
 * Only a full member not under 留党察看 votes (党章第七条; docs/organizational-life.md §3, §7.4): 预备党员 and members
 * under 留党察看 attend without a vote and are outside both the numerator and the denominator.
 */
export function hasVote(member: Pick<ExpectedAttendee, 'status' | 'onProbationDiscipline'>): boolean {
  return member.status === 'full' && !member.onProbationDiscipline;
}

/** 应到会 and 实到会 with a vote. */
export type VotingCount = { readonly entitled: number; readonly present: number };

export function votingCount(attendees: readonly ExpectedAttendee[]): VotingCount {
  const voting = attendees.filter(hasVote);
  return { entitled: voting.length, present: voting.filter((a) => a.present).length };
}

/** `general`: 党员大会; `committee`: 支委会 (of the committee in office); `election`: a meeting that elects. */
export type QuorumKind = 'general' | 'committee' | 'election';

/**
 * Quorum (docs/organizational-life.md §3, §7.4): more than half of those entitled for a 党员大会 and a 支委会, more
 * than four fifths for an election (选举工作条例). Integer arithmetic: no rounding.
 */
export function checkQuorum(kind: QuorumKind, count: VotingCount): Decision<OrgLifeReason> {
  if (count.entitled === 0) {
    return deny('no_voting_members', '应到会人员中没有有表决权的正式党员，不能开会表决', {
      article: VOTE_ARTICLE,
    });
  }
  const reached =
    kind === 'election' ? count.present * 5 > count.entitled * 4 : count.present * 2 > count.entitled;
  if (reached) return allow;
  const who = kind === 'committee' ? '支部委员' : '有表决权的党员';
  const share = kind === 'election' ? '五分之四' : '半数';
  return deny(
    'quorum_not_reached',
    `实到会${who}${count.present}人，未超过应到会${count.entitled}人的${share}`,
    {
      article: kind === 'election' ? ELECTION_QUORUM_ARTICLE : VOTE_ARTICLE,
      details: { entitled: count.entitled, present: count.present },
    },
  );
}

/** Only a 党员大会 votes on admission, 转正, extension, disposal of members and elections (docs/organizational-life.md §3). */
export function checkVotingMeeting(kinds: readonly MeetingKind[]): Decision<OrgLifeReason> {
  if (kinds.includes('general_meeting')) return allow;
  return deny(
    'vote_only_at_general_meeting',
    '接收预备党员、转正、延长预备期、处置党员和选举只能由支部党员大会表决',
    {
      article: VOTE_ARTICLE,
    },
  );
}

/** The tallies of one vote on one matter or one person, of the voting members. */
export type VoteTally = {
  readonly inFavour: number;
  readonly against: number;
  readonly abstain: number;
  /** Written opinions in favour, submitted before the meeting by voting members not present. */
  readonly writtenInFavour: number;
};

export type VoteOptions = { readonly countWrittenOpinions: boolean };

/**
 * A resolution passes with votes in favour from more than half of the voting members entitled (应到会), not of those
 * present (docs/organizational-life.md §3, §7.4); a tie fails. Written opinions count when configured (CFG, on by
 * default in the docs). The quorum is checked first; the votes cast cannot exceed the voters present.
 */
export function checkVote(
  count: VotingCount,
  tally: VoteTally,
  options: VoteOptions = { countWrittenOpinions: true },
): Decision<OrgLifeReason> {
  const quorum = checkQuorum('general', count);
  if (!quorum.ok) return quorum;
  const written = options.countWrittenOpinions ? tally.writtenInFavour : 0;
  if (
    tally.inFavour + tally.against + tally.abstain > count.present ||
    tally.writtenInFavour > count.entitled - count.present
  ) {
    return deny('vote_tally_exceeds_present', '表决票数超过实到会（或书面表达意见）的有表决权党员人数');
  }
  const inFavour = tally.inFavour + written;
  if (inFavour * 2 > count.entitled) return allow;
  return deny(
    'majority_not_reached',
    `赞成${inFavour}票，未超过应到会有表决权党员${count.entitled}人的半数，不能通过`,
    { article: VOTE_ARTICLE, details: { entitled: count.entitled, inFavour } },
  );
}
