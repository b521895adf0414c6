import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../../testing/audit-rows.ts';
import {
  createMember,
  expectRule,
  expectStatus,
  linkUser,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';

/**
 * The follow-up of the two lower grades (docs/organizational-life.md §5.2) and the member's own part from the phone
 * (self-assessment and ballots, §5.1), through the API.
 */
let w: RosterWorld;
const m: Record<'good' | 'basic' | 'bad' | 'me', { id: number; personId: number; status: string }> =
  {} as never;
let roundId = 0;

async function grade(memberId: number, g: string) {
  const version = (await w.as.sec_a1.get(`/api/appraisals/${roundId}`)).json().version;
  const res = await w.as.sec_a1.patch(`/api/appraisals/${roundId}/participants/${memberId}`, {
    version,
    grade: g,
  });
  expectStatus(res, 200);
}

beforeAll(async () => {
  w = await startRosterWorld();
  const names = { good: '好党员', basic: '基本党员', bad: '差党员', me: '本人党员' } as const;
  for (const [key, name] of Object.entries(names)) {
    m[key as keyof typeof names] = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name });
  }
  await linkUser(w.t.deps.db, 'member', m.me.personId);
  const res = await w.as.sec_a1.post('/api/appraisals', {
    orgId: w.tree.branchA1.id,
    year: 2026,
    heldOn: '2026-06-01',
  });
  roundId = res.json().id;
  await grade(m.good.id, 'qualified');
  await grade(m.basic.id, 'basically_qualified');
  await grade(m.bad.id, 'unqualified');
});
afterAll(() => w.t.close());

describe('follow-up cases', () => {
  let caseId = 0;
  const body = (memberId: number, measure: string) => ({ memberId, measure, openedOn: '2026-06-05' });

  it('lists the measures of each grade on the participant', async () => {
    const items = (await w.as.sec_a1.get(`/api/appraisals/${roundId}`)).json().items;
    const of = (id: number) => items.find((p: { memberId: number }) => p.memberId === id).measures;
    expect(of(m.good.id)).toEqual([]);
    expect(of(m.basic.id)).toEqual(['education']);
    expect(of(m.bad.id)).toEqual(['education', 'rectification', 'persuade', 'removal']);
  });

  it('opens a case for a measure of the grade only, audited', async () => {
    const url = `/api/appraisals/${roundId}/cases`;
    expectRule(await w.as.sec_a1.post(url, body(m.good.id, 'education')), 'appraisal_measure_not_for_grade');
    expectRule(await w.as.sec_a1.post(url, body(m.basic.id, 'removal')), 'appraisal_measure_not_for_grade');
    const res = await w.as.sec_a1.post(url, body(m.bad.id, 'removal'));
    expectStatus(res, 200);
    caseId = res.json().id;
    expect(res.json()).toMatchObject({
      status: 'open',
      measure: 'removal',
      changesStatusOnMemberPage: true,
      steps: [
        { key: 'general_meeting', on: null },
        { key: 'approval', on: null },
        { key: 'status_change', on: null },
      ],
    });
    const [row] = await auditRows(w.t.deps.db, 'appraisal.case_create');
    expect(row).toMatchObject({ entityType: 'appraisal_case', entityId: String(caseId) });
    expect((await w.as.sec_a1.get(`/api/appraisals/${roundId}`)).json().openCases).toBe(1);
  });

  it('answers 401, 403 and 404 on a new case', async () => {
    const url = `/api/appraisals/${roundId}/cases`;
    expectStatus(await w.t.anon.post(url, body(m.bad.id, 'education')), 401);
    expectStatus(await w.as.sysadmin.post(url, body(m.bad.id, 'education')), 403);
    expectStatus(await w.as.admin_b.post(url, body(m.bad.id, 'education')), 404);
  });

  it('is done only with every step recorded, and never changes the member', async () => {
    const first = await w.as.sec_a1.patch(`/api/appraisal-cases/${caseId}`, {
      version: 1,
      steps: { general_meeting: { on: '2026-06-10', note: '支部大会表决' } },
      status: 'done',
    });
    expectRule(first, 'appraisal_case_steps_incomplete');
    expectRule(
      await w.as.sec_a1.patch(`/api/appraisal-cases/${caseId}`, {
        version: 1,
        steps: { talk: { on: '2026-06-10' } },
      }),
      'appraisal_case_unknown_step',
    );
    const all = {
      general_meeting: { on: '2026-06-10' },
      approval: { on: '2026-06-12', note: '街道党工委批复' },
      status_change: { on: '2026-06-13' },
    };
    expectStatus(await w.t.anon.patch(`/api/appraisal-cases/${caseId}`, { version: 1, steps: all }), 401);
    expectStatus(await w.as.member.patch(`/api/appraisal-cases/${caseId}`, { version: 1, steps: all }), 403);
    expectStatus(await w.as.sec_b1.patch(`/api/appraisal-cases/${caseId}`, { version: 1, steps: all }), 404);
    const done = await w.as.sec_a1.patch(`/api/appraisal-cases/${caseId}`, {
      version: 1,
      steps: all,
      status: 'done',
    });
    expectStatus(done, 200);
    expect(done.json().status).toBe('done');
    const [row] = await auditRows(w.t.deps.db, 'appraisal.case_update');
    expect(row?.diff).toMatchObject({ before: { status: 'open' }, after: { status: 'done' } });
    const member = (await w.as.sec_a1.get(`/api/members/${m.bad.id}`)).json();
    expect(member.status).toBe('full');
    expectRule(
      await w.as.sec_a1.patch(`/api/appraisal-cases/${caseId}`, { version: 2, status: 'withdrawn' }),
      'appraisal_case_finished',
    );
  });

  it('deletes an open case entered by mistake, audited; not a finished one', async () => {
    const created = await w.as.sec_a1.post(`/api/appraisals/${roundId}/cases`, body(m.basic.id, 'education'));
    const id = created.json().id;
    expectStatus(await w.t.anon.delete(`/api/appraisal-cases/${id}?version=1`), 401);
    expectStatus(await w.as.sysadmin.delete(`/api/appraisal-cases/${id}?version=1`), 403);
    expectStatus(await w.as.admin_b.delete(`/api/appraisal-cases/${id}?version=1`), 404);
    expectStatus(await w.as.sec_a1.delete(`/api/appraisal-cases/${id}?version=1`), 200);
    const [row] = await auditRows(w.t.deps.db, 'appraisal.case_delete');
    expect(row).toMatchObject({ entityId: String(id) });
    expectRule(
      await w.as.sec_a1.delete(`/api/appraisal-cases/${caseId}?version=2`),
      'appraisal_case_finished',
    );
  });
});

