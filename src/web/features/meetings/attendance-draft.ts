import type { AttendanceEntry, AttendanceStatus, Attendee } from '../../api/meetings.ts';

/** What the secretary can change on one attendee's row (the rest of the row is the server's). */
export type AttendeeFields = Pick<
  Attendee,
  'excludedReason' | 'excludedNote' | 'attendance' | 'leaveReason' | 'makeUpOn' | 'makeUpNote'
>;

/** The sheet's unsaved changes, by member. */
export type AttendanceDraft = ReadonlyMap<number, Partial<AttendeeFields>>;

const FIELDS: readonly (keyof AttendeeFields)[] = [
  'excludedReason',
  'excludedNote',
  'attendance',
  'leaveReason',
  'makeUpOn',
  'makeUpNote',
];

/** The row as shown: the server's values with the unsaved changes over them. */
export function merged(a: Attendee, draft: AttendanceDraft): Attendee {
  return { ...a, ...draft.get(a.memberId) };
}

/** One change on a row; a value back to the server's one leaves the draft. */
export function withChange(
  draft: AttendanceDraft,
  a: Attendee,
  change: Partial<AttendeeFields>,
): AttendanceDraft {
  const next = new Map(draft);
  const row: Partial<AttendeeFields> = { ...next.get(a.memberId), ...change };
  // Leave's reason and the make-up belong to leave and absence only.
  if (change.attendance !== undefined && change.attendance !== 'leave') row.leaveReason = null;
  if (change.attendance === 'present') {
    row.makeUpOn = null;
    row.makeUpNote = null;
  }
  if (change.excludedReason === null) row.excludedNote = null;
  for (const field of FIELDS) {
    if (field in row && (row[field] ?? null) === (a[field] ?? null)) delete row[field];
  }
  if (Object.keys(row).length === 0) next.delete(a.memberId);
  else next.set(a.memberId, row);
  return next;
}

/** 其余记为…: every expected attendee (not taken out of 应到会) whose attendance is not recorded yet. */
export function markUnrecorded(
  draft: AttendanceDraft,
  attendees: readonly Attendee[],
  status: AttendanceStatus,
): AttendanceDraft {
  let next = draft;
  for (const a of attendees) {
    const row = merged(a, next);
    if (row.excludedReason === null && row.attendance === null)
      next = withChange(next, a, { attendance: status });
  }
  return next;
}

/** The PUT's entries: the changed rows only, each whole (the server replaces a listed member's fields). */
export function changedEntries(draft: AttendanceDraft, attendees: readonly Attendee[]): AttendanceEntry[] {
  return attendees
    .filter((a) => draft.has(a.memberId))
    .map((a) => {
      const row = merged(a, draft);
      return {
        memberId: a.memberId,
        excludedReason: row.excludedReason,
        excludedNote: row.excludedNote,
        attendance: row.attendance,
        leaveReason: row.leaveReason,
        makeUpOn: row.makeUpOn,
        makeUpNote: row.makeUpNote,
      };
    });
}

/** Names of the changed rows that the server would refuse: 请假 without its reason. */
export function leaveWithoutReason(draft: AttendanceDraft, attendees: readonly Attendee[]): string[] {
  return attendees
    .filter((a) => draft.has(a.memberId))
    .map((a) => merged(a, draft))
    .filter((row) => row.attendance === 'leave' && !row.leaveReason?.trim())
    .map((row) => row.name);
}
