import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../../testing/actors.ts';
import { createMeeting } from '../../testing/fixtures/meetings.ts';
import {
  createMember,
  expectRule,
  expectStatus,
  linkUser,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';
import { TEST_PASSWORD } from '../../testing/fixtures.ts';
import { loginAs, TEST_NOW } from '../../testing/test-app.ts';

let w: RosterWorld;
let own: { id: number; personId: number };

beforeAll(async () => {
  w = await startRosterWorld();
  own = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name: '周敏' });
  await linkUser(w.t.deps.db, 'member', own.personId);
  await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name: '吴刚' });
});
afterAll(() => w.t.close());

/** Moves the clock and signs everyone in again (a session does not outlive days of the clock moving). */
async function at(iso: string) {
  w.t.clock.set(new Date(iso));
  for (const name of ['member', 'sec_a1', 'sec_b1'] as const)
    w.as[name] = await loginAs(w.t, name, TEST_PASSWORD);
}

describe('check-in with the meeting’s code (docs/organizational-life.md §2)', () => {
  it('gives the secretary a code valid from 30 minutes before to 120 after, and the member checks in with it', async () => {
    const m = await createMeeting(w.as.sec_a1, w.tree.branchA1.id);
    const code = await w.as.sec_a1.get(`/api/meetings/${m.id}/check-in-code`);
    expectStatus(code, 200);
    const { token, url, validFrom, validUntil } = code.json();
    expect(url).toBe(`/check-in/meetings/${m.id}?token=${token}`);
    expect([validFrom, validUntil]).toEqual(['2026-06-20T00:30:00.000Z', '2026-06-20T05:00:00.000Z']);

    await at('2026-06-20T00:29:00Z');
    expectRule(await w.as.member.post(`/api/meetings/${m.id}/check-in`, { token }), 'check_in_not_open');
    await at('2026-06-20T01:05:00Z');
    expectRule(
      await w.as.member.post(`/api/meetings/${m.id}/check-in`, { token: `${token.slice(1)}x` }),
      'check_in_invalid_token',
    );
    const res = await w.as.member.post(`/api/meetings/${m.id}/check-in`, { token });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({
      meetingId: m.id,
      attendance: 'present',
      checkedInAt: '2026-06-20T01:05:00.000Z',
    });
    const view = (await w.as.sec_a1.get(`/api/meetings/${m.id}/attendance`)).json();
    expect(view.attendees.find((a: { memberId: number }) => a.memberId === own.id)).toMatchObject({
      attendance: 'present',
      checkInSource: 'qr',
    });
    const [row] = await auditRows(w.t.deps.db, 'meeting.check_in', m.id);
    expect(row).toMatchObject({
      actorUsername: 'member',
      diff: { after: { memberId: own.id, checkInSource: 'qr' } },
    });

    await at('2026-06-20T05:00:01Z');
    const late = await w.as.member.post(`/api/meetings/${m.id}/check-in`, { token });
    expectRule(late, 'check_in_expired');
    expect(late.json().error.message).toBe('签到码已过期，请联系支部书记登记出勤');
    await at(TEST_NOW.toISOString());
  });

  it('refuses a member not expected there, and a meeting’s code used for another', async () => {
    const other = await createMeeting(w.as.sec_b1, w.tree.branchB1.id);
    const code = (await w.as.sec_b1.get(`/api/meetings/${other.id}/check-in-code`)).json();
    await at('2026-06-20T01:00:00Z');
    expectRule(
      await w.as.member.post(`/api/meetings/${other.id}/check-in`, { token: code.token }),
      'not_expected_attendee',
    );
    const mine = await createMeeting(w.as.sec_a1, w.tree.branchA1.id);
    expectRule(
      await w.as.member.post(`/api/meetings/${mine.id}/check-in`, { token: code.token }),
      'check_in_invalid_token',
    );
    expectStatus(await w.as.member.post('/api/meetings/999999/check-in', { token: code.token }), 404);
    await at(TEST_NOW.toISOString());
  });

  it('keeps the code for the secretary: a member cannot ask for it (403), another secretary is out of scope (404)', async () => {
    const m = await createMeeting(w.as.sec_a1, w.tree.branchA1.id);
    expectStatus(await w.as.member.get(`/api/meetings/${m.id}/check-in-code`), 403);
    expectStatus(await w.as.sec_b1.get(`/api/meetings/${m.id}/check-in-code`), 404);
    expectStatus(await w.t.anon.get(`/api/meetings/${m.id}/check-in-code`), 401);
    expectStatus(await w.t.anon.post(`/api/meetings/${m.id}/check-in`, { token: 'x' }), 401);
    expectStatus(await w.as.sec_a1.post(`/api/meetings/${m.id}/check-in`, { token: 'x' }), 403);
  });
});

describe('the member’s own meetings', () => {
  it('lists upcoming and past meetings with the member’s attendance, and takes a leave request before the start', async () => {
    const m = await createMeeting(w.as.sec_a1, w.tree.branchA1.id, {
      topic: '七月主题党日',
      kinds: ['general_meeting', 'theme_day'],
    });
    let mine = (await w.as.member.get('/api/me/meetings')).json();
    expect(mine.upcoming.find((x: { id: number }) => x.id === m.id)).toMatchObject({
      topic: '七月主题党日',
      attendance: null,
      canRequestLeave: true,
    });
    expectStatus(await w.as.member.post(`/api/me/meetings/${m.id}/leave`, { reason: '' }), 400);
    const res = await w.as.member.post(`/api/me/meetings/${m.id}/leave`, { reason: '外出务工' });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({
      attendance: 'leave',
      leaveReason: '外出务工',
      canRequestLeave: false,
    });
    const [row] = await auditRows(w.t.deps.db, 'meeting.leave_request', m.id);
    expect(row).toMatchObject({ actorUsername: 'member', diff: { after: { leaveReason: '外出务工' } } });

    await at('2026-06-20T01:00:01Z');
    expectRule(
      await w.as.member.post(`/api/me/meetings/${m.id}/leave`, { reason: '临时有事' }),
      'leave_too_late',
    );
    await at(TEST_NOW.toISOString());

    const held = await createMeeting(w.as.sec_a1, w.tree.branchA1.id, {
      plannedStart: '2026-06-01T09:00:00+08:00',
      plannedEnd: null,
    });
    expectStatus(
      await w.as.sec_a1.post(`/api/meetings/${held.id}/hold`, {
        version: held.version,
        heldStart: '2026-06-01T09:00:00+08:00',
      }),
      200,
    );
    mine = (await w.as.member.get('/api/me/meetings')).json();
    expect(mine.past.map((x: { id: number }) => x.id)).toContain(held.id);
    expect(mine.upcoming.map((x: { id: number }) => x.id)).not.toContain(held.id);
  });

  it('answers 404 for a meeting the member is not expected at, 403 to staff and 401 without a session', async () => {
    const other = await createMeeting(w.as.sec_b1, w.tree.branchB1.id);
    expectStatus(await w.as.member.post(`/api/me/meetings/${other.id}/leave`, { reason: '事假' }), 404);
    expectStatus(await w.as.sec_a1.get('/api/me/meetings'), 403);
    expectStatus(await w.as.sec_a1.post(`/api/me/meetings/${other.id}/leave`, { reason: '事假' }), 403);
    expectStatus(await w.t.anon.get('/api/me/meetings'), 401);
    expectStatus(await w.t.anon.post(`/api/me/meetings/${other.id}/leave`, { reason: '事假' }), 401);
  });
});
