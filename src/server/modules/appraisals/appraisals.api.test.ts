import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../../testing/audit-rows.ts';
import {
  createMember,
  expectRule,
  expectStatus,
  issuePaths,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';

/**
 * 民主评议党员 through the API (docs/organizational-life.md §5.1): the round of a branch and year, its participants
 * from the roster (预备党员 without a grade), grades and the one-third warning, the close and the reopening; scope,
 * permissions and the audit row of every write.
 */
let w: RosterWorld;
const ids: { full: number[]; probationary: number; other: number } = { full: [], probationary: 0, other: 0 };
let roundId = 0;

beforeAll(async () => {
  w = await startRosterWorld();
  for (const name of ['甲党员', '乙党员', '丙党员', '丁党员']) {
    ids.full.push((await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name })).id);
  }
  ids.probationary = (
    await createMember(
      w.as.sec_a1,
      w.tree.groupA1.id,
      { status: 'probationary', admittedOn: '2026-01-10', confirmedOn: null },
      { name: '戊预备' },
    )
  ).id;
  ids.other = (await createMember(w.as.city_admin, w.tree.branchB1.id, {}, { name: '己党员' })).id;
});
afterAll(() => w.t.close());

const round = () => w.as.sec_a1.get(`/api/appraisals/${roundId}`);

describe('POST /api/appraisals', () => {
  it('opens the round of a branch with its participants: full members graded, probationary ones not', async () => {
    const res = await w.as.sec_a1.post('/api/appraisals', {
      orgId: w.tree.branchA1.id,
      year: 2026,
      heldOn: '2026-06-10',
    });
    expectStatus(res, 200);
    const view = res.json();
    roundId = view.id;
    expect(view).toMatchObject({ status: 'open', participants: 5, graded: 4, can: { manage: true } });
    const prob = view.items.find((p: { memberId: number }) => p.memberId === ids.probationary);
    expect(prob).toMatchObject({ graded: false, memberStatus: 'probationary' });
    expect(view.items.map((p: { memberId: number }) => p.memberId)).not.toContain(ids.other);
    const [row] = await auditRows(w.t.deps.db, 'appraisal.create');
    expect(row).toMatchObject({
      entityType: 'appraisal',
      entityId: String(roundId),
      orgId: w.tree.branchA1.id,
    });
  });

  it('refuses a second round of the year, a round of a non-branch, and a date outside the year', async () => {
    const body = { orgId: w.tree.branchA1.id, year: 2026, heldOn: '2026-06-11' };
    expectRule(await w.as.sec_a1.post('/api/appraisals', body), 'appraisal_round_exists');
    expectRule(
      await w.as.sec_a1.post('/api/appraisals', { ...body, orgId: w.tree.groupA1.id }),
      'appraisal_not_branch',
    );
    expect(issuePaths(await w.as.sec_a1.post('/api/appraisals', { ...body, year: 2025 }))).toEqual([
      'body.heldOn',
    ]);
  });

  it('answers 401, 403 and 404 as the access rules say', async () => {
    const body = { orgId: w.tree.branchA2.id, year: 2026, heldOn: '2026-06-10' };
    expectStatus(await w.t.anon.post('/api/appraisals', body), 401);
    expectStatus(await w.as.sysadmin.post('/api/appraisals', body), 403);
    expectStatus(await w.as.member.post('/api/appraisals', body), 403);
    expectStatus(await w.as.sec_a1.post('/api/appraisals', body), 404);
    expectStatus(await w.as.admin_b.post('/api/appraisals', { ...body, orgId: w.tree.branchA1.id }), 404);
  });
});

