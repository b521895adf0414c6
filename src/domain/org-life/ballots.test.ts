import { describe, expect, it } from 'vitest';
import { type Ballot, tallyBallots, type Voter } from './ballots.ts';

const voters: Voter[] = [
  { memberId: 1, hasVote: true, present: true },
  { memberId: 2, hasVote: true, present: true },
  { memberId: 3, hasVote: true, present: false },
  { memberId: 4, hasVote: false, present: true },
];
const reason = (d: { ok: boolean; reason?: string }) => (d.ok ? 'ok' : d.reason);

describe('an open vote, one ballot per person (docs/organizational-life.md §3)', () => {
  it('tallies the ballots of those present and the written opinions in favour of those absent', () => {
    const ballots: Ballot[] = [
      { memberId: 1, choice: 'in_favour', written: false },
      { memberId: 2, choice: 'against', written: false },
      { memberId: 3, choice: 'in_favour', written: true },
    ];
    expect(tallyBallots(ballots, voters)).toEqual({
      ok: true,
      tally: { inFavour: 1, against: 1, abstain: 0, writtenInFavour: 1 },
    });
  });

  it.each<[string, Ballot[], string]>([
    [
      'twice by one person',
      [1, 1].map((memberId) => ({ memberId, choice: 'abstain', written: false })),
      'ballot_duplicate',
    ],
    [
      'by a probationary member',
      [{ memberId: 4, choice: 'in_favour', written: false }],
      'ballot_not_entitled',
    ],
    [
      'by someone not expected',
      [{ memberId: 9, choice: 'in_favour', written: false }],
      'ballot_not_entitled',
    ],
    [
      'in writing by someone present',
      [{ memberId: 1, choice: 'in_favour', written: true }],
      'ballot_presence_mismatch',
    ],
    [
      'in the room by someone absent',
      [{ memberId: 3, choice: 'in_favour', written: false }],
      'ballot_presence_mismatch',
    ],
  ])('refuses a ballot cast %s', (_, ballots, expected) => {
    expect(reason(tallyBallots(ballots, voters))).toBe(expected);
  });
});
