import { describe, expect, it } from 'vitest';
import {
  type AttendeeRecord,
  checkAttendanceEntry,
  checkExpectedAttendee,
  checkLeaveRequest,
  checkMeetingPeople,
  countAttendance,
  deriveExpected,
  expectsCommitteeOnly,
  quorumKindOf,
} from './attendance.ts';
import { EXPECTED_EXCLUSION_REASONS } from './meetings.ts';

const reason = (d: { ok: boolean; reason?: string }) => (d.ok ? 'ok' : d.reason);
const row = (memberId: number, extra: Partial<AttendeeRecord> = {}): AttendeeRecord => ({
  memberId,
  hasVote: true,
  excludedReason: null,
  attendance: null,
  ...extra,
});

describe('应到会 from the roster of the day (docs/organizational-life.md §2)', () => {
  it('adds the new, keeps what was recorded of those still expected, drops the others', () => {
    const roster = [
      { memberId: 1, status: 'full' as const, onProbationDiscipline: false },
      { memberId: 2, status: 'probationary' as const, onProbationDiscipline: false },
      { memberId: 4, status: 'full' as const, onProbationDiscipline: true },
      { memberId: 5, status: 'suspended' as const, onProbationDiscipline: false },
    ];
    const existing = [row(1, { attendance: 'present' }), row(3, { attendance: 'leave' })];
    const { keep, add, drop } = deriveExpected(roster, existing);
    expect(keep).toEqual([row(1, { attendance: 'present' })]);
    expect(add).toEqual([
      row(2, { hasVote: false }),
      row(4, { hasVote: false }),
      row(5, { hasVote: false, excludedReason: 'suspended' }),
    ]);
    expect(drop).toEqual([3]);
  });

  it('updates the vote of someone confirmed since, keeping their exclusion', () => {
    const roster = [{ memberId: 1, status: 'full' as const, onProbationDiscipline: false }];
    const { keep } = deriveExpected(roster, [row(1, { hasVote: false, excludedReason: 'abroad' })]);
    expect(keep).toEqual([row(1, { hasVote: true, excludedReason: 'abroad' })]);
  });

  it('counts 应到会, 实到会, 请假, 缺席 and the voting members, without those taken out', () => {
    const counts = countAttendance([
      row(1, { attendance: 'present' }),
      row(2, { attendance: 'present', hasVote: false }),
      row(3, { attendance: 'leave' }),
      row(4, { attendance: 'absent' }),
      row(5),
      row(6, { excludedReason: 'abroad', attendance: 'absent' }),
    ]);
    expect(counts).toEqual({
      expected: 5,
      present: 2,
      leave: 1,
      absent: 1,
      unrecorded: 1,
      excluded: 1,
      votingEntitled: 4,
      votingPresent: 1,
    });
  });

  it('takes the quorum by the kinds and the election flag', () => {
    expect(quorumKindOf(['general_meeting'], true)).toBe('election');
    expect(quorumKindOf(['theme_day', 'general_meeting'], false)).toBe('general');
    expect(quorumKindOf(['committee_meeting'], false)).toBe('committee');
    expect(quorumKindOf(['party_lecture'], false)).toBeNull();
    expect(expectsCommitteeOnly(['committee_meeting'])).toBe(true);
    expect(expectsCommitteeOnly(['committee_meeting', 'general_meeting'])).toBe(false);
  });
});

describe('an attendance entry', () => {
  const policy = { exclusionReasons: ['abroad', 'infirm'] as const, makeUpDays: 30 };
  const entry = {
    excludedReason: null,
    previousExclusion: null,
    attendance: 'present' as const,
    leaveReason: null,
    makeUpOn: null,
  };
  const check = (e: Partial<Parameters<typeof checkAttendanceEntry>[0]>, today = '2026-08-01') =>
    reason(checkAttendanceEntry({ ...entry, ...e }, '2026-06-10', policy, today));

  it.each<[string, Partial<Parameters<typeof checkAttendanceEntry>[0]>, string]>([
    ['present', {}, 'ok'],
    ['excluded for an offered reason', { excludedReason: 'abroad' }, 'ok'],
    [
      'excluded for a reason not offered',
      { excludedReason: 'flow_certificate' },
      'exclusion_reason_not_offered',
    ],
    [
      'keeping a reason recorded before',
      { excludedReason: 'suspended', previousExclusion: 'suspended' },
      'ok',
    ],
    ['on leave without a reason', { attendance: 'leave', leaveReason: ' ' }, 'leave_needs_reason'],
    ['on leave with a reason', { attendance: 'leave', leaveReason: '出差' }, 'ok'],
    ['made up by someone present', { makeUpOn: '2026-06-12' }, 'make_up_not_needed'],
    ['made up on the 30th day', { attendance: 'absent', makeUpOn: '2026-07-10' }, 'ok'],
    ['made up on the 31st day', { attendance: 'absent', makeUpOn: '2026-07-11' }, 'make_up_out_of_window'],
    ['made up before the meeting', { attendance: 'absent', makeUpOn: '2026-06-09' }, 'make_up_out_of_window'],
  ])('%s → %s', (_, e, expected) => {
    expect(check(e)).toBe(expected);
  });

  it('refuses a 补课 dated after today', () => {
    expect(check({ attendance: 'leave', leaveReason: '病假', makeUpOn: '2026-06-20' }, '2026-06-15')).toBe(
      'make_up_out_of_window',
    );
  });

  it('offers every reason by default', () => {
    expect(EXPECTED_EXCLUSION_REASONS).toContain('abroad');
  });

  it('records only those on the roster, and names members of the org as host', () => {
    expect(reason(checkExpectedAttendee(true))).toBe('ok');
    expect(reason(checkExpectedAttendee(false))).toBe('not_expected_attendee');
    expect(reason(checkMeetingPeople([]))).toBe('ok');
    expect(reason(checkMeetingPeople([7]))).toBe('meeting_person_not_member');
  });

  it('takes a leave request only before the planned start of a planned meeting', () => {
    const plannedStart = new Date('2026-06-20T09:00:00+08:00');
    expect(
      reason(checkLeaveRequest({ status: 'planned', plannedStart }, new Date('2026-06-20T00:59:59Z'))),
    ).toBe('ok');
    expect(
      reason(checkLeaveRequest({ status: 'planned', plannedStart }, new Date('2026-06-20T01:00:00Z'))),
    ).toBe('leave_too_late');
    expect(
      reason(checkLeaveRequest({ status: 'held', plannedStart }, new Date('2026-06-19T00:00:00Z'))),
    ).toBe('leave_too_late');
  });
});
