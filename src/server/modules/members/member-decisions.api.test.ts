import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../../testing/actors.ts';
import {
  createMember,
  expectRule,
  expectStatus,
  memberBody,
  orgStats,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';
import { createUser, TEST_PASSWORD } from '../../testing/fixtures.ts';
import { loginAs, type TestClient } from '../../testing/test-app.ts';

/**
 * Two dates for each decision (docs/membership.md §12): the 支部大会 records the decision with its date (入党/转正
 * dates), the level above records its approval, which the ledger counts on. Pending, it changes nothing. The test
 * day is 2026-06-15. sec_a1 is the secretary of 和平社区党委, the level above 和平社区第一党支部 (branch A1), whose own
 * secretary is `sec_branch`.
 */
let w: RosterWorld;
let branchSec: TestClient;
beforeAll(async () => {
  w = await startRosterWorld();
  await createUser(w.t.deps.db, {
    username: 'sec_branch',
    orgId: w.tree.branchA1.id,
    roles: [{ role: 'secretary' }],
  });
  branchSec = await loginAs(w.t, 'sec_branch', TEST_PASSWORD);
});
afterAll(() => w.t.close());

type Member = { id: number; version: number; status: string; decisions: { id: number; version: number }[] };
const APPROVAL = { approvingOrgName: '和平社区党委', documentNo: '和组〔2026〕3号' };

/** A 预备党员 admitted on `admittedOn` in branch A1. */
const probationary = (admittedOn = '2025-06-01', name = '预备甲'): Promise<Member> =>
  createMember(
    w.as.sec_a1,
    w.tree.branchA1.id,
    { status: 'probationary', admittedOn, confirmedOn: null },
    { name },
  );
const record = (m: Member, body: Record<string, unknown>, client = branchSec) =>
  client.post(`/api/members/${m.id}/decisions`, { version: m.version, ...body });
const approve = (d: { id: number; version: number }, approvedOn: string, client = w.as.sec_a1) =>
  client.post(`/api/member-decisions/${d.id}/approve`, { version: d.version, ...APPROVAL, approvedOn });
const ledger = async (from: string, to: string) => {
  const res = await w.as.sec_a1.get(`/api/orgs/${w.tree.communityA1.id}/ledger?from=${from}&to=${to}`);
  expectStatus(res, 200);
  return res.json();
};
const detail = async (m: { id: number }) => (await w.as.sec_a1.get(`/api/members/${m.id}`)).json();

describe('转正 resolved by the 支部大会, pending until the level above approves', () => {
  let m: Member;
  let pending: { id: number; version: number };
  let statsBefore: Awaited<ReturnType<typeof orgStats>>;
  let eventsBefore: number;

  beforeAll(async () => {
    m = await probationary();
    statsBefore = await orgStats(w.t.deps.db, w.tree.branchA1.id);
    eventsBefore = (await detail(m)).events.length;
  });

  it('lets the branch secretary record the meeting: the member stays 预备党员, counts and history unchanged', async () => {
    const res = await record(m, { kind: 'confirm', meetingOn: '2026-06-05', reason: '支部大会通过' });
    expectStatus(res, 200);
    const body = res.json();
    expect(body).toMatchObject({ status: 'probationary', confirmedOn: null, version: m.version });
    expect(body.decisions).toEqual([
      expect.objectContaining({
        kind: 'confirm',
        status: 'pending',
        meetingOn: '2026-06-05',
        dueOn: '2026-09-05',
        daysLeft: 82,
        can: { approve: false, withdraw: true },
      }),
    ]);
    pending = body.decisions[0];
    expect(body.events).toHaveLength(eventsBefore);
    expect(await orgStats(w.t.deps.db, w.tree.branchA1.id)).toEqual(statsBefore);
    const [row] = await auditRows(w.t.deps.db, 'member.decision_record', m.id);
    expect(row?.diff).toMatchObject({
      note: { kind: 'confirm', meetingOn: '2026-06-05', decisionId: pending.id },
    });
  });

  it('keeps the 预备期 overdue in the 待办 of the branch while pending, and asks the level above to approve', async () => {
    const about = async (client: TestClient) => {
      const res = await client.get('/api/findings?pageSize=100');
      expectStatus(res, 200);
      return (
        res.json().items as {
          org: { id: number };
          finding: { kind: string; days: number; subject?: { id: number } };
        }[]
      ).filter((i) => i.finding.subject?.id === m.id);
    };
    const branch = await about(branchSec);
    expect(branch.map((i) => i.finding.kind)).toEqual(['probation_overdue']);
    for (const client of [w.as.sec_a1, w.as.admin_a]) {
      expect(
        (await about(client)).find((i) => i.finding.kind === 'decision_awaiting_approval'),
      ).toMatchObject({
        org: { id: w.tree.communityA1.id },
        finding: { days: -82 },
      });
    }
    expect(await about(w.as.sec_b1)).toEqual([]);
  });

  it('refuses a second decision while one is pending (409)', async () => {
    const again = await record(await detail(m), {
      kind: 'extend_probation',
      meetingOn: '2026-06-06',
      probationEndsOn: '2026-12-01',
    });
    expectStatus(again, 409);
    expect(again.json().error.details.reason).toBe('decision_already_pending');
  });

  it('lets only the level above record the approval', async () => {
    expectStatus(
      await w.t.anon.post(`/api/member-decisions/${pending.id}/approve`, {
        version: 1,
        ...APPROVAL,
        approvedOn: '2026-06-10',
      }),
      401,
    );
    const own = await approve(pending, '2026-06-10', branchSec);
    expectStatus(own, 403);
    expect(own.json().error.details.reason).toBe('approval_not_permitted');
    expectStatus(await approve(pending, '2026-06-10', w.as.member), 403);
    expectStatus(await approve(pending, '2026-06-10', w.as.sec_b1), 404);
    expectStatus(await approve(pending, '2026-06-10', w.as.sysadmin), 403);
    expectRule(await approve(pending, '2026-06-04'), 'approval_before_meeting');
    expectRule(await approve(pending, '2026-06-16'), 'approval_in_future');
    expect((await detail(m)).status).toBe('probationary');
  });

  it('applies the 转正 on approval: dated on the meeting, counted on the approval, audited', async () => {
    const res = await approve(pending, '2026-06-10');
    expectStatus(res, 200);
    const body = res.json();
    // 转正时间 is the end of the 预备期 (党章第七条); the history row is the meeting's, counted on the approval.
    expect(body).toMatchObject({ status: 'full', confirmedOn: '2026-06-01', decisions: [] });
    expect(body.events.at(-1)).toMatchObject({
      kind: 'confirmed',
      effectiveOn: '2026-06-05',
      countedOn: '2026-06-10',
      approval: { ...APPROVAL, approvedOn: '2026-06-10' },
    });
    const after = await orgStats(w.t.deps.db, w.tree.branchA1.id);
    expect(after.status_full).toBe((statsBefore.status_full ?? 0) + 1);
    expect(after.member_count).toBe(statsBefore.member_count);
    const [row] = await auditRows(w.t.deps.db, 'member.decision_approve', m.id);
    expect(row?.diff).toMatchObject({
      after: { status: 'full' },
      note: { decisionId: pending.id, meetingOn: '2026-06-05', approvedOn: '2026-06-10' },
    });
    const todos = (await w.as.sec_a1.get('/api/findings?pageSize=100')).json().items as {
      finding: { subject?: { id: number } };
    }[];
    expect(todos.filter((i) => i.finding.subject?.id === m.id)).toEqual([]);
    const twice = await approve({ ...pending, version: pending.version + 1 }, '2026-06-10');
    expectStatus(twice, 409);
    expect(twice.json().error.details.reason).toBe('decision_not_pending');
  });
});

describe('出党 decided in December 2025, approved in January 2026', () => {
  it('is counted down in 2026, on the approval, and not in 2025', async () => {
    const m = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name: '出党乙' });
    const before2025 = await ledger('2025-01-01', '2025-12-31');
    const before2026 = await ledger('2026-01-01', '2026-06-15');
    const body = { kind: 'leave', leftReason: 'persuaded', meetingOn: '2025-12-10', reason: '劝退' };
    const res = await record(m, body);
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({ status: 'full' });
    // Pending: neither year moves.
    expect(await ledger('2026-01-01', '2026-06-15')).toEqual(before2026);
    const d = res.json().decisions[0];
    expect(d).toMatchObject({ daysLeft: -97, can: { approve: false, withdraw: true } });
    const approved = await approve(d, '2026-01-05');
    expectStatus(approved, 200);
    expect(approved.json()).toMatchObject({ status: 'left', leftReason: 'persuaded' });
    expect(await ledger('2025-01-01', '2025-12-31')).toEqual(before2025);
    const after2026 = await ledger('2026-01-01', '2026-06-15');
    expect(after2026.decreases.leftBy.persuaded).toBe(before2026.decreases.leftBy.persuaded + 1);
    expect(after2026.closing).toBe(before2026.closing - 1);
    expect(after2026.difference).toBe(0);
  });

  it('warns when the approval came more than 3 months after the meeting', async () => {
    const m = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name: '出党丙' });
    const res = await record(
      m,
      {
        kind: 'leave',
        leftReason: 'removed_refused',
        meetingOn: '2026-01-10',
        approval: { ...APPROVAL, approvedOn: '2026-04-20' },
      },
      w.as.sec_a1,
    );
    expectStatus(res, 200);
    expect(res.json().status).toBe('left');
    expect(res.json().warnings.map((x: { reason: string }) => x.reason)).toContain('approval_late');
  });
});

