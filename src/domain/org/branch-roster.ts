import type { IsoDate } from '../shared/index.ts';
import { isActiveOn, type LeadershipPost, type PostTenure } from './leadership.ts';
import type { OrgFinding } from './org-findings.ts';
import { isBranchKind, type OrgKind } from './org-kinds.ts';

/**
 * Findings that need the roster counts of a 党支部 (docs/organizations.md §4, §5): its own members, those placed
 * in the branch itself and in its 党小组, counted in 党员总数 (预备、正式、失联; not 停止党籍: docs/membership.md §1).
 */
export type BranchRoster = {
  /** 正式党员. */
  readonly fullMembers: number;
  /** 党员总数: every member counted (docs/membership.md §1), 预备党员 included, 停止党籍 not. */
  readonly members: number;
};

export const SIZE_ARTICLE = '支部工作条例第四条';
export const JOINT_BRANCH_ARTICLE = '支部工作条例第五条';
export const COMMITTEE_ARTICLE = '支部工作条例第二十条';

/** 正式党员3人以上的，应当成立党支部 (第四条); fewer → 联合党支部 (第五条). */
export const BRANCH_MIN_FULL_MEMBERS = 3;
/** 正式党员7人以上的党支部，设立党支部委员会 (第二十条). */
export const COMMITTEE_FROM_FULL_MEMBERS = 7;
/** 党支部党员人数一般不超过50人 (第四条). */
export const BRANCH_MAX_MEMBERS = 50;

/** The posts of a 支部委员会 besides the 书记: with none of them held, there is no committee. */
export const COMMITTEE_POSTS: readonly LeadershipPost[] = [
  'deputy_secretary',
  'committee_member',
  'organizing_member',
  'publicity_member',
  'discipline_member',
];

/** A 支部委员会 sits today: someone holds a 副书记 or 委员 post (a lone 书记 is not a committee). */
export function hasCommittee(posts: readonly PostTenure[], today: IsoDate): boolean {
  return posts.some((p) => COMMITTEE_POSTS.includes(p.post) && isActiveOn(p, today));
}

/**
 * The size and committee findings of a 党支部 on `today`. An empty roster is not judged: it usually means the
 * roster has not been entered yet, not that the branch has no members.
 */
export function branchRosterFindings(
  kind: OrgKind,
  roster: BranchRoster | null | undefined,
  posts: readonly PostTenure[],
  today: IsoDate,
): OrgFinding[] {
  if (!isBranchKind(kind) || !roster || roster.members === 0) return [];
  const { fullMembers: full, members } = roster;
  const found: OrgFinding[] = [];
  if (full < BRANCH_MIN_FULL_MEMBERS) {
    found.push({
      kind: 'branch_too_few_members',
      severity: 'warning',
      message: `正式党员仅${full}名，不足${BRANCH_MIN_FULL_MEMBERS}名：正式党员3人以上的方可单独成立党支部，不足3人的可与邻近单位的党员联合成立党支部（联合党支部）`,
      article: `${SIZE_ARTICLE}；${JOINT_BRANCH_ARTICLE}`,
      date: null,
      days: null,
    });
  }
  if (full >= COMMITTEE_FROM_FULL_MEMBERS && !hasCommittee(posts, today)) {
    found.push({
      kind: 'branch_needs_committee',
      severity: 'warning',
      message: `正式党员${full}名（${COMMITTEE_FROM_FULL_MEMBERS}名以上），应设立支部委员会（一般由3至5人组成，最多不超过7人），目前没有在任的副书记或委员`,
      article: COMMITTEE_ARTICLE,
      date: null,
      days: null,
    });
  }
  if (members > BRANCH_MAX_MEMBERS) {
    found.push({
      kind: 'branch_too_large',
      severity: 'warning',
      message: `党员${members}名，超过${BRANCH_MAX_MEMBERS}名：党支部党员人数一般不超过50人，可考虑分设党支部，或经上级党组织批准成立党总支`,
      article: SIZE_ARTICLE,
      date: null,
      days: null,
    });
  }
  return found;
}
