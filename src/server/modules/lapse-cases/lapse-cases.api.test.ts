import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAPSE_FINDING_KIND } from '../../../domain/membership/index.ts';
import { auditRows } from '../../testing/audit-rows.ts';
import {
  createMember,
  expectRule,
  expectStatus,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';
import { insertMeeting } from '../../testing/fixtures/org-life.ts';

/**
 * 党章第九条 cases (docs/membership.md §6) through the API: opened only from the member's 6-month to-do (today
 * 2026-06-15: absent from December to May), the procedure's steps, the outcomes, and the to-do gone while the case is
 * open and after a valid reason. The member's status never changes.
 */
let w: RosterWorld;
let lapsed: { id: number };
let present: { id: number };

/** The member 应到会 at a meeting of branch A1 on `day`, with this attendance. */
async function attended(memberId: number, day: string, attendance: 'present' | 'absent') {
  const id = await insertMeeting(w.t.deps.db, {
    orgId: w.tree.branchA1.id,
    kinds: ['theme_day'],
    status: 'closed',
    heldOn: day,
  });
  await w.t.deps.db.execute(
    sql`insert into meeting_attendees (meeting_id, member_id, has_vote, attendance)
        values (${id}, ${memberId}, true, ${attendance})`,
  );
}

type Item = { finding: { kind: string; subject?: { type: string; id: number } } };
async function absenceTodosOf(memberId: number): Promise<string[]> {
  const res = await w.as.sec_a1.get('/api/findings?pageSize=200');
  expectStatus(res, 200);
  return res
    .json()
    .items.filter((i: Item) => i.finding.subject?.type === 'member' && i.finding.subject.id === memberId)
    .map((i: Item) => i.finding.kind)
    .filter((k: string) => k.startsWith('org_life_'));
}

beforeAll(async () => {
  w = await startRosterWorld();
  lapsed = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name: '赵脱离' });
  present = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name: '钱按时' });
  for (const month of ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05']) {
    await attended(lapsed.id, `${month}-12`, 'absent');
    await attended(present.id, `${month}-12`, 'present');
  }
}, 60_000);
afterAll(() => w.t.close());

const open = (memberId: number, cause = 'org_life_absence') => ({ memberId, cause });
let caseId = 0;

describe('opening a case', () => {
  it("shows on the member's page whether a case may be opened, and why not", async () => {
    expect(await absenceTodosOf(lapsed.id)).toEqual(['org_life_lapse']);
    const res = await w.as.sec_a1.get(`/api/members/${lapsed.id}/lapse-cases`);
    expectStatus(res, 200);
    const [absence, dues] = res.json().causes;
    expect(absence).toMatchObject({
      cause: 'org_life_absence',
      canOpen: true,
      why: null,
      finding: { runFrom: '2025-12', runTo: '2026-05' },
    });
    expect(absence.finding.message).toMatch(/请立案办理/);
    expect(dues).toMatchObject({ cause: 'dues_arrears', canOpen: false, finding: null });
    expect(dues.why).toMatch(/[\u4e00-\u9fff]/);
    const other = (await w.as.sec_a1.get(`/api/members/${present.id}/lapse-cases`)).json();
    expect(other.causes[0]).toMatchObject({ canOpen: false, finding: null });
    expect(other.causes[0].why).toMatch(/没有“连续6个月不参加党的组织生活”的待办/);
  });

  it('answers 401, 403 and 404 on the member page', async () => {
    const url = `/api/members/${lapsed.id}/lapse-cases`;
    expectStatus(await w.t.anon.get(url), 401);
    expectStatus(await w.as.sysadmin.get(url), 403);
    expectStatus(await w.as.admin_b.get(url), 404);
  });

  it('refuses a case without the 6-month to-do, and a dues case while dues raise none', async () => {
    expectRule(await w.as.sec_a1.post('/api/lapse-cases', open(present.id)), 'lapse_case_no_finding');
    expectRule(
      await w.as.sec_a1.post('/api/lapse-cases', open(lapsed.id, 'dues_arrears')),
      LAPSE_FINDING_KIND.dues_arrears === null ? 'lapse_cause_not_tracked' : 'lapse_case_no_finding',
    );
  });

  it('answers 401, 403 and 404 on a new case', async () => {
    expectStatus(await w.t.anon.post('/api/lapse-cases', open(lapsed.id)), 401);
    expectStatus(await w.as.sysadmin.post('/api/lapse-cases', open(lapsed.id)), 403);
    expectStatus(await w.as.member.post('/api/lapse-cases', open(lapsed.id)), 403);
    expectStatus(await w.as.admin_b.post('/api/lapse-cases', open(lapsed.id)), 404);
  });

  it('opens the case with the run of the to-do, audited; the to-do goes while it is open', async () => {
    const res = await w.as.sec_a1.post('/api/lapse-cases', open(lapsed.id));
    expectStatus(res, 200);
    caseId = res.json().id;
    expect(res.json()).toMatchObject({
      memberId: lapsed.id,
      memberName: '赵脱离',
      orgId: w.tree.branchA1.id,
      cause: 'org_life_absence',
      runFrom: '2025-12',
      runTo: '2026-05',
      openedOn: '2026-06-15',
      status: 'open',
      outcome: null,
      can: { change: true },
      version: 1,
    });
    expect(res.json().steps.map((s: { key: string; on: null }) => [s.key, s.on])).toEqual([
      ['investigate', null],
      ['talk', null],
      ['general_meeting', null],
      ['approval', null],
    ]);
    const [row] = await auditRows(w.t.deps.db, 'lapse_case.open');
    expect(row).toMatchObject({
      entityType: 'lapse_case',
      entityId: String(caseId),
      orgId: w.tree.branchA1.id,
    });
    expect(row?.diff).toMatchObject({
      after: { cause: 'org_life_absence', runFrom: '2025-12', status: 'open' },
    });
    expect(await absenceTodosOf(lapsed.id)).toEqual([]);
    expectRule(await w.as.sec_a1.post('/api/lapse-cases', open(lapsed.id)), 'lapse_case_already_open');
    const page = (await w.as.sec_a1.get(`/api/members/${lapsed.id}/lapse-cases`)).json();
    expect(page.items.map((c: { id: number }) => c.id)).toEqual([caseId]);
    expect(page.causes[0]).toMatchObject({ canOpen: false, finding: null });
  });
});

