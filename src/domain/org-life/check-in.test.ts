import { describe, expect, it } from 'vitest';
import { checkCheckIn, checkInWindow } from './check-in.ts';

const reason = (d: { ok: boolean; reason?: string }) => (d.ok ? 'ok' : d.reason);
const plannedStart = new Date('2026-06-20T09:00:00+08:00');
const plannedEnd = new Date('2026-06-20T11:00:00+08:00');
const window = checkInWindow({ plannedStart, plannedEnd }, { before: 30, after: 120 });
const facts = { tokenMatches: true, status: 'planned' as const, window, expected: true };

describe('check-in (docs/organizational-life.md §2)', () => {
  it('opens 30 minutes before the start and closes 120 minutes after the end', () => {
    expect(window.validFrom.toISOString()).toBe('2026-06-20T00:30:00.000Z');
    expect(window.validUntil.toISOString()).toBe('2026-06-20T05:00:00.000Z');
    const noEnd = checkInWindow({ plannedStart, plannedEnd: null }, { before: 0, after: 60 });
    expect(noEnd.validUntil.toISOString()).toBe('2026-06-20T02:00:00.000Z');
  });

  it.each<[string, Partial<typeof facts>, string, string]>([
    ['inside the window', {}, '2026-06-20T00:30:00Z', 'ok'],
    ['at the last moment', {}, '2026-06-20T05:00:00Z', 'ok'],
    ['too early', {}, '2026-06-20T00:29:59Z', 'check_in_not_open'],
    ['too late', {}, '2026-06-20T05:00:01Z', 'check_in_expired'],
    ['with a wrong code', { tokenMatches: false }, '2026-06-20T01:00:00Z', 'check_in_invalid_token'],
    ['at a closed meeting', { status: 'closed' } as never, '2026-06-20T01:00:00Z', 'check_in_closed'],
    ['not expected there', { expected: false }, '2026-06-20T01:00:00Z', 'not_expected_attendee'],
  ])('%s → %s', (_, change, now, expected) => {
    expect(reason(checkCheckIn({ ...facts, ...change }, new Date(now)))).toBe(expected);
  });
});
