import type { MemberStatus } from '../membership/index.ts';
import { addDays, allow, type Decision, deny, type IsoDate } from '../shared/index.ts';
import type { MeetingKind } from './compliance-rules.ts';
import type { AttendanceStatus, ExpectedExclusionReason } from './meetings.ts';
import { hasVote, type QuorumKind, type VotingCount } from './quorum.ts';
import type { OrgLifeReason } from './reasons.ts';

/** 补课 within this many days after the meeting (CFG). */
export const DEFAULT_MAKE_UP_DAYS = 30;

/** A member on the roster of the meeting's org (or its groups) on the meeting's date. */
export type RosterEntry = {
  readonly memberId: number;
  readonly status: MemberStatus;
  readonly onProbationDiscipline: boolean;
};

/** One row of 应到会 as stored: who, whether they vote, whether taken out, and what was recorded. */
export type AttendeeRecord = {
  readonly memberId: number;
  readonly hasVote: boolean;
  readonly excludedReason: ExpectedExclusionReason | null;
  readonly attendance: AttendanceStatus | null;
};

/**
 * 应到会 derived from the roster on the meeting's date (docs/organizational-life.md §2): everyone on it, with their
 * vote as of that day (党章第七条: a full member not under 留党察看); a member 停止党籍 that day is listed but taken out
 * of 应到会 with the reason `suspended`. Re-derived when the date changes: the attendance already recorded of those
 * still expected is kept (the caller keeps the rest of their row), those no longer on the roster are dropped.
 */
export function deriveExpected(
  roster: readonly RosterEntry[],
  existing: readonly AttendeeRecord[],
): { readonly keep: AttendeeRecord[]; readonly add: AttendeeRecord[]; readonly drop: number[] } {
  const onRoster = new Map(roster.map((r) => [r.memberId, r]));
  const had = new Map(existing.map((a) => [a.memberId, a]));
  const keep: AttendeeRecord[] = [];
  const add: AttendeeRecord[] = [];
  for (const r of roster) {
    const vote = hasVote(r);
    const before = had.get(r.memberId);
    const suspended = r.status === 'suspended' ? 'suspended' : null;
    if (before) keep.push({ ...before, hasVote: vote, excludedReason: before.excludedReason ?? suspended });
    else add.push({ memberId: r.memberId, hasVote: vote, excludedReason: suspended, attendance: null });
  }
  const drop = existing.filter((a) => !onRoster.has(a.memberId)).map((a) => a.memberId);
  return { keep, add, drop };
}

export type AttendanceCounts = {
  readonly expected: number;
  readonly present: number;
  readonly leave: number;
  readonly absent: number;
  readonly unrecorded: number;
  readonly excluded: number;
  readonly votingEntitled: number;
  readonly votingPresent: number;
};

/** 应到会, 实到会, 请假, 缺席 and the voting members entitled and present (docs/organizational-life.md §2, §3, §4). */
export function countAttendance(attendees: readonly AttendeeRecord[]): AttendanceCounts {
  const expected = attendees.filter((a) => a.excludedReason === null);
  const count = (status: AttendanceStatus | null) => expected.filter((a) => a.attendance === status).length;
  const voting = expected.filter((a) => a.hasVote);
  return {
    expected: expected.length,
    present: count('present'),
    leave: count('leave'),
    absent: count('absent'),
    unrecorded: count(null),
    excluded: attendees.length - expected.length,
    votingEntitled: voting.length,
    votingPresent: voting.filter((a) => a.attendance === 'present').length,
  };
}

/**
 * A 支委会 expects the members of the committee in office on its day (docs/organizational-life.md §3), unless it is
 * recorded as a 党员大会 as well, which expects every member.
 */
export function expectsCommitteeOnly(kinds: readonly MeetingKind[]): boolean {
  return kinds.includes('committee_meeting') && !kinds.includes('general_meeting');
}

