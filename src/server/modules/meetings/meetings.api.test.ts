import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../../testing/actors.ts';
import { createMeeting, meetingBody } from '../../testing/fixtures/meetings.ts';
import {
  createMember,
  expectRule,
  expectStatus,
  issuePaths,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';

let w: RosterWorld;

beforeAll(async () => {
  w = await startRosterWorld();
  await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name: '李明' });
  await createMember(w.as.sec_a1, w.tree.groupA1.id, {}, { name: '王芳' });
});
afterAll(() => w.t.close());

describe('POST /api/meetings (docs/organizational-life.md §4)', () => {
  it('plans a meeting with 应到会 from the roster of its day, audited', async () => {
    const m = await createMeeting(w.as.sec_a1, w.tree.branchA1.id, {
      kinds: ['general_meeting', 'party_lecture'],
    });
    expect(m).toMatchObject({
      status: 'planned',
      orgName: '和平社区第一党支部',
      kinds: ['general_meeting', 'party_lecture'],
      heldOn: null,
      counts: { expected: 2, present: 0, unrecorded: 2, votingEntitled: 2 },
      quorum: { kind: 'general', reached: false },
      can: { edit: true, delete: true, hold: true, close: false, reopen: false, vote: false },
      version: 1,
    });
    const [row] = await auditRows(w.t.deps.db, 'meeting.create', m.id);
    expect(row).toMatchObject({ actorUsername: 'sec_a1', entityType: 'meeting', orgId: w.tree.branchA1.id });
  });

  it.each<[string, () => Record<string, unknown>, string]>([
    ['a group meeting by a branch', () => ({ kinds: ['group_meeting'] }), 'meeting_kind_not_for_org'],
    ['a general meeting by a group', () => ({ orgId: w.tree.groupA1.id }), 'meeting_kind_not_for_org'],
    [
      'a general meeting by a community committee',
      () => ({ orgId: w.tree.communityA1.id }),
      'meeting_kind_not_for_org',
    ],
    [
      'an end before the start',
      () => ({ plannedEnd: '2026-06-20T08:00:00+08:00' }),
      'meeting_end_before_start',
    ],
  ])('refuses %s', async (_, extra, reason) => {
    expectRule(await w.as.sec_a1.post('/api/meetings', meetingBody(w.tree.branchA1.id, extra())), reason);
  });

  it('lets a group hold its 党小组会, expecting its own members only', async () => {
    const m = await createMeeting(w.as.sec_a1, w.tree.groupA1.id, { kinds: ['group_meeting'] });
    expect(m.counts.expected).toBe(1);
  });

  it('refuses a host who is not a member of the org, and takes a free name', async () => {
    const other = await createMember(w.as.admin_a, w.tree.branchA2.id, {}, { name: '外支部' });
    expectRule(
      await w.as.admin_a.post('/api/meetings', meetingBody(w.tree.branchA1.id, { hostMemberId: other.id })),
      'meeting_person_not_member',
    );
    const m = await createMeeting(w.as.sec_a1, w.tree.branchA1.id, {
      kinds: ['party_lecture'],
      hostName: '区委党校张老师',
    });
    expect(m.host).toEqual({ memberId: null, name: '区委党校张老师' });
  });

  it('answers 400 in Chinese for a missing topic and no kinds', async () => {
    const res = await w.as.sec_a1.post(
      '/api/meetings',
      meetingBody(w.tree.branchA1.id, { topic: '', kinds: [] }),
    );
    expect(issuePaths(res).sort()).toEqual(['body.kinds', 'body.topic']);
  });
});

