import { isBranchKind, type OrgKind } from '../org/index.ts';
import { allow, type Decision, deny, type IsoDate } from '../shared/index.ts';
import type { MeetingKind } from './compliance-rules.ts';
import type { MeetingStatus } from './meetings.ts';
import type { OrgLifeReason } from './reasons.ts';

export const MEETING_ARTICLE = '中国共产党支部工作条例（试行）第十一条至第十七条';

/** The kinds a 党支部 holds as such (docs/organizational-life.md §1): 党员大会, 支委会, 组织生活会. */
const BRANCH_ONLY: readonly MeetingKind[] = ['general_meeting', 'committee_meeting', 'life_meeting'];

/**
 * Who holds which kind (docs/organizational-life.md §1, 支部工作条例第十一至十七条): a 党小组会 only a 党小组, and a
 * 党小组 nothing else; a 党员大会, 支委会 or 组织生活会 only a 党支部 (of any branch kind); a 党课 or 主题党日 a 党支部 or an
 * org above it.
 */
export function checkKindsForOrg(kinds: readonly MeetingKind[], orgKind: OrgKind): Decision<OrgLifeReason> {
  const group = orgKind === 'group';
  for (const kind of kinds) {
    const fits =
      kind === 'group_meeting' ? group : BRANCH_ONLY.includes(kind) ? isBranchKind(orgKind) : !group;
    if (!fits) {
      return deny(
        'meeting_kind_not_for_org',
        group
          ? '党小组只能召开党小组会'
          : kind === 'group_meeting'
            ? '党小组会只能由党小组召开'
            : '支部党员大会、支部委员会会议和组织生活会只能由党支部召开',
        { article: MEETING_ARTICLE, details: { kind, orgKind } },
      );
    }
  }
  return allow;
}

/** A meeting's end, if given, is not before its start. */
export function checkMeetingTimes(start: Date, end: Date | null): Decision<OrgLifeReason> {
  if (end === null || end.getTime() >= start.getTime()) return allow;
  return deny('meeting_end_before_start', '会议结束时间不能早于开始时间');
}

/** A closed meeting is locked (docs/organizational-life.md §4): it is reopened, with a reason, to be changed. */
export function checkEditable(status: MeetingStatus): Decision<OrgLifeReason> {
  if (status !== 'closed') return allow;
  return deny('meeting_closed', '会议已办结，不能修改；如需更正请先重新打开');
}

/** Only a meeting still planned may be deleted: one that was held is part of the record. */
export function checkDeletable(status: MeetingStatus): Decision<OrgLifeReason> {
  if (status === 'planned') return allow;
  return deny('meeting_not_planned', '只能删除尚未召开的会议');
}

/** A meeting held is dated today or earlier: the record says what happened, never what will. */
export function checkHeldOn(heldOn: IsoDate, today: IsoDate): Decision<OrgLifeReason> {
  if (heldOn <= today) return allow;
  return deny('meeting_held_in_future', `召开日期${heldOn}晚于今天，不能登记为已召开`, {
    details: { heldOn, today },
  });
}

/** planned → held, on a day not in the future. */
export function checkHold(status: MeetingStatus, heldOn: IsoDate, today: IsoDate): Decision<OrgLifeReason> {
  if (status !== 'planned') return deny('meeting_not_planned', '会议已登记为召开');
  return checkHeldOn(heldOn, today);
}

export type ClosingFacts = {
  readonly status: MeetingStatus;
  readonly heldOn: IsoDate | null;
  readonly minutes: string | null;
  /** Expected attendees (not taken out of 应到会) whose attendance is not recorded. */
  readonly unrecorded: number;
};

/**
 * held → closed (docs/organizational-life.md §4): held on a day not in the future, with its minutes, and the
 * attendance of every member 应到会 recorded. Only a closed meeting counts for compliance (§7.3).
 */
export function checkClose(facts: ClosingFacts, today: IsoDate): Decision<OrgLifeReason> {
  if (facts.status !== 'held' || facts.heldOn === null) {
    return deny('meeting_not_held', facts.status === 'closed' ? '会议已办结' : '会议尚未召开，不能办结');
  }
  const day = checkHeldOn(facts.heldOn, today);
  if (!day.ok) return day;
  if (!facts.minutes?.trim()) return deny('meeting_minutes_missing', '请先填写会议记录再办结');
  if (facts.unrecorded > 0) {
    return deny('attendance_incomplete', `还有${facts.unrecorded}名应到会人员未登记出勤情况`, {
      details: { unrecorded: facts.unrecorded },
    });
  }
  return allow;
}

/** closed → held, for a correction; the reason is kept in the audit log. */
export function checkReopen(status: MeetingStatus): Decision<OrgLifeReason> {
  if (status === 'closed') return allow;
  return deny('meeting_not_closed', '会议尚未办结，无需重新打开');
}
