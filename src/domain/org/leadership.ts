import type { IsoDate } from '../shared/index.ts';
import { allow, type Decision, deny } from '../shared/index.ts';
import type { OrgKind } from './org-kinds.ts';
import type { OrgReason } from './reasons.ts';

/** 班子 / 委员会成员 (GLOSSARY.md); 党小组长 heads a 党小组 (支部工作条例第十三条). */
export const LEADERSHIP_POSTS = [
  'secretary',
  'deputy_secretary',
  'committee_member',
  'organizing_member',
  'publicity_member',
  'discipline_member',
  'group_leader',
] as const;
export type LeadershipPost = (typeof LEADERSHIP_POSTS)[number];

export const LEADERSHIP_POST_LABELS: Record<LeadershipPost, string> = {
  secretary: '书记',
  deputy_secretary: '副书记',
  committee_member: '委员',
  organizing_member: '组织委员',
  publicity_member: '宣传委员',
  discipline_member: '纪检委员',
  group_leader: '党小组长',
};

/**
 * One holder's time in a post. The term is the committee's (CommitteeTerm, terms.ts), never the holder's own: a
 * member elected to fill a vacancy serves the remainder of it; a 党小组长 has none (docs/organizations.md §5, §7).
 */
export type PostTenure = {
  readonly post: LeadershipPost;
  readonly startedOn: IsoDate;
  readonly leftOn: IsoDate | null;
};

/** The post that heads an org: the 党小组长 for a 党小组, the 书记 for every other kind. */
export function headPost(kind: OrgKind): LeadershipPost {
  return kind === 'group' ? 'group_leader' : 'secretary';
}

/** Holding the post on `day`: started on or before it and not yet left. */
export function isActiveOn(tenure: PostTenure, day: IsoDate): boolean {
  return tenure.startedOn <= day && (tenure.leftOn === null || tenure.leftOn > day);
}

/** Posts that are never filled twice at once in one org. */
export const SINGLE_HOLDER_POSTS: readonly LeadershipPost[] = ['secretary', 'group_leader'];

/**
 * Can this post be filled in an org of this kind, next to the posts it already has?
 * 党小组 have a 组长 only; other orgs have a committee and never a 组长. One 书记 (or 组长) at a time.
 */
export function checkNewPost(
  kind: OrgKind,
  post: LeadershipPost,
  startedOn: IsoDate,
  existing: readonly PostTenure[],
): Decision<OrgReason> {
  if (kind === 'group' && post !== 'group_leader') {
    return deny('post_not_for_group', '党小组只设党小组长', { article: '支部工作条例第十三条' });
  }
  if (kind !== 'group' && post === 'group_leader') {
    return deny('group_leader_only_in_group', '党小组长只能在党小组中设置');
  }
  if (SINGLE_HOLDER_POSTS.includes(post)) {
    const clash = existing.find((t) => t.post === post && (t.leftOn === null || t.leftOn > startedOn));
    if (clash) {
      return deny('post_already_filled', `该组织已有在任${LEADERSHIP_POST_LABELS[post]}，请先办理其离任`, {
        details: { post },
      });
    }
  }
  return allow;
}

export function checkLeaving(tenure: PostTenure, leftOn: IsoDate): Decision<OrgReason> {
  if (tenure.leftOn !== null) return deny('post_already_left', '该任职已结束');
  if (leftOn < tenure.startedOn) return deny('left_before_start', '离任日期不能早于任职日期');
  return allow;
}
