import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { AttendanceCounts } from '../../api/meetings.ts';
import { byDay, countsText, kindsText, meetingDay, quorumLine, timeRange } from './meeting-display.ts';

const counts: AttendanceCounts = {
  expected: 12,
  present: 9,
  leave: 2,
  absent: 1,
  unrecorded: 0,
  excluded: 1,
  votingEntitled: 10,
  votingPresent: 7,
};

describe('meeting display', () => {
  it('names every kind a meeting counts as, the principal one first', () => {
    expect(kindsText(['theme_day', 'general_meeting', 'party_lecture'])).toBe('主题党日、支部党员大会、党课');
  });

  it('puts a meeting on its held day once held, on its planned day before', () => {
    expect(meetingDay({ heldOn: null, plannedStart: dayjs('2026-03-10T14:00').format() })).toBe('2026-03-10');
    expect(meetingDay({ heldOn: '2026-03-12', plannedStart: '2026-03-10T14:00:00+08:00' })).toBe(
      '2026-03-12',
    );
  });

  it('groups meetings by day in time order', () => {
    const days = byDay([
      { id: 1, heldOn: null, plannedStart: dayjs('2026-03-10T19:00').format() },
      { id: 2, heldOn: null, plannedStart: dayjs('2026-03-10T09:00').format() },
      { id: 3, heldOn: '2026-03-11', plannedStart: dayjs('2026-03-09T09:00').format() },
    ]);
    expect([...days.keys()].sort()).toEqual(['2026-03-10', '2026-03-11']);
    expect(days.get('2026-03-10')?.map((m) => m.id)).toEqual([2, 1]);
    expect(days.get('2026-03-11')?.map((m) => m.id)).toEqual([3]);
  });

  it('writes a time range on one day with the end time only', () => {
    // Instants in the browser's own zone (the test runner's, whatever it is).
    const at = (local: string) => dayjs(local).format();
    expect(timeRange(at('2026-03-10T14:00'), at('2026-03-10T16:30'))).toBe('2026-03-10 14:00–16:30');
    expect(timeRange(at('2026-03-10T14:00'), at('2026-03-11T09:00'))).toBe(
      '2026-03-10 14:00 至 2026-03-11 09:00',
    );
    expect(timeRange(at('2026-03-10T14:00'), null)).toBe('2026-03-10 14:00');
    expect(timeRange(null, null)).toBe('—');
  });

  it('says which quorum applies, on which figures, and whether it is reached', () => {
    expect(quorumLine({ kind: 'general', reached: true, message: null }, counts)).toBe(
      '党员大会须有表决权的应到会党员过半数到会：有表决权应到 10 人，实到 7 人，达到法定人数',
    );
    expect(quorumLine({ kind: 'election', reached: false, message: '到会人数未超过五分之四' }, counts)).toBe(
      '选举须有选举权的应到会党员超过五分之四到会：有表决权应到 10 人，实到 7 人，未达到法定人数（到会人数未超过五分之四）',
    );
    expect(quorumLine(null, counts)).toBeNull();
  });

  it('summarises the counts, with what is still unrecorded', () => {
    expect(countsText(counts)).toBe('应到 12 · 实到 9 · 请假 2 · 缺席 1');
    expect(countsText({ ...counts, unrecorded: 3 })).toBe('应到 12 · 实到 9 · 请假 2 · 缺席 1 · 未登记 3');
  });
});
