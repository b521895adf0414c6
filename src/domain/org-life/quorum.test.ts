import { describe, expect, it } from 'vitest';
import type { MemberStatus } from '../membership/index.ts';
import {
  checkQuorum,
  checkVote,
  checkVotingMeeting,
  type ExpectedAttendee,
  hasVote,
  type QuorumKind,
  type VoteTally,
  votingCount,
} from './quorum.ts';

const member = (status: MemberStatus, present: boolean, onProbationDiscipline = false): ExpectedAttendee => ({
  status,
  present,
  onProbationDiscipline,
});

describe('who votes (党章第七条)', () => {
  it.each<[MemberStatus, boolean, boolean]>([
    ['full', false, true],
    ['full', true, false],
    ['probationary', false, false],
    ['suspended', false, false],
  ])('%s, under 留党察看 %s → votes %s', (status, discipline, votes) => {
    expect(hasVote({ status, onProbationDiscipline: discipline })).toBe(votes);
  });

  it('leaves probationary members and those under 留党察看 out of numerator and denominator', () => {
    const attendees = [
      member('full', true),
      member('full', true),
      member('full', false),
      member('probationary', true),
      member('probationary', true),
      member('full', true, true),
    ];
    expect(votingCount(attendees)).toEqual({ entitled: 3, present: 2 });
    expect(checkQuorum('general', votingCount(attendees)).ok).toBe(true);
    // Counting the probationary members present would turn a failed quorum into a reached one.
    const few = [member('full', true), member('full', false), member('probationary', true)];
    expect(checkQuorum('general', votingCount(few)).ok).toBe(false);
  });
});

describe('checkQuorum', () => {
  it.each<[QuorumKind, number, number, string | null]>([
    ['general', 10, 6, null],
    ['general', 10, 5, 'quorum_not_reached'],
    ['general', 9, 5, null],
    ['general', 9, 4, 'quorum_not_reached'],
    ['committee', 5, 3, null],
    ['committee', 4, 2, 'quorum_not_reached'],
    ['election', 10, 9, null],
    ['election', 10, 8, 'quorum_not_reached'],
    ['election', 5, 5, null],
    ['election', 5, 4, 'quorum_not_reached'],
    ['general', 0, 0, 'no_voting_members'],
  ])('%s: %i entitled, %i present → %s', (kind, entitled, present, reason) => {
    const d = checkQuorum(kind, { entitled, present });
    expect(d.ok ? null : d.reason).toBe(reason);
  });

  it('says why in Chinese', () => {
    const d = checkQuorum('election', { entitled: 10, present: 8 });
    expect(d.ok ? '' : d.message).toBe('实到会有表决权的党员8人，未超过应到会10人的五分之四');
  });
});

describe('checkVote: more than half of the voting members entitled, not of those present', () => {
  const tally = (inFavour: number, against: number, abstain = 0, writtenInFavour = 0): VoteTally => ({
    inFavour,
    against,
    abstain,
    writtenInFavour,
  });
  it.each<[number, number, VoteTally, boolean, string | null]>([
    [10, 8, tally(6, 2), true, null],
    // A majority of those present but not of those entitled.
    [10, 8, tally(5, 3), true, 'majority_not_reached'],
    // A tie fails.
    [10, 10, tally(5, 5), true, 'majority_not_reached'],
    [4, 4, tally(2, 2), true, 'majority_not_reached'],
    // Written opinions count when configured.
    [10, 7, tally(5, 2, 0, 1), true, null],
    [10, 7, tally(5, 2, 0, 1), false, 'majority_not_reached'],
    [10, 5, tally(5, 0), true, 'quorum_not_reached'],
    [10, 8, tally(6, 2, 1), true, 'vote_tally_exceeds_present'],
    [10, 8, tally(6, 0, 0, 3), true, 'vote_tally_exceeds_present'],
  ])('%i entitled, %i present, %o (written counted %s) → %s', (entitled, present, t, written, reason) => {
    const d = checkVote({ entitled, present }, t, { countWrittenOpinions: written });
    expect(d.ok ? null : d.reason).toBe(reason);
  });
});

describe('checkVotingMeeting: only a 党员大会 votes', () => {
  it.each<[Parameters<typeof checkVotingMeeting>[0], boolean]>([
    [['general_meeting'], true],
    [['theme_day', 'general_meeting'], true],
    [['committee_meeting'], false],
    [['group_meeting'], false],
  ])('%o → %s', (kinds, ok) => {
    const d = checkVotingMeeting(kinds);
    expect(d.ok).toBe(ok);
    if (!d.ok) expect(d.reason).toBe('vote_only_at_general_meeting');
  });
});
