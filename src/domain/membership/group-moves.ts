import type { OrgKind } from '../org/index.ts';
import { type Decision, deny, type IsoDate } from '../shared/index.ts';
import { checkMemberOrg } from './member-registration.ts';
import { isOnRoster, type MemberStatus } from './member-status.ts';
import type { MembershipReason } from './reasons.ts';

/**
 * 调整党小组 (docs/membership.md §2): a 党支部 divides its members among its 党小组 (《中国共产党支部工作条例（试行）》
 * 第十三条). Moving a member between the groups of one branch, or from a group to the branch itself, keeps their
 * organisational relation in the branch: it is no transfer (no letter, §7), and is recorded as an org change.
 */
export const GROUP_MOVE_ARTICLE = '《中国共产党支部工作条例（试行）》第十三条';

/** An org as the rule needs it: its kind, its parent, whether it still exists. */
export type GroupMoveOrg = {
  readonly id: number;
  readonly kind: OrgKind;
  readonly parentId: number | null;
  readonly dissolvedOn: IsoDate | null;
};

export type GroupMoveFacts = {
  readonly member: {
    readonly status: MemberStatus;
    /** The org the member is placed in now. */
    readonly org: GroupMoveOrg;
    readonly admittedOn: IsoDate;
    readonly lastEventOn: IsoDate | null;
  };
  /** A transfer of this member that is still pending (receiving it after a move would be refused). */
  readonly hasPending: boolean;
  /** The branch itself or one of its groups. */
  readonly target: GroupMoveOrg;
  readonly effectiveOn: IsoDate;
};

const fail = (reason: MembershipReason, message: string) =>
  deny(reason, message, { article: GROUP_MOVE_ARTICLE });

/** The 党支部 an org belongs to for a move: a group's parent, else the org itself. */
export function branchOfPlacement(org: Pick<GroupMoveOrg, 'id' | 'kind' | 'parentId'>): number {
  return org.kind === 'group' && org.parentId !== null ? org.parentId : org.id;
}

function placementDenial(f: GroupMoveFacts) {
  if (!isOnRoster(f.member.status))
    return fail('group_move_member_not_on_roster', '只有在册党员可以调整党小组');
  const placed = checkMemberOrg(f.target);
  if (placed) return placed;
  const branch = branchOfPlacement(f.target);
  if (branchOfPlacement(f.member.org) !== branch)
    return fail(
      'group_move_outside_branch',
      '该党员不在目标党小组所属的党支部，调整党小组只能在同一党支部内进行',
    );
  if (f.target.id === f.member.org.id) return fail('group_move_same_org', '该党员已在目标组织');
  if (f.hasPending) return fail('transfer_already_pending', '该党员有待接收的组织关系转接，请先处理');
  return null;
}

function dateDenial(f: GroupMoveFacts, today: IsoDate) {
  if (f.effectiveOn > today) return fail('event_in_future', '调整日期不能晚于今天');
  if (f.effectiveOn < f.member.admittedOn) return fail('event_before_admission', '调整日期不能早于入党时间');
  if (f.member.lastEventOn !== null && f.effectiveOn < f.member.lastEventOn) {
    return fail(
      'event_before_last_change',
      `调整日期不能早于该党员最近一次变更的日期（${f.member.lastEventOn}）`,
    );
  }
  return null;
}

/**
 * May this member move to the target inside their branch? A member on the roster, without a pending transfer,
 * moved to their own branch or one of its groups that still exists, other than where they are; dated between
 * their latest change (or admission) and today.
 */
export function checkGroupMove(f: GroupMoveFacts, today: IsoDate): Decision<MembershipReason> {
  return placementDenial(f) ?? dateDenial(f, today) ?? { ok: true };
}
