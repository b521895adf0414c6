import { isBranchKind, type OrgKind } from '../org/index.ts';
import { allow, type Decision, deny, type IsoDate } from '../shared/index.ts';
import type { OrgLifeReason } from './reasons.ts';

/**
 * 谈心谈话 (docs/organizational-life.md §1, §5.3; 中国共产党支部工作条例（试行）第十九条): who talked with whom and when,
 * and the yearly coverage of the pairings a deployment requires.
 */
export const TALK_ARTICLE = '中国共产党支部工作条例（试行）第十九条';

/**
 * The pairings that may be required (CFG): the 书记 with each 支委, the 书记 with each member, the 支委 with each
 * other, and every member with every other one.
 */
export const TALK_PAIRINGS = [
  'secretary_committee',
  'secretary_member',
  'committee_committee',
  'member_member',
] as const;
export type TalkPairing = (typeof TALK_PAIRINGS)[number];
export const TALK_PAIRING_LABELS: Record<TalkPairing, string> = {
  secretary_committee: '书记与支部委员',
  secretary_member: '书记与党员',
  committee_committee: '支部委员之间',
  member_member: '党员之间',
};

/** The default (§5.3): 书记 with every 支委 and every member, 支委 with each other; member with member is off. */
export const DEFAULT_TALK_PAIRINGS: readonly TalkPairing[] = [
  'secretary_committee',
  'secretary_member',
  'committee_committee',
];

/** A member of the branch on the day judged, with the committee posts they hold that day. */
export type TalkPerson = {
  readonly memberId: number;
  readonly secretary: boolean;
  readonly committee: boolean;
};

/** An unordered pair, the lower id first. */
export type TalkPair = { readonly a: number; readonly b: number };

export function pairOf(x: number, y: number): TalkPair {
  return x < y ? { a: x, b: y } : { a: y, b: x };
}

export function pairKey(p: TalkPair): string {
  return `${p.a}-${p.b}`;
}

function pairingHolds(pairing: TalkPairing, x: TalkPerson, y: TalkPerson): boolean {
  const committee = (p: TalkPerson) => p.committee || p.secretary;
  switch (pairing) {
    case 'secretary_committee':
      return (x.secretary && committee(y)) || (y.secretary && committee(x));
    case 'secretary_member':
      return x.secretary || y.secretary;
    case 'committee_committee':
      return committee(x) && committee(y);
    case 'member_member':
      return true;
  }
}

/** The pairs the configured pairings require among these people (§5.3), each once, in a stable order. */
export function requiredTalkPairs(
  people: readonly TalkPerson[],
  pairings: readonly TalkPairing[],
): TalkPair[] {
  const sorted = [...people].sort((p, q) => p.memberId - q.memberId);
  const pairs: TalkPair[] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const x = sorted[i] as TalkPerson;
      const y = sorted[j] as TalkPerson;
      if (x.memberId === y.memberId) continue;
      if (pairings.some((p) => pairingHolds(p, x, y))) pairs.push(pairOf(x.memberId, y.memberId));
    }
  }
  return pairs;
}

export type TalkCoverage = {
  readonly required: number;
  readonly covered: number;
  readonly missing: readonly TalkPair[];
};

/** Coverage for a year (§5.3): a required pair is covered by at least one talk between the two that year. */
export function talkCoverage(
  required: readonly TalkPair[],
  talks: readonly { readonly memberId: number; readonly partnerId: number }[],
): TalkCoverage {
  const held = new Set(talks.map((t) => pairKey(pairOf(t.memberId, t.partnerId))));
  const missing = required.filter((p) => !held.has(pairKey(p)));
  return { required: required.length, covered: required.length - missing.length, missing };
}

/**
 * A talk record (§5.3): in a 党支部 kind, between two different members of the branch (or its groups), on a day not
 * in the future.
 */
export function checkTalk(
  input: {
    readonly orgKind: OrgKind;
    readonly memberId: number;
    readonly partnerId: number;
    readonly bothInBranch: boolean;
    readonly talkedOn: IsoDate;
  },
  today: IsoDate,
): Decision<OrgLifeReason> {
  if (!isBranchKind(input.orgKind)) {
    return deny('talk_not_branch', '谈心谈话记在党支部，请选择党支部', { article: TALK_ARTICLE });
  }
  if (input.memberId === input.partnerId) {
    return deny('talk_same_member', '谈话双方不能是同一名党员');
  }
  if (!input.bothInBranch) {
    return deny('talk_member_not_in_branch', '谈话双方须是本支部的党员', { article: TALK_ARTICLE });
  }
  if (input.talkedOn > today) {
    return deny('talk_in_future', '谈话日期不能晚于今天');
  }
  return allow;
}
