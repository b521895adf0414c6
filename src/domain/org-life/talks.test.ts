import { describe, expect, it } from 'vitest';
import {
  checkTalk,
  DEFAULT_TALK_PAIRINGS,
  pairKey,
  requiredTalkPairs,
  type TalkPerson,
  talkCoverage,
} from './talks.ts';

const person = (memberId: number, role: 'secretary' | 'committee' | 'member'): TalkPerson => ({
  memberId,
  secretary: role === 'secretary',
  committee: role === 'committee',
});

/** A branch: 书记 1, 支委 2 and 3, members 4, 5, 6. */
const branch = [
  person(1, 'secretary'),
  person(2, 'committee'),
  person(3, 'committee'),
  person(4, 'member'),
  person(5, 'member'),
  person(6, 'member'),
];

describe('required pairs (第十九条, §5.3)', () => {
  it('by default: the secretary with everyone, and the committee with each other', () => {
    const pairs = requiredTalkPairs(branch, DEFAULT_TALK_PAIRINGS).map(pairKey);
    expect(pairs).toEqual(['1-2', '1-3', '1-4', '1-5', '1-6', '2-3']);
  });

  it.each([
    [['secretary_committee'] as const, ['1-2', '1-3']],
    [['committee_committee'] as const, ['1-2', '1-3', '2-3']],
    [['secretary_member'] as const, ['1-2', '1-3', '1-4', '1-5', '1-6']],
  ])('%j → %j', (pairings, expected) => {
    expect(requiredTalkPairs(branch, pairings).map(pairKey)).toEqual(expected);
  });

  it('member with member is every pair: n(n-1)/2', () => {
    expect(requiredTalkPairs(branch, ['member_member'])).toHaveLength(15);
  });

  it('no secretary on the roster: no secretary pairs', () => {
    const headless = branch.filter((p) => !p.secretary);
    expect(requiredTalkPairs(headless, DEFAULT_TALK_PAIRINGS).map(pairKey)).toEqual(['2-3']);
  });
});

describe('coverage for a year', () => {
  const required = requiredTalkPairs(branch, DEFAULT_TALK_PAIRINGS);
  it('counts a pair covered by a talk in either direction, once however many talks', () => {
    const c = talkCoverage(required, [
      { memberId: 4, partnerId: 1 },
      { memberId: 1, partnerId: 4 },
      { memberId: 2, partnerId: 3 },
      { memberId: 5, partnerId: 6 },
    ]);
    expect(c.required).toBe(6);
    expect(c.covered).toBe(2);
    expect(c.missing.map(pairKey)).toEqual(['1-2', '1-3', '1-5', '1-6']);
  });

  it('is complete when every required pair talked', () => {
    const talks = required.map((p) => ({ memberId: p.b, partnerId: p.a }));
    expect(talkCoverage(required, talks)).toEqual({ required: 6, covered: 6, missing: [] });
  });
});

describe('a talk record', () => {
  const base = {
    orgKind: 'branch' as const,
    memberId: 1,
    partnerId: 2,
    bothInBranch: true,
    talkedOn: '2026-12-01',
  };
  const today = '2026-12-05';
  it('is accepted between two members of the branch, not in the future', () => {
    expect(checkTalk(base, today)).toEqual({ ok: true });
    expect(checkTalk({ ...base, partnerId: 1 }, today)).toMatchObject({ reason: 'talk_same_member' });
    expect(checkTalk({ ...base, bothInBranch: false }, today)).toMatchObject({
      reason: 'talk_member_not_in_branch',
    });
    expect(checkTalk({ ...base, talkedOn: '2026-12-06' }, today)).toMatchObject({ reason: 'talk_in_future' });
    expect(checkTalk({ ...base, orgKind: 'group' }, today)).toMatchObject({ reason: 'talk_not_branch' });
  });
});