describe('the lifecycle: hold, close, reopen', () => {
  it('holds, refuses to close without minutes or with attendance missing, then closes and reopens', async () => {
    const m = await createMeeting(w.as.sec_a1, w.tree.branchA1.id);
    const future = await w.as.sec_a1.post(`/api/meetings/${m.id}/hold`, {
      version: m.version,
      heldStart: '2026-06-16T09:00:00+08:00',
    });
    expectRule(future, 'meeting_held_in_future');

    let res = await w.as.sec_a1.post(`/api/meetings/${m.id}/hold`, {
      version: m.version,
      heldStart: '2026-06-12T14:00:00+08:00',
    });
    expectStatus(res, 200);
    let held = res.json();
    expect(held).toMatchObject({ status: 'held', heldOn: '2026-06-12', can: { close: true, delete: false } });
    expect((await auditRows(w.t.deps.db, 'meeting.hold', m.id)).length).toBe(1);

    expectRule(
      await w.as.sec_a1.post(`/api/meetings/${m.id}/close`, { version: held.version }),
      'meeting_minutes_missing',
    );
    res = await w.as.sec_a1.patch(`/api/meetings/${m.id}`, { version: held.version, minutes: '会议记录' });
    expectStatus(res, 200);
    held = res.json();
    expectRule(
      await w.as.sec_a1.post(`/api/meetings/${m.id}/close`, { version: held.version }),
      'attendance_incomplete',
    );

    expectRule(
      await w.as.sec_a1.patch(`/api/meetings/${m.id}`, {
        version: held.version,
        heldStart: '2026-06-17T09:00:00+08:00',
      }),
      'meeting_held_in_future',
    );
    expectRule(
      await w.as.sec_a1.delete(`/api/meetings/${m.id}?version=${held.version}`),
      'meeting_not_planned',
    );

    const view = await holdWithAttendanceOf(m.id);
    res = await w.as.sec_a1.post(`/api/meetings/${m.id}/close`, { version: view.version });
    expectStatus(res, 200);
    const closed = res.json();
    expect(closed).toMatchObject({
      status: 'closed',
      counts: { expected: 2, present: 2 },
      quorum: { reached: true },
    });
    expect(closed.closedAt).not.toBeNull();
    expect((await auditRows(w.t.deps.db, 'meeting.close', m.id)).length).toBe(1);

    expectRule(
      await w.as.sec_a1.patch(`/api/meetings/${m.id}`, { version: closed.version, topic: '改' }),
      'meeting_closed',
    );
    expect(
      issuePaths(await w.as.sec_a1.post(`/api/meetings/${m.id}/reopen`, { version: closed.version })),
    ).toEqual(['body.reason']);
    res = await w.as.sec_a1.post(`/api/meetings/${m.id}/reopen`, {
      version: closed.version,
      reason: '补充会议决议',
    });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({ status: 'held', closedAt: null });
    const [reopened] = await auditRows(w.t.deps.db, 'meeting.reopen', m.id);
    expect(reopened?.diff).toMatchObject({ note: { reason: '补充会议决议' } });
    expectRule(
      await w.as.sec_a1.post(`/api/meetings/${m.id}/reopen`, { version: res.json().version, reason: '再次' }),
      'meeting_not_closed',
    );
  });

  it('answers 409 to a stale version', async () => {
    const m = await createMeeting(w.as.sec_a1, w.tree.branchA1.id);
    expectStatus(
      await w.as.sec_a1.patch(`/api/meetings/${m.id}`, { version: m.version, topic: '新题目' }),
      200,
    );
    expectStatus(
      await w.as.sec_a1.patch(`/api/meetings/${m.id}`, { version: m.version, topic: '又一个' }),
      409,
    );
  });

  it('deletes a planned meeting, audited', async () => {
    const m = await createMeeting(w.as.sec_a1, w.tree.branchA1.id);
    expectStatus(await w.as.sec_a1.delete(`/api/meetings/${m.id}?version=${m.version}`), 200);
    expectStatus(await w.as.sec_a1.get(`/api/meetings/${m.id}`), 404);
    expect((await auditRows(w.t.deps.db, 'meeting.delete', m.id)).length).toBe(1);
  });

  it('updates a planned meeting, audited with what changed', async () => {
    const m = await createMeeting(w.as.sec_a1, w.tree.branchA1.id);
    const res = await w.as.sec_a1.patch(`/api/meetings/${m.id}`, {
      version: m.version,
      topic: '主题党日：志愿服务',
      kinds: ['general_meeting', 'theme_day'],
      place: '',
    });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({ topic: '主题党日：志愿服务', place: null, version: m.version + 1 });
    const [row] = await auditRows(w.t.deps.db, 'meeting.update', m.id);
    expect(row?.diff).toMatchObject({
      before: { topic: '学习贯彻党的二十届三中全会精神' },
      after: { topic: '主题党日：志愿服务', place: null },
    });
  });
});

describe('GET /api/meetings', () => {
  it('lists the meetings of a subtree by day, kind and status', async () => {
    const res = await w.as.admin_a.get(
      `/api/meetings?orgId=${w.tree.branchA1.id}&kind=group_meeting&from=2026-06-01&to=2026-06-30`,
    );
    expectStatus(res, 200);
    expect(res.json().items.map((m: { orgId: number }) => m.orgId)).toEqual([w.tree.groupA1.id]);
    const planned = (await w.as.sec_a1.get('/api/meetings?status=planned&pageSize=200')).json();
    expect(planned.total).toBeGreaterThan(1);
    expect(planned.items.every((m: { status: string }) => m.status === 'planned')).toBe(true);
    expect((await w.as.sec_b1.get('/api/meetings')).json().total).toBe(0);
  });
});

async function holdWithAttendanceOf(id: number) {
  const view = (await w.as.sec_a1.get(`/api/meetings/${id}/attendance`)).json();
  const res = await w.as.sec_a1.put(`/api/meetings/${id}/attendance`, {
    version: view.version,
    attendees: view.attendees.map((a: { memberId: number }) => ({
      memberId: a.memberId,
      attendance: 'present',
    })),
  });
  expectStatus(res, 200);
  return res.json();
}