describe('reading cases', () => {
  it('lists the cases in scope with the filters', async () => {
    const ids = async (query: string, as = w.as.sec_a1) => {
      const res = await as.get(`/api/lapse-cases${query}`);
      expectStatus(res, 200);
      return res.json().items.map((c: { id: number }) => c.id);
    };
    expect(await ids('')).toEqual([caseId]);
    expect(await ids('?status=open&cause=org_life_absence')).toEqual([caseId]);
    expect(await ids('?status=closed')).toEqual([]);
    expect(await ids('?cause=dues_arrears')).toEqual([]);
    expect(await ids(`?orgId=${w.tree.branchA1.id}`, w.as.city_admin)).toEqual([caseId]);
    expect(await ids(`?memberId=${present.id}`)).toEqual([]);
    expect(await ids('', w.as.admin_b)).toEqual([]);
  });

  it('answers 401, 403 and 404', async () => {
    expectStatus(await w.t.anon.get('/api/lapse-cases'), 401);
    expectStatus(await w.as.sysadmin.get('/api/lapse-cases'), 403);
    expectStatus(await w.as.admin_b.get(`/api/lapse-cases?orgId=${w.tree.branchA1.id}`), 404);
    expectStatus(await w.t.anon.get(`/api/lapse-cases/${caseId}`), 401);
    expectStatus(await w.as.sysadmin.get(`/api/lapse-cases/${caseId}`), 403);
    expectStatus(await w.as.admin_b.get(`/api/lapse-cases/${caseId}`), 404);
    const one = await w.as.admin_a.get(`/api/lapse-cases/${caseId}`);
    expectStatus(one, 200);
    expect(one.json()).toMatchObject({ id: caseId, openedInOrgName: expect.any(String) });
  });
});

describe('the procedure', () => {
  const step = (version: number, key: string, on: string, note?: string) => ({ version, key, on, note });
  const url = () => `/api/lapse-cases/${caseId}/steps`;

  it('refuses a step in the future, before the opening, or an approval before the 支部大会', async () => {
    expectRule(
      await w.as.sec_a1.post(url(), step(1, 'investigate', '2026-06-16')),
      'lapse_case_step_in_future',
    );
    expectRule(
      await w.as.sec_a1.post(url(), step(1, 'investigate', '2026-06-14')),
      'lapse_case_step_before_opening',
    );
    expectRule(
      await w.as.sec_a1.post(url(), step(1, 'approval', '2026-06-15')),
      'lapse_case_approval_before_meeting',
    );
  });

  it('answers 401, 403, 404 and 409 on a step', async () => {
    const body = step(1, 'investigate', '2026-06-15');
    expectStatus(await w.t.anon.post(url(), body), 401);
    expectStatus(await w.as.sysadmin.post(url(), body), 403);
    expectStatus(await w.as.admin_b.post(url(), body), 404);
    expectStatus(await w.as.sec_a1.post(url(), { ...body, version: 7 }), 409);
  });

  it('records a step with its note, audited', async () => {
    const res = await w.as.sec_a1.post(url(), step(1, 'investigate', '2026-06-15', '多次联系，本人外出务工'));
    expectStatus(res, 200);
    expect(res.json().steps[0]).toMatchObject({
      key: 'investigate',
      on: '2026-06-15',
      note: '多次联系，本人外出务工',
    });
    expect(res.json().version).toBe(2);
    const [row] = await auditRows(w.t.deps.db, 'lapse_case.step');
    expect(row?.diff).toMatchObject({ after: { steps: { investigate: { on: '2026-06-15' } } } });
  });
});