describe('recording, withdrawing and listing decisions', () => {
  it('applies a decision recorded with its approval at once, by the level above only', async () => {
    const m = await probationary('2025-05-01', '预备丁');
    const body = {
      kind: 'confirm',
      meetingOn: '2026-05-08',
      approval: { ...APPROVAL, approvedOn: '2026-05-20' },
    };
    const own = await record(m, body);
    expectStatus(own, 403);
    expect(own.json().error.details.reason).toBe('approval_not_permitted');
    const res = await record(m, body, w.as.sec_a1);
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({ status: 'full', confirmedOn: '2026-05-01', decisions: [] });
    expect(res.json().events.at(-1)).toMatchObject({ effectiveOn: '2026-05-08', countedOn: '2026-05-20' });
  });

  it('refuses 退党 and 开除党籍 (not approved by the level above) and the rules of the change itself', async () => {
    const m = await createMember(w.as.sec_a1, w.tree.branchA1.id);
    expectRule(
      await record(m, { kind: 'leave', leftReason: 'withdrawn', meetingOn: '2026-06-01' }),
      'leave_category_not_approved',
    );
    expectRule(
      await record(m, { kind: 'leave', leftReason: 'expelled', meetingOn: '2026-06-01' }),
      'leave_category_not_approved',
    );
    expectRule(await record(m, { kind: 'confirm', meetingOn: '2026-06-01' }), 'event_not_allowed_in_status');
    const p = await probationary('2025-09-01', '预备戊');
    expectRule(await record(p, { kind: 'confirm', meetingOn: '2026-06-01' }), 'confirm_before_probation_end');
    expectRule(await record(p, { kind: 'confirm', meetingOn: '2026-06-16' }), 'event_in_future');
  });

  it('guards the recording: 401, 403 without member.manage, 404 outside the scope', async () => {
    const m = await probationary('2025-04-01', '预备己');
    const body = { kind: 'confirm', meetingOn: '2026-06-01' };
    expectStatus(await w.t.anon.post(`/api/members/${m.id}/decisions`, { version: m.version, ...body }), 401);
    expectStatus(await record(m, body, w.as.member), 403);
    expectStatus(await record(m, body, w.as.sysadmin), 403);
    expectStatus(await record(m, body, w.as.sec_b1), 404);
  });

  it('withdraws a pending decision (audited); the member is unchanged and it can no longer be approved', async () => {
    const m = await probationary('2025-03-01', '预备庚');
    const res = await record(m, { kind: 'confirm', meetingOn: '2026-03-05' });
    const d = res.json().decisions[0];
    const url = `/api/member-decisions/${d.id}/withdraw`;
    expectStatus(await w.t.anon.post(url, { version: d.version }), 401);
    expectStatus(await w.as.member.post(url, { version: d.version }), 403);
    expectStatus(await w.as.sec_b1.post(url, { version: d.version }), 404);
    const out = await branchSec.post(url, { version: d.version, reason: '录入有误' });
    expectStatus(out, 200);
    expect(out.json()).toMatchObject({ status: 'probationary', decisions: [] });
    const [row] = await auditRows(w.t.deps.db, 'member.decision_withdraw', m.id);
    expect(row?.diff).toMatchObject({ note: { decisionId: d.id, reason: '录入有误' } });
    const late = await approve({ ...d, version: d.version + 1 }, '2026-03-10');
    expectStatus(late, 409);
    expect(late.json().error.details.reason).toBe('decision_not_pending');
  });

  it('lists the pending decisions in scope, with the days left, for the branch and the levels above', async () => {
    const m = await probationary('2025-02-01', '预备辛');
    const d = (await record(m, { kind: 'confirm', meetingOn: '2026-02-10' })).json().decisions[0];
    const list = async (client: TestClient, q = '') => {
      const res = await client.get(`/api/member-decisions${q}`);
      expectStatus(res, 200);
      return res.json().items as {
        id: number;
        memberName: string;
        daysLeft: number;
        can: { approve: boolean };
      }[];
    };
    for (const client of [branchSec, w.as.sec_a1, w.as.admin_a, w.as.city_admin]) {
      expect((await list(client)).find((i) => i.id === d.id)).toMatchObject({
        memberName: '预备辛',
        daysLeft: -36,
      });
    }
    expect((await list(w.as.sec_a1)).find((i) => i.id === d.id)?.can.approve).toBe(true);
    expect((await list(branchSec)).find((i) => i.id === d.id)?.can.approve).toBe(false);
    expect((await list(w.as.sec_a1, `?orgId=${w.tree.branchA1.id}`)).map((i) => i.id)).toContain(d.id);
    expect(await list(w.as.sec_b1)).toEqual([]);
    expectStatus(await w.as.sec_b1.get(`/api/member-decisions?orgId=${w.tree.branchA1.id}`), 404);
    expectStatus(await w.t.anon.get('/api/member-decisions'), 401);
    expectStatus(await w.as.sysadmin.get('/api/member-decisions'), 403);
  });
});

