import { addMonths, daysBetween, type IsoDate } from '../shared/index.ts';
import { type BranchRoster, branchRosterFindings } from './branch-roster.ts';
import { headPost, isActiveOn, LEADERSHIP_POST_LABELS, type PostTenure } from './leadership.ts';
import { isBranchKind, type OrgKind } from './org-kinds.ts';
import {
  type CommitteeTerm,
  ELECTION_DELAY_ARTICLE,
  hasElectedTerm,
  TERM_ARTICLE,
  type TermPolicy,
} from './terms.ts';

export const FINDING_KINDS = [
  'term_expired',
  'term_expiring',
  'head_vacant',
  'branch_too_few_members',
  'branch_needs_committee',
  'branch_too_large',
  // About one member or transfer of the org (membership/member-deadlines.ts): each row names its subject.
  'probation_ending',
  'probation_overdue',
  'unreachable_long',
  'suspended_long',
  'member_unplaced',
  'transfer_awaiting',
  'transfer_overdue',
  // About one member's account (access/departed-accounts.ts): its subject is the account.
  'departed_member_account',
  // A 支部大会 decision waiting for the approval of the level above (docs/membership.md §12): its subject is the member.
  'decision_awaiting_approval',
  'decision_approval_overdue',
  // Organizational life (docs/organizational-life.md §6): a branch's requirements, and a member's absence.
  'org_life_due',
  'org_life_missing',
  'org_life_not_closed',
  'org_life_absent',
  'org_life_lapse',
  // Dues (docs/dues.md §5): a member's arrears, and at 6 months a 党章第九条 case to open.
  'dues_arrears',
  'dues_lapse',
  // Dues (docs/dues.md §8): a branch's members who owe the month without a base on record (未核定基数).
  'dues_base_missing',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** The findings about one member or one transfer of an org, not the org itself (membership/member-deadlines.ts). */
export const MEMBER_FINDING_KINDS: readonly FindingKind[] = [
  'probation_ending',
  'probation_overdue',
  'unreachable_long',
  'suspended_long',
  'member_unplaced',
  'transfer_awaiting',
  'transfer_overdue',
  'departed_member_account',
  'decision_awaiting_approval',
  'decision_approval_overdue',
  'org_life_absent',
  'org_life_lapse',
  'dues_arrears',
  'dues_lapse',
];

/**
 * Whom a finding is about when not the org itself: one of its members, a transfer it sends or receives, or the
 * account of one of its members.
 */
export type FindingSubject = {
  readonly type: 'member' | 'transfer' | 'account';
  readonly id: number;
  /** The person's name, as the list shows it. */
  readonly name: string;
};

/** The findings of organizational life (docs/organizational-life.md §6): the compliance module's. */
export const ORG_LIFE_FINDING_KINDS: readonly FindingKind[] = [
  'org_life_due',
  'org_life_missing',
  'org_life_not_closed',
  'org_life_absent',
  'org_life_lapse',
];

/** The findings of dues about a 党支部 itself (docs/dues.md §8): the dues-bases module's. */
export const DUES_ORG_FINDING_KINDS: readonly FindingKind[] = ['dues_base_missing'];

/** The findings that need a branch's roster counts (branch-roster.ts). */
export const ROSTER_FINDING_KINDS: readonly FindingKind[] = [
  'branch_too_few_members',
  'branch_needs_committee',
  'branch_too_large',
];

export const SEVERITIES = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A shortfall derived from facts plus rules (docs/design.md §1.3): never typed in by anyone. */
export type OrgFinding = {
  readonly kind: FindingKind;
  readonly severity: Severity;
  readonly message: string;
  readonly article: string;
  /** The date the finding is about: the term end, or the day a vacancy began. */
  readonly date: IsoDate | null;
  /** Days past (positive) or until (negative) `date`, where that means something. */
  readonly days: number | null;
  /** Whom it is about, for the kinds of MEMBER_FINDING_KINDS; absent (the org itself) for the others. */
  readonly subject?: FindingSubject | undefined;
};

export type OrgFindingInput = {
  readonly kind: OrgKind;
  readonly establishedOn: IsoDate | null;
  readonly dissolvedOn: IsoDate | null;
  readonly posts: readonly PostTenure[];
  /** The committee's current term (届), if one is recorded (docs/organizations.md §7). */
  readonly term?: Pick<CommitteeTerm, 'electedOn' | 'endsOn'> | null;
  /** A 党支部's own roster counts (with its 党小组); absent when not counted, and for other kinds. */
  readonly roster?: BranchRoster | null;
};

/** Since when the head post has been empty: the last holder's leaving day, else the org's founding. */
export function vacantSince(input: OrgFindingInput, today: IsoDate): IsoDate | null {
  const head = headPost(input.kind);
  let lastLeft: IsoDate | null = null;
  for (const p of input.posts) {
    if (
      p.post === head &&
      p.leftOn !== null &&
      p.leftOn <= today &&
      (lastLeft === null || p.leftOn > lastLeft)
    ) {
      lastLeft = p.leftOn;
    }
  }
  return lastLeft ?? input.establishedOn;
}

/** Does this deployment follow the head post and the term of this kind (CFG, docs/organizations.md §8)? */
export function isFollowedKind(kind: OrgKind, policy: TermPolicy): boolean {
  return policy.followedKinds.includes(kind);
}

function termFindings(input: OrgFindingInput, today: IsoDate, policy: TermPolicy): OrgFinding[] {
  if (!hasElectedTerm(input.kind) || !isFollowedKind(input.kind, policy) || !input.term) return [];
  const end = input.term.endsOn;
  if (end < today) {
    const days = daysBetween(end, today);
    return [
      {
        kind: 'term_expired',
        severity: 'critical',
        message: `任期已于${end}届满${days}天，应按期换届；延期须经上级批准，一般不超过1年`,
        article: `${TERM_ARTICLE}；${ELECTION_DELAY_ARTICLE}`,
        date: end,
        days,
      },
    ];
  }
  if (end <= addMonths(today, policy.warnMonths)) {
    const urgent = end <= addMonths(today, policy.urgentMonths);
    return [
      {
        kind: 'term_expiring',
        severity: urgent ? 'critical' : 'warning',
        message: `任期将于${end}届满（${daysBetween(today, end)}天后），请做好换届准备`,
        article: TERM_ARTICLE,
        date: end,
        days: -daysBetween(today, end),
      },
    ];
  }
  return [];
}

/**
 * Who fills the head post, and by which article (docs/organizations.md §5, §7): a 党小组长 is designated by the
 * branch; a 党工委's and a 临时党支部's head is appointed above; elsewhere the committee (or the 党员大会) elects
 * the 书记, with the approval of the level above, who may also designate one.
 */
function vacancyRemedy(kind: OrgKind): { action: string; article: string } {
  if (kind === 'group') return { action: '应由党支部及时指定党小组长', article: '支部工作条例第十三条' };
  if (kind === 'working_committee') return { action: '应由上级党委及时任命', article: '党章第二十九条' };
  if (kind === 'temporary_branch') {
    return { action: '应由批准成立的党组织及时指定', article: '支部工作条例第四条' };
  }
  if (isBranchKind(kind)) {
    return { action: '应及时补选或由上级党组织指派', article: '党章第三十一条；支部工作条例第二十一条' };
  }
  return { action: '应及时补选或由上级党组织指派', article: '党章第三十一条；基层组织选举工作条例' };
}

function vacancyFindings(input: OrgFindingInput, today: IsoDate, policy: TermPolicy): OrgFinding[] {
  if (!isFollowedKind(input.kind, policy)) return [];
  const head = headPost(input.kind);
  if (input.posts.some((p) => p.post === head && isActiveOn(p, today))) return [];
  const since = vacantSince(input, today);
  const days = since === null ? null : daysBetween(since, today);
  const label = LEADERSHIP_POST_LABELS[head];
  const remedy = vacancyRemedy(input.kind);
  return [
    {
      kind: 'head_vacant',
      severity: days !== null && days >= policy.vacancyCriticalDays ? 'critical' : 'warning',
      message:
        since === null
          ? `${label}空缺，${remedy.action}`
          : `${label}自${since}起空缺${days}天，${remedy.action}`,
      article: remedy.article,
      date: since,
      days,
    },
  ];
}

/**
 * Findings for one org on `today` (docs/organizations.md §8): the committee's term (届) expired or expiring within
 * the reminder window, the head post (书记 or 党小组长) vacant with how long — both only for the kinds the
 * deployment follows (TermPolicy.followedKinds) —, and for a 党支部 with its roster
 * counts: fewer than 3 正式党员, 7 or more without a 支部委员会, more than 50 members. A dissolved org has none.
 */
export function orgFindings(input: OrgFindingInput, today: IsoDate, policy: TermPolicy): OrgFinding[] {
  if (input.dissolvedOn !== null && input.dissolvedOn <= today) return [];
  return [
    ...termFindings(input, today, policy),
    ...vacancyFindings(input, today, policy),
    ...branchRosterFindings(input.kind, input.roster, input.posts, today),
  ];
}