describe("the member's own part (member.self)", () => {
  it('lists the open rounds the member takes part in, with the other participants', async () => {
    const res = await w.as.member.get('/api/me/appraisals');
    expectStatus(res, 200);
    const [own] = res.json().items;
    expect(own).toMatchObject({ id: roundId, selfAssessment: null });
    expect(own.peers.map((p: { memberId: number }) => p.memberId)).not.toContain(m.me.id);
    expect(own.peers).toHaveLength(3);
  });

  it('saves the self-assessment and one ballot per person (a new one replaces the earlier), audited', async () => {
    const url = `/api/me/appraisals/${roundId}`;
    await w.as.member.put(url, { ballots: [{ subjectMemberId: m.good.id, grade: 'qualified' }] });
    const res = await w.as.member.put(url, {
      selfAssessment: '按时参加组织生活',
      ballots: [{ subjectMemberId: m.good.id, grade: 'excellent' }],
    });
    expectStatus(res, 200);
    const [own] = res.json().items;
    expect(own.selfAssessment).toBe('按时参加组织生活');
    expect(own.peers.find((p: { memberId: number }) => p.memberId === m.good.id).myVote).toBe('excellent');
    const view = (await w.as.sec_a1.get(`/api/appraisals/${roundId}`)).json();
    const good = view.items.find((p: { memberId: number }) => p.memberId === m.good.id);
    expect(good.ballotVotes).toEqual({ excellent: 1, qualified: 0, basically_qualified: 0, unqualified: 0 });
    expect((await auditRows(w.t.deps.db, 'appraisal.ballot')).length).toBe(2);
    const [self] = await auditRows(w.t.deps.db, 'appraisal.participant');
    expect(self?.diff).toMatchObject({ note: { memberId: m.me.id, self: true } });
  });

  it('refuses a ballot about oneself or about someone outside the round', async () => {
    const url = `/api/me/appraisals/${roundId}`;
    expectRule(
      await w.as.member.put(url, { ballots: [{ subjectMemberId: m.me.id, grade: 'excellent' }] }),
      'appraisal_self_vote',
    );
    const outsider = await createMember(w.as.city_admin, w.tree.branchB1.id, {}, { name: '外支部党员' });
    expectStatus(
      await w.as.member.put(url, { ballots: [{ subjectMemberId: outsider.id, grade: 'excellent' }] }),
      404,
    );
  });

  it('answers 401 without a session, 403 for a role without member.self, 404 for a round not theirs', async () => {
    expectStatus(await w.t.anon.get('/api/me/appraisals'), 401);
    expectStatus(await w.t.anon.put(`/api/me/appraisals/${roundId}`, {}), 401);
    expectStatus(await w.as.sec_a1.get('/api/me/appraisals'), 403);
    expectStatus(await w.as.sec_a1.put(`/api/me/appraisals/${roundId}`, {}), 403);
    expectStatus(await w.as.member.put('/api/me/appraisals/999999', {}), 404);
  });
});
