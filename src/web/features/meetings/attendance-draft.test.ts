import { describe, expect, it } from 'vitest';
import type { Attendee } from '../../api/meetings.ts';
import {
  type AttendanceDraft,
  changedEntries,
  leaveWithoutReason,
  markUnrecorded,
  merged,
  withChange,
} from './attendance-draft.ts';

function attendee(memberId: number, patch: Partial<Attendee> = {}): Attendee {
  return {
    memberId,
    name: `党员${memberId}`,
    orgName: '第一党支部',
    memberStatus: 'full',
    hasVote: true,
    excludedReason: null,
    excludedNote: null,
    attendance: null,
    leaveReason: null,
    checkedInAt: null,
    checkInSource: null,
    makeUpOn: null,
    makeUpNote: null,
    ...patch,
  };
}

const empty: AttendanceDraft = new Map();

describe('the attendance sheet draft', () => {
  it('shows a change over the server row and forgets it when set back', () => {
    const a = attendee(1, { attendance: 'absent' });
    const d1 = withChange(empty, a, { attendance: 'present' });
    expect(merged(a, d1).attendance).toBe('present');
    const d2 = withChange(d1, a, { attendance: 'absent' });
    expect(d2.size).toBe(0);
  });

  it('drops the leave reason when the attendance is no longer leave, and the make-up when present', () => {
    const a = attendee(1, {
      attendance: 'leave',
      leaveReason: '出差',
      makeUpOn: '2026-03-20',
      makeUpNote: '自学',
    });
    const row = merged(a, withChange(empty, a, { attendance: 'present' }));
    expect(row).toMatchObject({ attendance: 'present', leaveReason: null, makeUpOn: null, makeUpNote: null });
  });

  it('marks only the expected attendees not yet recorded', () => {
    const list = [
      attendee(1, { attendance: 'present', checkInSource: 'qr' }),
      attendee(2),
      attendee(3, { excludedReason: 'abroad' }),
      attendee(4),
    ];
    const draft = markUnrecorded(empty, list, 'absent');
    expect([...draft.keys()]).toEqual([2, 4]);
    expect(changedEntries(draft, list)).toEqual([
      {
        memberId: 2,
        excludedReason: null,
        excludedNote: null,
        attendance: 'absent',
        leaveReason: null,
        makeUpOn: null,
        makeUpNote: null,
      },
      {
        memberId: 4,
        excludedReason: null,
        excludedNote: null,
        attendance: 'absent',
        leaveReason: null,
        makeUpOn: null,
        makeUpNote: null,
      },
    ]);
  });

  it('names the leaves still without a reason', () => {
    const list = [attendee(1), attendee(2)];
    let draft = withChange(empty, list[0] as Attendee, { attendance: 'leave' });
    draft = withChange(draft, list[1] as Attendee, { attendance: 'leave', leaveReason: '生病' });
    expect(leaveWithoutReason(draft, list)).toEqual(['党员1']);
  });
});
