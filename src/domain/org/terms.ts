import { addYears, allow, type Decision, deny, type IsoDate } from '../shared/index.ts';
import { isBranchKind, type OrgKind, type Sector } from './org-kinds.ts';
import type { OrgReason } from './reasons.ts';

/**
 * Term lengths (届期). 党章第三十一条 (2017 amendment, kept in 2022): 基层委员会, 总支部委员会 and 支部委员会
 * serve 3–5 years. 《关于党的基层组织任期的意见》(中办 2018-07) sets the defaults: 基层党委 5, 总支 and 支部 3,
 * but 村 and 社区 党委, 总支 and 支部 all 5 (docs/organizations.md §7). Configurable per deployment (CFG).
 */
export type TermPolicy = {
  readonly committeeYears: number;
  readonly generalBranchYears: number;
  readonly branchYears: number;
  /** 村、社区党组织 (sector `community`), whatever their kind. */
  readonly communityYears: number;
  /** Reminders 6 and 3 months before a term ends (docs/organizations.md §7). */
  readonly warnMonths: number;
  readonly urgentMonths: number;
  /** A head post vacant this long signals a weak org (docs/organizations.md §9; local practice: 3 months). */
  readonly vacancyCriticalDays: number;
  /**
   * The kinds whose head post and term this deployment follows (书记空缺、换届提醒; docs/organizations.md §8):
   * the bodies it elects, and the ones whose head it designates (党小组, 临时党支部). Not by default the
   * 地方党委 (elected outside the deployment) and the 党工委 (appointed by the committee above).
   */
  readonly followedKinds: readonly OrgKind[];
};

export const DEFAULT_FOLLOWED_KINDS: readonly OrgKind[] = [
  'committee',
  'general_branch',
  'branch',
  'joint_branch',
  'temporary_branch',
  'floating_branch',
  'group',
];

export const DEFAULT_TERM_POLICY: TermPolicy = {
  committeeYears: 5,
  generalBranchYears: 3,
  branchYears: 3,
  communityYears: 5,
  warnMonths: 6,
  urgentMonths: 3,
  vacancyCriticalDays: 90,
  followedKinds: DEFAULT_FOLLOWED_KINDS,
};

export const TERM_ARTICLE = '党章第三十一条；《关于党的基层组织任期的意见》';
export const ELECTION_DELAY_ARTICLE = '基层组织选举工作条例第三条';

/**
 * Kinds whose committee is elected for a term (docs/organizations.md §7). 党工委 are appointed by the committee
 * above; a 临时党支部's leaders are designated by the org that set it up; 党小组 have a 组长, not a committee.
 */
export function hasElectedTerm(kind: OrgKind): boolean {
  return (
    kind === 'local_committee' ||
    kind === 'committee' ||
    kind === 'general_branch' ||
    kind === 'branch' ||
    kind === 'joint_branch' ||
    kind === 'floating_branch'
  );
}

export function defaultTermYears(kind: OrgKind, sector: Sector, policy: TermPolicy): number {
  if (sector === 'community') return policy.communityYears;
  if (kind === 'general_branch') return policy.generalBranchYears;
  if (kind === 'group' || isBranchKind(kind)) return policy.branchYears;
  return policy.committeeYears;
}

export function defaultTermEnd(
  startedOn: IsoDate,
  kind: OrgKind,
  sector: Sector,
  policy: TermPolicy,
): IsoDate {
  return addYears(startedOn, defaultTermYears(kind, sector, policy));
}

/** 党章第三十一条: 3 to 5 years. */
const MIN_TERM_YEARS = 3;
const MAX_TERM_YEARS = 5;
/** 提前或延期换届 normally no more than 1 year, with the approval of the level above (选举工作条例第三条). */
const MAX_SHIFT_YEARS = 1;

/** The approval of the level above (批准文件): its number and date. */
export type ApprovalDocument = { readonly docNo: string; readonly date: IsoDate };

