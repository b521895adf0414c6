import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../../testing/actors.ts';
import { closedMeeting, createMeeting } from '../../testing/fixtures/meetings.ts';
import {
  createMember,
  expectRule,
  expectStatus,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';

let w: RosterWorld;
type Member = { id: number };
let full: Member[];
let probationary: Member;
let outsider: Member;
/** A closed 党员大会: four voting members 应到会, three present (and the probationary member present). */
let meetingId: number;

const secret = (inFavour: number, against = 0, abstain = 0, writtenInFavour = 0) => ({
  subject: 'admission',
  subjectMemberId: probationary.id,
  title: '接收钱预备为预备党员',
  secretBallot: true,
  tally: { inFavour, against, abstain, writtenInFavour },
});

beforeAll(async () => {
  w = await startRosterWorld();
  full = [];
  for (const name of ['甲', '乙', '丙', '丁'])
    full.push(await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name }));
  probationary = await createMember(
    w.as.sec_a1,
    w.tree.branchA1.id,
    { status: 'probationary', admittedOn: '2026-01-10', confirmedOn: undefined },
    { name: '钱预备' },
  );
  outsider = await createMember(w.as.sec_b1, w.tree.branchB1.id, {}, { name: '外人' });
  const m = await createMeeting(w.as.sec_a1, w.tree.branchA1.id);
  const absent = full[3]?.id;
  await closedMeeting(w.as.sec_a1, m.id, '2026-06-12', (id) => (id === absent ? 'absent' : 'present'));
  meetingId = m.id;
});
afterAll(() => w.t.close());

const vote = (body: Record<string, unknown>, id = meetingId) =>
  w.as.sec_a1.post(`/api/meetings/${id}/votes`, body);

describe('votes of a closed 支部党员大会 (docs/organizational-life.md §3)', () => {
  it('passes with more than half of the voting members 应到会, storing entitled and present, audited', async () => {
    const res = await vote(secret(3));
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({
      subject: 'admission',
      subjectMemberName: '钱预备',
      entitled: 4,
      present: 3,
      inFavour: 3,
      passed: true,
    });
    const [row] = await auditRows(w.t.deps.db, 'meeting.vote', meetingId);
    expect(row).toMatchObject({ actorUsername: 'sec_a1', diff: { after: { passed: true, entitled: 4 } } });
  });

  it('stores as not passed a vote whose 赞成 are half of those entitled, not more', async () => {
    const res = await vote(secret(2, 1));
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({ inFavour: 2, against: 1, passed: false });
  });

  it('counts a written opinion in favour of a voting member absent', async () => {
    const res = await vote(secret(2, 1, 0, 1));
    expect(res.json()).toMatchObject({ writtenInFavour: 1, passed: true });
  });

  it('refuses tallies beyond the voting members present', async () => {
    expectRule(await vote(secret(3, 1)), 'vote_tally_exceeds_present');
    expectRule(await vote(secret(3, 0, 0, 2)), 'vote_tally_exceeds_present');
  });

  it('takes an open vote one ballot per person, refusing a probationary member’s ballot', async () => {
    const ballots = [0, 1, 2].map((i) => ({ memberId: full[i]?.id, choice: 'in_favour' }));
    const res = await vote({
      subject: 'other',
      title: '表决支部年度工作计划',
      secretBallot: false,
      ballots: [...ballots, { memberId: full[3]?.id, choice: 'against', written: true }],
    });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({ inFavour: 3, against: 0, writtenInFavour: 0, passed: true });
    expect(res.json().ballots).toHaveLength(4);
    expectRule(
      await vote({
        subject: 'other',
        title: '表决',
        secretBallot: false,
        ballots: [{ memberId: probationary.id, choice: 'in_favour' }],
      }),
      'ballot_not_entitled',
    );
    const listed = (await w.as.admin_a.get(`/api/meetings/${meetingId}/votes`)).json();
    expect(listed.length).toBeGreaterThanOrEqual(4);
  });

  it('refuses a subject who is not on the branch’s roster', async () => {
    expectRule(await vote({ ...secret(3), subjectMemberId: outsider.id }), 'meeting_person_not_member');
  });

  it('refuses a vote of a meeting without its quorum, not closed, or not a 党员大会', async () => {
    const thin = await createMeeting(w.as.sec_a1, w.tree.branchA1.id);
    const present = new Set([full[0]?.id, full[1]?.id]);
    await closedMeeting(w.as.sec_a1, thin.id, '2026-06-13', (id) => (present.has(id) ? 'present' : 'absent'));
    expectRule(await vote(secret(2), thin.id), 'quorum_not_reached');

    const open = await createMeeting(w.as.sec_a1, w.tree.branchA1.id);
    expectRule(await vote(secret(3), open.id), 'meeting_not_closed');

    const day = await createMeeting(w.as.sec_a1, w.tree.branchA1.id, { kinds: ['theme_day'] });
    await closedMeeting(w.as.sec_a1, day.id, '2026-06-13');
    expectRule(await vote(secret(3), day.id), 'vote_only_at_general_meeting');
  });

  it('answers 404 out of scope, 403 without the permission, 401 without a session', async () => {
    for (const client of [w.as.sec_b1, w.as.admin_b]) {
      expectStatus(await client.post(`/api/meetings/${meetingId}/votes`, secret(3)), 404);
      expectStatus(await client.get(`/api/meetings/${meetingId}/votes`), 404);
    }
    for (const [client, status] of [
      [w.as.member, 403],
      [w.as.sysadmin, 403],
      [w.t.anon, 401],
    ] as const) {
      expectStatus(await client.post(`/api/meetings/${meetingId}/votes`, secret(3)), status);
      expectStatus(await client.get(`/api/meetings/${meetingId}/votes`), status);
    }
  });
});
