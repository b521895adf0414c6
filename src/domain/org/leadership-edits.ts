import { allow, type Decision, deny } from '../shared/index.ts';
import { LEADERSHIP_POST_LABELS, type PostTenure, SINGLE_HOLDER_POSTS } from './leadership.ts';
import type { OrgReason } from './reasons.ts';

export type EditedTenure = PostTenure;

/** Two tenures overlap when each starts before the other ends (an open tenure never ends). */
function overlaps(a: PostTenure, b: PostTenure): boolean {
  return (b.leftOn === null || a.startedOn < b.leftOn) && (a.leftOn === null || b.startedOn < a.leftOn);
}

/**
 * A correction of a recorded post must leave it valid: the leaving day not before the start, and a 书记 or
 * 党小组长 never sitting beside another holder of the same post (one head at a time, as for a new post in
 * checkNewPost). The term is the committee's and is not corrected here (docs/organizations.md §7).
 */
export function checkPostEdit(edited: EditedTenure, others: readonly PostTenure[]): Decision<OrgReason> {
  if (edited.leftOn !== null && edited.leftOn < edited.startedOn) {
    return deny('left_before_start', '离任日期不能早于任职日期');
  }
  if (SINGLE_HOLDER_POSTS.includes(edited.post)) {
    const clash = others.find((t) => t.post === edited.post && overlaps(edited, t));
    if (clash) {
      return deny('post_already_filled', `任职期间与另一位${LEADERSHIP_POST_LABELS[edited.post]}重叠`, {
        details: { post: edited.post },
      });
    }
  }
  return allow;
}
