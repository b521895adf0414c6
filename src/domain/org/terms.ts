import { addYears, allow, type Decision, deny, type IsoDate } from '../shared/index.ts';
import type { OrgKind, Sector } from './org-kinds.ts';
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
};

export const DEFAULT_TERM_POLICY: TermPolicy = {
  committeeYears: 5,
  generalBranchYears: 3,
  branchYears: 3,
  communityYears: 5,
  warnMonths: 6,
  urgentMonths: 3,
  vacancyCriticalDays: 90,
};

export const TERM_ARTICLE = '党章第三十一条；《关于党的基层组织任期的意见》';
export const ELECTION_DELAY_ARTICLE = '基层组织选举工作条例第三条';

/** Kinds whose committee is elected for a term. 党工委 are appointed; 党小组 have a 组长, not a committee. */
export function hasElectedTerm(kind: OrgKind): boolean {
  return kind === 'committee' || kind === 'general_branch' || kind === 'branch' || kind === 'local_committee';
}

export function defaultTermYears(kind: OrgKind, sector: Sector, policy: TermPolicy): number {
  if (sector === 'community') return policy.communityYears;
  switch (kind) {
    case 'general_branch':
      return policy.generalBranchYears;
    case 'branch':
    case 'group':
      return policy.branchYears;
    default:
      return policy.committeeYears;
  }
}

export function defaultTermEnd(
  startedOn: IsoDate,
  kind: OrgKind,
  sector: Sector,
  policy: TermPolicy,
): IsoDate {
  return addYears(startedOn, defaultTermYears(kind, sector, policy));
}

/** The longest term allowed by 党章第三十一条. */
const MAX_TERM_YEARS = 5;
/** 延期换届 normally no more than 1 year, with the approval of the level above (选举工作条例第三条). */
const MAX_EXTENSION_YEARS = 1;

/**
 * A post's term must end after it starts and within 5 years; up to one more year only with the
 * approval document of the level above.
 */
export function checkPostTerm(
  startedOn: IsoDate,
  endsOn: IsoDate,
  extensionDocNo: string | null,
): Decision<OrgReason> {
  if (endsOn <= startedOn) {
    return deny('term_end_before_start', '任期结束日期必须晚于开始日期');
  }
  if (endsOn <= addYears(startedOn, MAX_TERM_YEARS)) return allow;
  if (endsOn > addYears(startedOn, MAX_TERM_YEARS + MAX_EXTENSION_YEARS)) {
    return deny('term_too_long', '任期最长5年，经上级批准延期一般不超过1年', {
      article: ELECTION_DELAY_ARTICLE,
    });
  }
  if (!extensionDocNo) {
    return deny('term_extension_needs_approval', '任期超过5年须经上级党组织批准延期，请填写批准文号', {
      article: ELECTION_DELAY_ARTICLE,
    });
  }
  return allow;
}