/** A committee's term (届): elected on a day until a day; ended early by the next 换届. */
export type CommitteeTerm = {
  readonly electedOn: IsoDate;
  readonly endsOn: IsoDate;
  /** The day the next term was elected (换届); null while it is the current term. */
  readonly endedOn: IsoDate | null;
};

/**
 * The length of a committee's term (docs/organizations.md §7): 3 to 5 years (党章第三十一条); outside that only
 * with the approval document of the level above (number and date), and never more than 6 years (a postponement
 * of at most one year, 选举工作条例第三条).
 */
export function checkTermLength(
  electedOn: IsoDate,
  endsOn: IsoDate,
  approval: ApprovalDocument | null,
): Decision<OrgReason> {
  if (endsOn <= electedOn) {
    return deny('term_end_before_start', '任期结束日期必须晚于选举日期');
  }
  if (endsOn > addYears(electedOn, MAX_TERM_YEARS + MAX_SHIFT_YEARS)) {
    return deny('term_too_long', '任期最长5年，经上级批准延期一般不超过1年', {
      article: ELECTION_DELAY_ARTICLE,
    });
  }
  const regular =
    endsOn >= addYears(electedOn, MIN_TERM_YEARS) && endsOn <= addYears(electedOn, MAX_TERM_YEARS);
  if (regular || approval) return allow;
  return deny(
    'term_length_needs_approval',
    '基层党组织每届任期3至5年；任期不在3至5年之间的，须经上级党组织批准，请填写批准文号和日期',
    { article: `党章第三十一条；${ELECTION_DELAY_ARTICLE}` },
  );
}

/**
 * A term is recorded only for a committee elected for one (hasElectedTerm: 党工委 are appointed, 党小组 have a
 * 组长), and on an election that has taken place (docs/organizations.md §7).
 */
export function checkElectedTerm(kind: OrgKind, electedOn: IsoDate, today: IsoDate): Decision<OrgReason> {
  if (!hasElectedTerm(kind)) {
    return deny('term_not_elected', '该类组织的负责人由上级任命或由党支部指定，不实行届期、不办理换届', {
      article: TERM_ARTICLE,
    });
  }
  if (electedOn > today) return deny('elected_in_future', '选举日期不能晚于今天');
  return allow;
}

/**
 * 换届 (docs/organizations.md §7): the new committee is elected after the current one was, and an election moved
 * forward by more than a year before the current term ends needs the approval of the level above
 * (选举工作条例第三条).
 */
export function checkRenewal(
  current: CommitteeTerm | null,
  electedOn: IsoDate,
  approval: ApprovalDocument | null,
): Decision<OrgReason> {
  if (current === null) return allow;
  if (electedOn <= current.electedOn) {
    return deny(
      'renewal_before_current_term',
      `换届选举日期必须晚于本届委员会的选举日期（${current.electedOn}）`,
    );
  }
  if (electedOn < addYears(current.endsOn, -MAX_SHIFT_YEARS) && !approval) {
    return deny(
      'early_election_needs_approval',
      `本届任期至${current.endsOn}届满，提前换届超过1年须经上级党组织批准，请填写批准文号和日期`,
      { article: ELECTION_DELAY_ARTICLE },
    );
  }
  return allow;
}

/**
 * 补选 (docs/organizations.md §7): a member elected to fill a vacancy joins the current committee and serves the
 * remainder of its term; a committee whose term has ended is renewed (换届), not filled.
 */
export function checkByElection(term: CommitteeTerm | null, startedOn: IsoDate): Decision<OrgReason> {
  if (term === null) {
    return deny('no_current_term', '尚未录入本届委员会，请先办理换届（录入本届选举）', {
      article: TERM_ARTICLE,
    });
  }
  if (startedOn < term.electedOn) {
    return deny('post_before_term', `任职日期不能早于本届委员会的选举日期（${term.electedOn}）`);
  }
  if (startedOn >= term.endsOn) {
    return deny('term_already_ended', `本届任期已于${term.endsOn}届满，应换届选举而不是补选`, {
      article: `${TERM_ARTICLE}；${ELECTION_DELAY_ARTICLE}`,
    });
  }
  return allow;
}
