import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../../testing/actors.ts';
import { createMeeting } from '../../testing/fixtures/meetings.ts';
import {
  createMember,
  expectRule,
  expectStatus,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';
import { insertTermWithPosts } from '../../testing/fixtures/orgs.ts';

let w: RosterWorld;
type Member = { id: number; version: number };
let full: Member;
let probationary: Member;
let secretary: Member;
let arriving: Member;

const names = (view: { attendees: { name: string }[] }) => view.attendees.map((a) => a.name).sort();

beforeAll(async () => {
  w = await startRosterWorld();
  full = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name: '李明' });
  secretary = await createMember(w.as.sec_a1, w.tree.groupA1.id, {}, { name: '赵书记' });
  probationary = await createMember(
    w.as.sec_a1,
    w.tree.branchA1.id,
    { status: 'probationary', admittedOn: '2026-01-10', confirmedOn: undefined },
    { name: '钱预备' },
  );
  // 孙转入 moves from 光明社区第一党支部 to 和平社区第一党支部 on 2026-06-12.
  arriving = await createMember(w.as.sec_b1, w.tree.branchB1.id, {}, { name: '孙转入' });
  const t = await w.as.sec_b1.post('/api/transfers', {
    memberId: arriving.id,
    toOrgId: w.tree.branchA1.id,
    letterNo: '光组转〔2026〕1号',
    issuedOn: '2026-06-10',
  });
  expectStatus(t, 200);
  const received = await w.as.sec_a1.post(`/api/transfers/${t.json().id}/receive`, {
    version: t.json().version,
    receivedOn: '2026-06-12',
  });
  expectStatus(received, 200);
  await insertTermWithPosts(
    w.t.deps.db,
    w.tree.branchA1.id,
    { electedOn: '2024-01-01', endsOn: '2027-01-01' },
    [
      { post: 'secretary', holderName: '赵书记' },
      { post: 'committee_member', holderName: '李明' },
    ],
  );
});
afterAll(() => w.t.close());

const attendanceOf = async (id: number) => {
  const res = await w.as.sec_a1.get(`/api/meetings/${id}/attendance`);
  expectStatus(res, 200);
  return res.json();
};

describe('应到会 from the roster of the meeting’s day (docs/organizational-life.md §2)', () => {
  it('expects a member transferred in only from the day they arrived; the sending branch still expects them before', async () => {
    const before = await createMeeting(w.as.sec_a1, w.tree.branchA1.id, {
      plannedStart: '2026-06-11T09:00:00+08:00',
      plannedEnd: null,
    });
    expect(names(await attendanceOf(before.id))).toEqual(['李明', '赵书记', '钱预备']);
    const after = await createMeeting(w.as.sec_a1, w.tree.branchA1.id);
    expect(names(await attendanceOf(after.id))).toEqual(['孙转入', '李明', '赵书记', '钱预备'].sort());
    const sending = await createMeeting(w.as.sec_b1, w.tree.branchB1.id, {
      plannedStart: '2026-06-11T09:00:00+08:00',
      plannedEnd: null,
    });
    expect(names((await w.as.sec_b1.get(`/api/meetings/${sending.id}/attendance`)).json())).toEqual([
      '孙转入',
    ]);
  });

  it('re-derives 应到会 when the day changes, keeping the attendance recorded', async () => {
    const m = await createMeeting(w.as.sec_a1, w.tree.branchA1.id);
    const view = await attendanceOf(m.id);
    expectStatus(
      await w.as.sec_a1.put(`/api/meetings/${m.id}/attendance`, {
        version: view.version,
        attendees: [{ memberId: full.id, attendance: 'leave', leaveReason: '出差' }],
      }),
      200,
    );
    const moved = await w.as.sec_a1.patch(`/api/meetings/${m.id}`, {
      version: view.version + 1,
      plannedStart: '2026-06-11T09:00:00+08:00',
      plannedEnd: null,
    });
    expectStatus(moved, 200);
    const again = await attendanceOf(m.id);
    expect(names(again)).toEqual(['李明', '赵书记', '钱预备']);
    expect(again.rosterDate).toBe('2026-06-11');
    expect(again.attendees.find((a: { memberId: number }) => a.memberId === full.id)).toMatchObject({
      attendance: 'leave',
      leaveReason: '出差',
      checkInSource: 'secretary',
    });
  });

  it('lets a probationary member attend without a vote', async () => {
    const m = await createMeeting(w.as.sec_a1, w.tree.branchA1.id);
    const view = await attendanceOf(m.id);
    expect(view.attendees.find((a: { memberId: number }) => a.memberId === probationary.id)).toMatchObject({
      memberStatus: 'probationary',
      hasVote: false,
    });
    const res = await w.as.sec_a1.put(`/api/meetings/${m.id}/attendance`, {
      version: view.version,
      attendees: [
        { memberId: probationary.id, attendance: 'present' },
        { memberId: full.id, attendance: 'present' },
        { memberId: secretary.id, attendance: 'absent' },
        { memberId: arriving.id, excludedReason: 'abroad', excludedNote: '出国探亲' },
      ],
    });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({
      counts: { expected: 3, present: 2, absent: 1, excluded: 1, votingEntitled: 2, votingPresent: 1 },
      quorum: { kind: 'general', reached: false },
    });
    const [row] = await auditRows(w.t.deps.db, 'meeting.attendance', m.id);
    expect(row).toMatchObject({ actorUsername: 'sec_a1', orgId: w.tree.branchA1.id });
  });

  it('expects a 支委会 of the committee members in office that day', async () => {
    const m = await createMeeting(w.as.sec_a1, w.tree.branchA1.id, { kinds: ['committee_meeting'] });
    expect(names(await attendanceOf(m.id))).toEqual(['李明', '赵书记']);
    expect(m.quorum).toMatchObject({ kind: 'committee', reached: false });
  });

  it('marks a 党课 given by the secretary of the day when held', async () => {
    const m = await createMeeting(w.as.sec_a1, w.tree.branchA1.id, {
      kinds: ['party_lecture'],
      hostMemberId: secretary.id,
    });
    const held = await w.as.sec_a1.post(`/api/meetings/${m.id}/hold`, {
      version: m.version,
      heldStart: '2026-06-14T09:00:00+08:00',
    });
    expect(held.json()).toMatchObject({
      givenByHead: true,
      host: { memberId: secretary.id, name: '赵书记' },
    });
    const other = await createMeeting(w.as.sec_a1, w.tree.branchA1.id, {
      kinds: ['party_lecture'],
      hostMemberId: full.id,
    });
    const notHead = await w.as.sec_a1.post(`/api/meetings/${other.id}/hold`, {
      version: other.version,
      heldStart: '2026-06-14T09:00:00+08:00',
    });
    expect(notHead.json().givenByHead).toBe(false);
  });
});