describe('GET /api/appraisals and /api/appraisals/:id', () => {
  it('lists the rounds of a subtree and year, in scope only', async () => {
    const list = await w.as.admin_a.get(`/api/appraisals?orgId=${w.tree.streetA.id}&year=2026`);
    expectStatus(list, 200);
    expect(list.json().items.map((r: { id: number }) => r.id)).toEqual([roundId]);
    expect((await w.as.admin_a.get('/api/appraisals?year=2025')).json().items).toEqual([]);
    expect((await w.as.admin_b.get('/api/appraisals')).json().items).toEqual([]);
    expectStatus(await w.as.admin_b.get(`/api/appraisals?orgId=${w.tree.branchA1.id}`), 404);
  });

  it('answers 401, 403 and 404', async () => {
    expectStatus(await w.t.anon.get('/api/appraisals'), 401);
    expectStatus(await w.t.anon.get(`/api/appraisals/${roundId}`), 401);
    expectStatus(await w.as.sysadmin.get('/api/appraisals'), 403);
    expectStatus(await w.as.member.get(`/api/appraisals/${roundId}`), 403);
    expectStatus(await w.as.sec_b1.get(`/api/appraisals/${roundId}`), 404);
    expectStatus(await w.as.sec_a1.get('/api/appraisals/999999'), 404);
  });
});

describe('participants, the one-third warning and the close', () => {
  const patch = async (memberId: number, body: Record<string, unknown>) => {
    const version = (await round()).json().version;
    return w.as.sec_a1.patch(`/api/appraisals/${roundId}/participants/${memberId}`, { version, ...body });
  };

  it('records a self-assessment, the peer votes and a grade, audited with before and after', async () => {
    const res = await patch(ids.full[0] as number, {
      selfAssessment: '认真学习，积极参加组织生活',
      peerVotes: { excellent: 3, qualified: 1, basically_qualified: 0, unqualified: 0 },
      grade: 'excellent',
    });
    expectStatus(res, 200);
    const p = res.json().items.find((x: { memberId: number }) => x.memberId === ids.full[0]);
    expect(p).toMatchObject({ grade: 'excellent', selfAssessment: '认真学习，积极参加组织生活' });
    expect(p.peerVotes.excellent).toBe(3);
    expect(res.json().warnings).toEqual([]);
    const [row] = await auditRows(w.t.deps.db, 'appraisal.participant');
    expect(row?.diff).toMatchObject({ after: { grade: 'excellent' }, note: { memberId: ids.full[0] } });
  });

  it('refuses a grade for a probationary participant', async () => {
    expectRule(await patch(ids.probationary, { grade: 'qualified' }), 'appraisal_not_graded');
  });

  it('warns, never blocks, when excellent exceeds one third of the graded', async () => {
    const res = await patch(ids.full[1] as number, { grade: 'excellent' });
    expectStatus(res, 200);
    expect(res.json().gradeCounts.excellent).toBe(2);
    expect(res.json().warnings).toEqual([
      { reason: 'excellent_over_share', message: expect.stringContaining('超过') },
    ]);
  });

  it('refuses the close while a graded participant has no grade', async () => {
    const version = (await round()).json().version;
    const res = await w.as.sec_a1.post(`/api/appraisals/${roundId}/close`, { version });
    expectRule(res, 'appraisal_ungraded');
    expect(res.json().error.details.missing).toBe(2);
  });

  it('closes once every graded participant is graded, and locks the round', async () => {
    await patch(ids.full[2] as number, { grade: 'qualified' });
    await patch(ids.full[3] as number, { grade: 'unqualified' });
    const version = (await round()).json().version;
    expectStatus(await w.as.sec_b1.post(`/api/appraisals/${roundId}/close`, { version }), 404);
    expectStatus(await w.as.member.post(`/api/appraisals/${roundId}/close`, { version }), 403);
    expectStatus(await w.t.anon.post(`/api/appraisals/${roundId}/close`, { version }), 401);
    const res = await w.as.sec_a1.post(`/api/appraisals/${roundId}/close`, { version });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({ status: 'closed', gradeCounts: { excellent: 2, unqualified: 1 } });
    expect(res.json().warnings).toHaveLength(1);
    const [row] = await auditRows(w.t.deps.db, 'appraisal.close');
    expect(row?.diff).toMatchObject({
      after: { status: 'closed' },
      note: { warnings: ['excellent_over_share'] },
    });
    expectRule(await patch(ids.full[2] as number, { grade: 'excellent' }), 'appraisal_closed');
    expectStatus(
      await w.as.sec_a1.post(`/api/appraisals/${roundId}/close`, { version: res.json().version }),
      422,
    );
  });

  it('reopens with a reason only, audited', async () => {
    const version = (await round()).json().version;
    expect(issuePaths(await w.as.sec_a1.post(`/api/appraisals/${roundId}/reopen`, { version }))).toEqual([
      'body.reason',
    ]);
    expectStatus(await w.t.anon.post(`/api/appraisals/${roundId}/reopen`, { version, reason: '补评' }), 401);
    expectStatus(
      await w.as.sysadmin.post(`/api/appraisals/${roundId}/reopen`, { version, reason: '补评' }),
      403,
    );
    expectStatus(
      await w.as.admin_b.post(`/api/appraisals/${roundId}/reopen`, { version, reason: '补评' }),
      404,
    );
    const res = await w.as.sec_a1.post(`/api/appraisals/${roundId}/reopen`, { version, reason: '等次有误' });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({ status: 'open', reopenReason: '等次有误' });
    const [row] = await auditRows(w.t.deps.db, 'appraisal.reopen');
    expect(row?.diff).toMatchObject({ note: { reason: '等次有误' } });
    expectRule(
      await w.as.sec_a1.post(`/api/appraisals/${roundId}/reopen`, {
        version: res.json().version,
        reason: 'x',
      }),
      'appraisal_not_closed',
    );
  });

  it('answers 401, 403 and 404 on a participant, and 409 on a stale version', async () => {
    const url = `/api/appraisals/${roundId}/participants/${ids.full[2]}`;
    const version = (await round()).json().version;
    expectStatus(await w.t.anon.patch(url, { version, grade: 'qualified' }), 401);
    expectStatus(await w.as.member.patch(url, { version, grade: 'qualified' }), 403);
    expectStatus(await w.as.sec_b1.patch(url, { version, grade: 'qualified' }), 404);
    expectStatus(
      await w.as.sec_a1.patch(`/api/appraisals/${roundId}/participants/${ids.other}`, { version }),
      404,
    );
    expectStatus(await w.as.sec_a1.patch(url, { version: version + 5, grade: 'qualified' }), 409);
  });
});