describe('the approval of an admission (发展) and of a 出党 recorded directly', () => {
  const admission = (approvedOn: string) => ({
    status: 'probationary',
    admittedOn: '2025-12-20',
    confirmedOn: null,
    approval: { ...APPROVAL, approvedOn },
  });

  it('counts a new member on the approval, 入党时间 staying the meeting; by the level above only', async () => {
    const own = await branchSec.post('/api/members', memberBody(w.tree.branchA1.id, admission('2026-01-08')));
    expectStatus(own, 403);
    expect(own.json().error.details.reason).toBe('approval_not_permitted');
    const late = memberBody(w.tree.branchA1.id, admission('2025-12-19'));
    expectRule(await w.as.sec_a1.post('/api/members', late), 'approval_before_meeting');
    const res = await w.as.sec_a1.post(
      '/api/members',
      memberBody(w.tree.branchA1.id, admission('2026-01-08')),
    );
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({ admittedOn: '2025-12-20', status: 'probationary' });
    expect(res.json().events[0]).toMatchObject({
      kind: 'registered',
      effectiveOn: '2025-12-20',
      countedOn: '2026-01-08',
      approval: { ...APPROVAL, approvedOn: '2026-01-08' },
    });
  });

  it('counts a 出党 recorded directly on the date the level above approved it', async () => {
    const m = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name: '出党丁' });
    const res = await w.as.sec_a1.post(`/api/members/${m.id}/events`, {
      version: m.version,
      kind: 'leave',
      leftReason: 'removed_refused',
      effectiveOn: '2025-12-22',
      approvalOrgName: '和平社区党委',
      approvalDocumentNo: '和组〔2026〕1号',
      approvalOn: '2026-01-06',
    });
    expectStatus(res, 200);
    expect(res.json().events.at(-1)).toMatchObject({
      kind: 'left',
      effectiveOn: '2025-12-22',
      countedOn: '2026-01-06',
    });
  });
});
