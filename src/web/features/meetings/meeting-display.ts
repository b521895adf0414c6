import dayjs from 'dayjs';
import { MEETING_KIND_LABELS, MEETING_STATUS_LABELS } from '../../../domain/org-life/index.ts';
import type { AttendanceCounts, MeetingKind, MeetingStatus, Quorum } from '../../api/meetings.ts';

/** The colour of a meeting's status, in tags and on the calendar: planned blue, held orange, closed green. */
export const STATUS_COLORS: Record<MeetingStatus, string> = {
  planned: 'blue',
  held: 'orange',
  closed: 'green',
};

export const statusLabel = (status: MeetingStatus): string => MEETING_STATUS_LABELS[status];

/** 支部党员大会、党课 — every kind the meeting counts as, the principal one first. */
export function kindsText(kinds: readonly MeetingKind[]): string {
  return kinds.map((k) => MEETING_KIND_LABELS[k]).join('、');
}

/** The day a meeting is on (held day once held, planned day before), in the browser's calendar. */
export function meetingDay(m: { heldOn: string | null; plannedStart: string }): string {
  return m.heldOn ?? dayjs(m.plannedStart).format('YYYY-MM-DD');
}

/** `2026-12-05 14:00–16:00`, or just the start when the end is unknown or on another day. */
export function timeRange(start: string | null, end: string | null): string {
  if (!start) return '—';
  const s = dayjs(start);
  const head = s.format('YYYY-MM-DD HH:mm');
  if (!end) return head;
  const e = dayjs(end);
  return e.isSame(s, 'day') ? `${head}–${e.format('HH:mm')}` : `${head} 至 ${e.format('YYYY-MM-DD HH:mm')}`;
}

/** Meetings by their day (`YYYY-MM-DD`), each day's in time order: what a calendar cell shows. */
export function byDay<M extends { heldOn: string | null; plannedStart: string }>(
  meetings: readonly M[],
): Map<string, M[]> {
  const days = new Map<string, M[]>();
  const sorted = [...meetings].sort((a, b) => a.plannedStart.localeCompare(b.plannedStart));
  for (const m of sorted) {
    const day = meetingDay(m);
    const list = days.get(day) ?? [];
    list.push(m);
    days.set(day, list);
  }
  return days;
}

const QUORUM_NAMES: Record<NonNullable<Quorum>['kind'], string> = {
  general: '党员大会须有表决权的应到会党员过半数到会',
  committee: '支委会须过半数委员到会',
  election: '选举须有选举权的应到会党员超过五分之四到会',
};

/**
 * The quorum line under the counts (docs/organizational-life.md §3): which rule applies, the figures it is
 * judged on, and whether it is reached; null when none applies to the meeting's kinds.
 */
export function quorumLine(quorum: Quorum, counts: AttendanceCounts): string | null {
  if (!quorum) return null;
  const figures = `有表决权应到 ${counts.votingEntitled} 人，实到 ${counts.votingPresent} 人`;
  const verdict = quorum.reached ? '达到法定人数' : '未达到法定人数';
  return `${QUORUM_NAMES[quorum.kind]}：${figures}，${verdict}${quorum.message ? `（${quorum.message}）` : ''}`;
}

/** 应到 n · 实到 n · 请假 n · 缺席 n (未登记 n) — the one-line summary of lists and headers. */
export function countsText(c: AttendanceCounts): string {
  const parts = [`应到 ${c.expected}`, `实到 ${c.present}`, `请假 ${c.leave}`, `缺席 ${c.absent}`];
  if (c.unrecorded > 0) parts.push(`未登记 ${c.unrecorded}`);
  return parts.join(' · ');
}
