import { describe, expect, it } from 'vitest';
import type { OrgKind } from '../org/index.ts';
import type { MeetingKind } from './compliance-rules.ts';
import {
  type ClosingFacts,
  checkClose,
  checkDeletable,
  checkEditable,
  checkHold,
  checkKindsForOrg,
  checkMeetingTimes,
  checkReopen,
} from './meeting-lifecycle.ts';

const reason = (d: { ok: boolean; reason?: string }) => (d.ok ? 'ok' : d.reason);

describe('who holds which kind of meeting (支部工作条例第十一至十七条)', () => {
  it.each<[MeetingKind[], OrgKind, string]>([
    [['group_meeting'], 'group', 'ok'],
    [['group_meeting'], 'branch', 'meeting_kind_not_for_org'],
    [['general_meeting'], 'group', 'meeting_kind_not_for_org'],
    [['party_lecture'], 'group', 'meeting_kind_not_for_org'],
    [['general_meeting', 'party_lecture', 'theme_day'], 'branch', 'ok'],
    [['committee_meeting'], 'joint_branch', 'ok'],
    [['life_meeting'], 'floating_branch', 'ok'],
    [['general_meeting'], 'committee', 'meeting_kind_not_for_org'],
    [['life_meeting'], 'general_branch', 'meeting_kind_not_for_org'],
    [['party_lecture'], 'committee', 'ok'],
    [['theme_day'], 'general_branch', 'ok'],
  ])('%j by a %s → %s', (kinds, orgKind, expected) => {
    expect(reason(checkKindsForOrg(kinds, orgKind))).toBe(expected);
  });
});

describe('the lifecycle planned → held → closed (docs/organizational-life.md §4)', () => {
  it('refuses an end before the start', () => {
    const start = new Date('2026-06-15T09:00:00+08:00');
    expect(reason(checkMeetingTimes(start, new Date('2026-06-15T08:59:00+08:00')))).toBe(
      'meeting_end_before_start',
    );
    expect(reason(checkMeetingTimes(start, null))).toBe('ok');
    expect(reason(checkMeetingTimes(start, start))).toBe('ok');
  });

  it('edits only what is not closed, deletes only what is planned', () => {
    expect(reason(checkEditable('planned'))).toBe('ok');
    expect(reason(checkEditable('held'))).toBe('ok');
    expect(reason(checkEditable('closed'))).toBe('meeting_closed');
    expect(reason(checkDeletable('planned'))).toBe('ok');
    expect(reason(checkDeletable('held'))).toBe('meeting_not_planned');
    expect(reason(checkDeletable('closed'))).toBe('meeting_not_planned');
  });

  it('holds a planned meeting on a day not in the future', () => {
    expect(reason(checkHold('planned', '2026-06-15', '2026-06-15'))).toBe('ok');
    expect(reason(checkHold('planned', '2026-06-16', '2026-06-15'))).toBe('meeting_held_in_future');
    expect(reason(checkHold('held', '2026-06-14', '2026-06-15'))).toBe('meeting_not_planned');
  });

  const held: ClosingFacts = { status: 'held', heldOn: '2026-06-10', minutes: '记录', unrecorded: 0 };
  it.each<[string, Partial<ClosingFacts>, string]>([
    ['held, minutes, all recorded', {}, 'ok'],
    ['still planned', { status: 'planned', heldOn: null }, 'meeting_not_held'],
    ['already closed', { status: 'closed' }, 'meeting_not_held'],
    ['dated in the future', { heldOn: '2026-06-16' }, 'meeting_held_in_future'],
    ['without minutes', { minutes: '  ' }, 'meeting_minutes_missing'],
    ['minutes null', { minutes: null }, 'meeting_minutes_missing'],
    ['two attendances missing', { unrecorded: 2 }, 'attendance_incomplete'],
  ])('closes a meeting %s → %s', (_, change, expected) => {
    expect(reason(checkClose({ ...held, ...change }, '2026-06-15'))).toBe(expected);
  });

  it('reopens only a closed meeting', () => {
    expect(reason(checkReopen('closed'))).toBe('ok');
    expect(reason(checkReopen('held'))).toBe('meeting_not_closed');
  });
});
