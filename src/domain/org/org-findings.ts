import { addMonths, daysBetween, type IsoDate } from '../shared/index.ts';
import { type BranchRoster, branchRosterFindings } from './branch-roster.ts';
import { headPost, isActiveOn, LEADERSHIP_POST_LABELS, type PostTenure } from './leadership.ts';
import type { OrgKind } from './org-kinds.ts';
import { ELECTION_DELAY_ARTICLE, hasElectedTerm, TERM_ARTICLE, type TermPolicy } from './terms.ts';

export const FINDING_KINDS = [
  'term_expired',
  'term_expiring',
  'head_vacant',
  'branch_too_few_members',
  'branch_needs_committee',
  'branch_too_large',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

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
};

export type OrgFindingInput = {
  readonly kind: OrgKind;
  readonly establishedOn: IsoDate | null;
  readonly dissolvedOn: IsoDate | null;
  readonly posts: readonly PostTenure[];
  /** A 党支部's own roster counts (with its 党小组); absent when not counted, and for other kinds. */
  readonly roster?: BranchRoster | null;
};

/** The end of the current term: the sitting head's term, else the latest among sitting post holders. */
export function currentTermEnd(posts: readonly PostTenure[], kind: OrgKind, today: IsoDate): IsoDate | null {
  const active = posts.filter((p) => isActiveOn(p, today));
  const head = active.find((p) => p.post === headPost(kind));
  if (head) return head.endsOn;
  return active.reduce<IsoDate | null>(
    (latest, p) => (latest === null || p.endsOn > latest ? p.endsOn : latest),
    null,
  );
}

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

function termFindings(input: OrgFindingInput, today: IsoDate, policy: TermPolicy): OrgFinding[] {
  if (!hasElectedTerm(input.kind)) return [];
  const end = currentTermEnd(input.posts, input.kind, today);
  if (end === null) return [];
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

function vacancyFindings(input: OrgFindingInput, today: IsoDate, policy: TermPolicy): OrgFinding[] {
  const head = headPost(input.kind);
  if (input.posts.some((p) => p.post === head && isActiveOn(p, today))) return [];
  const since = vacantSince(input, today);
  const days = since === null ? null : daysBetween(since, today);
  const label = LEADERSHIP_POST_LABELS[head];
  return [
    {
      kind: 'head_vacant',
      severity: days !== null && days >= policy.vacancyCriticalDays ? 'critical' : 'warning',
      message:
        since === null ? `${label}空缺` : `${label}自${since}起空缺${days}天，应及时选举或由上级党组织指派`,
      article: '党章第三十一条；支部工作条例第二十一条',
      date: since,
      days,
    },
  ];
}

/**
 * Findings for one org on `today` (docs/organizations.md §8): term expired, term expiring within the
 * reminder window, the head post (书记 or 党小组长) vacant with how long, and for a 党支部 with its roster
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