/** Which quorum a meeting needs (docs/organizational-life.md §3): an election's, a 党员大会's, a 支委会's, or none. */
export function quorumKindOf(kinds: readonly MeetingKind[], election: boolean): QuorumKind | null {
  if (election) return 'election';
  if (kinds.includes('general_meeting')) return 'general';
  if (kinds.includes('committee_meeting')) return 'committee';
  return null;
}

export function votingCountOf(counts: AttendanceCounts): VotingCount {
  return { entitled: counts.votingEntitled, present: counts.votingPresent };
}

export type AttendanceEntry = {
  readonly excludedReason: ExpectedExclusionReason | null;
  /** The reason recorded before (a 停止党籍 taken out when 应到会 was derived stays, offered or not). */
  readonly previousExclusion: ExpectedExclusionReason | null;
  readonly attendance: AttendanceStatus | null;
  readonly leaveReason: string | null;
  readonly makeUpOn: IsoDate | null;
};

export type AttendancePolicy = {
  /** The reasons this deployment offers for taking someone out of 应到会 (CFG ⊆ EXPECTED_EXCLUSION_REASONS). */
  readonly exclusionReasons: readonly ExpectedExclusionReason[];
  readonly makeUpDays: number;
};

/**
 * One attendee's entry (docs/organizational-life.md §2, §4): an exclusion only for a reason the deployment offers; 请假
 * with its reason; 补课 only for someone on leave or absent, on a day from the meeting's to the configured days after
 * it, and not in the future.
 */
export function checkAttendanceEntry(
  entry: AttendanceEntry,
  meetingDay: IsoDate,
  policy: AttendancePolicy,
  today: IsoDate,
): Decision<OrgLifeReason> {
  if (
    entry.excludedReason !== null &&
    entry.excludedReason !== entry.previousExclusion &&
    !policy.exclusionReasons.includes(entry.excludedReason)
  ) {
    return deny('exclusion_reason_not_offered', '该事由不在本系统配置的不计入应到会事由中');
  }
  if (entry.attendance === 'leave' && !entry.leaveReason?.trim()) {
    return deny('leave_needs_reason', '请假须说明事由');
  }
  if (entry.makeUpOn !== null) {
    if (entry.attendance !== 'leave' && entry.attendance !== 'absent') {
      return deny('make_up_not_needed', '只有请假或缺席的党员需要补课');
    }
    const last = addDays(meetingDay, policy.makeUpDays);
    if (entry.makeUpOn < meetingDay || entry.makeUpOn > last || entry.makeUpOn > today) {
      return deny(
        'make_up_out_of_window',
        `补课日期应在会议当天至会后${policy.makeUpDays}天内，且不晚于今天`,
        {
          details: { from: meetingDay, to: last },
        },
      );
    }
  }
  return allow;
}

/** A member asks for leave (docs/organizational-life.md §2): before the meeting starts, while it is still planned. */
export function checkLeaveRequest(
  meeting: { readonly status: string; readonly plannedStart: Date },
  now: Date,
): Decision<OrgLifeReason> {
  if (meeting.status !== 'planned' || now.getTime() >= meeting.plannedStart.getTime()) {
    return deny('leave_too_late', '会议已开始或已召开，不能再请假，请联系支部书记');
  }
  return allow;
}

/** Attendance is recorded only for someone on the roster of the meeting's date (docs/organizational-life.md §2). */
export function checkExpectedAttendee(onRoster: boolean): Decision<OrgLifeReason> {
  if (onRoster) return allow;
  return deny('not_expected_attendee', '该党员在会议日期不在本组织的党员名册上，不能登记出勤');
}

/** The host and the recorder named as members are members of the org (or its groups) on the meeting's date. */
export function checkMeetingPeople(outsiders: readonly number[]): Decision<OrgLifeReason> {
  if (outsiders.length === 0) return allow;
  return deny('meeting_person_not_member', '主持人、记录人应为本组织党员，组织外人员请填写姓名', {
    details: { memberIds: outsiders },
  });
}