describe('as configured (CFG: 组织生活 settings)', () => {
  it('grades probationary members and warns at another share when the settings say so', async () => {
    const sys = (await w.as.sysadmin.get('/api/settings/orgLife')).json();
    expect(sys.value).toMatchObject({
      appraisalGradeProbationary: false,
      appraisalExcellentDivisor: 3,
      talkPairings: ['secretary_committee', 'secretary_member', 'committee_committee'],
    });
    const saved = await w.as.sysadmin.put('/api/settings/orgLife', {
      version: sys.version,
      value: { appraisalGradeProbationary: true, appraisalExcellentDivisor: 2 },
    });
    expectStatus(saved, 200);
    const first = await createMember(w.as.admin_a, w.tree.branchA2.id, {}, { name: '庚党员' });
    await createMember(
      w.as.admin_a,
      w.tree.branchA2.id,
      { status: 'probationary', admittedOn: '2026-01-10', confirmedOn: null },
      { name: '辛预备' },
    );
    const res = await w.as.admin_a.post('/api/appraisals', {
      orgId: w.tree.branchA2.id,
      year: 2026,
      heldOn: '2026-06-01',
    });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({ participants: 2, graded: 2 });
    const graded = await w.as.admin_a.patch(`/api/appraisals/${res.json().id}/participants/${first.id}`, {
      version: res.json().version,
      grade: 'excellent',
    });
    // One excellent of two graded: not over one half.
    expect(graded.json().warnings).toEqual([]);
  });
});
