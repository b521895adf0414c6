import { allow, type Decision, deny } from '../shared/index.ts';
import type { MeetingStatus } from './meetings.ts';
import type { OrgLifeReason } from './reasons.ts';

/** Minutes before the planned start and after the planned end that a check-in code is valid (CFG). */
export const DEFAULT_CHECK_IN_BEFORE_MINUTES = 30;
export const DEFAULT_CHECK_IN_AFTER_MINUTES = 120;

export type CheckInWindow = { readonly validFrom: Date; readonly validUntil: Date };

const MINUTE = 60_000;

/**
 * When members may check in (docs/organizational-life.md §2): from `before` minutes ahead of the planned start to
 * `after` minutes past the planned end (the start when no end is planned).
 */
export function checkInWindow(
  meeting: { readonly plannedStart: Date; readonly plannedEnd: Date | null },
  minutes: { readonly before: number; readonly after: number },
): CheckInWindow {
  const end = meeting.plannedEnd ?? meeting.plannedStart;
  return {
    validFrom: new Date(meeting.plannedStart.getTime() - minutes.before * MINUTE),
    validUntil: new Date(end.getTime() + minutes.after * MINUTE),
  };
}

/** A check-in is taken inside the window, at a meeting not closed. */
export function checkCheckInTime(
  status: MeetingStatus,
  window: CheckInWindow,
  now: Date,
): Decision<OrgLifeReason> {
  if (status === 'closed') return deny('check_in_closed', '会议已办结，不能再签到');
  const t = now.getTime();
  if (t < window.validFrom.getTime())
    return deny('check_in_not_open', '签到尚未开始，请在会议开始前不久再扫码');
  if (t > window.validUntil.getTime())
    return deny('check_in_expired', '签到码已过期，请联系支部书记登记出勤');
  return allow;
}

/**
 * A member's own check-in (docs/organizational-life.md §2): with the meeting's current code (the server compares it,
 * in constant time), inside its window, and only by a member 应到会 at it.
 */
export function checkCheckIn(
  facts: {
    readonly tokenMatches: boolean;
    readonly status: MeetingStatus;
    readonly window: CheckInWindow;
    readonly expected: boolean;
  },
  now: Date,
): Decision<OrgLifeReason> {
  if (!facts.tokenMatches) return deny('check_in_invalid_token', '签到码无效，请重新扫描会场的二维码');
  const time = checkCheckInTime(facts.status, facts.window, now);
  if (!time.ok) return time;
  if (!facts.expected) return deny('not_expected_attendee', '您不在本次会议的应到会人员中，无需签到');
  return allow;
}