describe('closing', () => {
  const url = () => `/api/lapse-cases/${caseId}/close`;

  it('refuses an outcome whose steps are missing, or without what it needs', async () => {
    expectRule(
      await w.as.sec_a1.post(url(), { version: 2, outcome: 'removal' }),
      'lapse_case_steps_incomplete',
    );
    expectRule(
      await w.as.sec_a1.post(url(), { version: 2, outcome: 'rectification', deadline: '2026-09-30' }),
      'lapse_case_steps_incomplete',
    );
    expectRule(
      await w.as.sec_a1.post(url(), { version: 2, outcome: 'valid_reason' }),
      'lapse_case_reason_required',
    );
    expectRule(
      await w.as.sec_a1.post(url(), {
        version: 2,
        outcome: 'valid_reason',
        note: '外出务工',
        deadline: '2026-09-30',
      }),
      'lapse_case_deadline_not_for_outcome',
    );
  });

  it('answers 401, 403 and 404 on closing', async () => {
    const body = { version: 2, outcome: 'valid_reason', note: '外出务工，已在流入地参加组织生活' };
    expectStatus(await w.t.anon.post(url(), body), 401);
    expectStatus(await w.as.member.post(url(), body), 403);
    expectStatus(await w.as.sec_b1.post(url(), body), 404);
  });

  it('closes with a valid reason, audited; the run is excused and the member unchanged', async () => {
    const res = await w.as.sec_a1.post(url(), {
      version: 2,
      outcome: 'valid_reason',
      note: '外出务工，已在流入地参加组织生活',
    });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({
      status: 'closed',
      outcome: 'valid_reason',
      outcomeNote: '外出务工，已在流入地参加组织生活',
      closedOn: '2026-06-15',
      can: { change: false },
    });
    const [row] = await auditRows(w.t.deps.db, 'lapse_case.close');
    expect(row?.diff).toMatchObject({
      before: { status: 'open' },
      after: { status: 'closed', outcome: 'valid_reason' },
    });
    expect(await absenceTodosOf(lapsed.id)).toEqual([]);
    expect((await w.as.sec_a1.get(`/api/members/${lapsed.id}`)).json().status).toBe('full');
    expectRule(await w.as.sec_a1.post(url(), { version: 3, outcome: 'removal' }), 'lapse_case_closed');
    expectRule(
      await w.as.sec_a1.post(`/api/lapse-cases/${caseId}/steps`, {
        version: 3,
        key: 'talk',
        on: '2026-06-15',
      }),
      'lapse_case_closed',
    );
  });

  it('asks a deadline after today for 限期改正', async () => {
    const other = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name: '孙改正' });
    for (const month of ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05'])
      await attended(other.id, `${month}-20`, 'absent');
    const opened = await w.as.sec_a1.post('/api/lapse-cases', open(other.id));
    expectStatus(opened, 200);
    const id = opened.json().id;
    for (const [version, key] of [
      [1, 'investigate'],
      [2, 'talk'],
    ] as const)
      expectStatus(
        await w.as.sec_a1.post(`/api/lapse-cases/${id}/steps`, { version, key, on: '2026-06-15' }),
        200,
      );
    const close = (deadline?: string) => ({ version: 3, outcome: 'rectification', deadline });
    expectRule(
      await w.as.sec_a1.post(`/api/lapse-cases/${id}/close`, close()),
      'lapse_case_deadline_required',
    );
    expectRule(
      await w.as.sec_a1.post(`/api/lapse-cases/${id}/close`, close('2026-06-15')),
      'lapse_case_deadline_not_future',
    );
    const done = await w.as.sec_a1.post(`/api/lapse-cases/${id}/close`, close('2026-09-30'));
    expectStatus(done, 200);
    expect(done.json()).toMatchObject({ outcome: 'rectification', deadline: '2026-09-30' });
    expect(await absenceTodosOf(other.id)).toEqual([]);
  });

  it('a removal excuses nothing: the to-do comes back until the 出党 is recorded on the member page', async () => {
    const other = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name: '李除名' });
    for (const month of ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05'])
      await attended(other.id, `${month}-22`, 'absent');
    const id = (await w.as.sec_a1.post('/api/lapse-cases', open(other.id))).json().id;
    expect(await absenceTodosOf(other.id)).toEqual([]);
    for (const [version, key] of [
      [1, 'investigate'],
      [2, 'general_meeting'],
      [3, 'approval'],
    ] as const)
      expectStatus(
        await w.as.sec_a1.post(`/api/lapse-cases/${id}/steps`, { version, key, on: '2026-06-15' }),
        200,
      );
    const done = await w.as.sec_a1.post(`/api/lapse-cases/${id}/close`, { version: 4, outcome: 'removal' });
    expectStatus(done, 200);
    expect(await absenceTodosOf(other.id)).toEqual(['org_life_lapse']);
    expect((await w.as.sec_a1.get(`/api/members/${other.id}`)).json().status).toBe('full');
  });
});