describe('PUT /api/meetings/:id/attendance refusals', () => {
  it.each<[string, () => Record<string, unknown>, string]>([
    [
      'a member not on the roster of the day',
      () => ({ memberId: 999999, attendance: 'present' }),
      'not_expected_attendee',
    ],
    [
      'a 补课 by someone present',
      () => ({ memberId: full.id, attendance: 'present', makeUpOn: '2026-06-14' }),
      'make_up_not_needed',
    ],
    [
      'a 补课 after the configured 30 days',
      () => ({ memberId: full.id, attendance: 'absent', makeUpOn: '2026-06-10' }),
      'make_up_out_of_window',
    ],
  ])('refuses %s', async (_, entry, reason) => {
    const m = await createMeeting(w.as.sec_a1, w.tree.branchA1.id, {
      plannedStart: '2026-05-10T09:00:00+08:00',
      plannedEnd: null,
    });
    expectRule(
      await w.as.sec_a1.put(`/api/meetings/${m.id}/attendance`, { version: m.version, attendees: [entry()] }),
      reason,
    );
  });

  it('asks for the reason of a leave in Chinese (400)', async () => {
    const m = await createMeeting(w.as.sec_a1, w.tree.branchA1.id);
    const res = await w.as.sec_a1.put(`/api/meetings/${m.id}/attendance`, {
      version: m.version,
      attendees: [{ memberId: full.id, attendance: 'leave' }],
    });
    expectStatus(res, 400);
    expect(res.json().error.details.issues[0]).toMatchObject({ message: '请假须填写事由' });
  });

  it('refuses a reason the deployment does not offer', async () => {
    const settings = (await w.t.anon.get('/api/settings/orgLife')).statusCode;
    expect(settings).toBe(401);
    const m = await createMeeting(w.as.sec_a1, w.tree.branchA1.id);
    const policy = (await w.as.sec_a1.get('/api/meetings/policy')).json();
    expect(policy).toMatchObject({
      makeUpDays: 30,
      checkInBeforeMinutes: 30,
      checkInAfterMinutes: 120,
      maxAttachmentMb: 10,
    });
    const sys = await w.as.sysadmin.get('/api/settings/orgLife');
    expectStatus(sys, 200);
    expectStatus(
      await w.as.sysadmin.put('/api/settings/orgLife', {
        version: sys.json().version,
        value: { exclusionReasons: ['abroad'] },
      }),
      200,
    );
    expectRule(
      await w.as.sec_a1.put(`/api/meetings/${m.id}/attendance`, {
        version: m.version,
        attendees: [{ memberId: full.id, excludedReason: 'infirm' }],
      }),
      'exclusion_reason_not_offered',
    );
  });
});

describe('the roster of the day and those who leave it', () => {
  it('expects at a meeting before the day a member died, not at one after', async () => {
    const m = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name: '周故' });
    const died = await w.as.sec_a1.post(`/api/members/${m.id}/events`, {
      version: m.version,
      kind: 'record_death',
      effectiveOn: '2026-06-13',
      reason: '病故',
    });
    expectStatus(died, 200);
    const before = await createMeeting(w.as.sec_a1, w.tree.branchA1.id, {
      plannedStart: '2026-06-12T09:00:00+08:00',
      plannedEnd: null,
    });
    expect(names(await attendanceOf(before.id))).toContain('周故');
    const after = await createMeeting(w.as.sec_a1, w.tree.branchA1.id);
    expect(names(await attendanceOf(after.id))).not.toContain('周故');
  });
});
