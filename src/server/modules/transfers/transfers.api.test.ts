import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../../testing/actors.ts';
import {
  createMember,
  expectRule,
  expectStatus,
  issuePaths,
  orgStats,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';

let w: RosterWorld;
type Member = { id: number; version: number };
const letter = (memberId: number, extra: Record<string, unknown> = {}) => ({
  memberId,
  toOrgId: w.tree.branchB1.id,
  letterNo: `和组转〔2026〕${memberId}号`,
  issuedOn: '2026-06-10',
  reason: '居住地变更',
  ...extra,
});
const issue = async (m: Member, extra: Record<string, unknown> = {}) => {
  const res = await w.as.sec_a1.post('/api/transfers', letter(m.id, extra));
  expectStatus(res, 200);
  return res.json();
};

beforeAll(async () => {
  w = await startRosterWorld();
});
afterAll(() => w.t.close());

describe('POST /api/transfers: issuing a letter (条例第二十五条)', () => {
  it('starts a pending transfer valid for 3 months, audited', async () => {
    const m: Member = await createMember(w.as.sec_a1, w.tree.branchA1.id);
    const t = await issue(m);
    expect(t).toMatchObject({
      status: 'pending',
      memberId: m.id,
      fromOrgId: w.tree.branchA1.id,
      toOrgName: '光明社区第一党支部',
      validUntil: '2026-09-10',
      overdue: false,
      can: { receive: false, reject: false, cancel: true },
    });
    const [row] = await auditRows(w.t.deps.db, 'transfer.create', t.id);
    expect(row).toMatchObject({
      actorUsername: 'sec_a1',
      orgId: w.tree.branchA1.id,
      diff: { after: { status: 'pending' } },
    });
    expectRule(await w.as.sec_a1.post('/api/transfers', letter(m.id)), 'transfer_already_pending');
    expect((await w.as.sec_a1.get(`/api/members/${m.id}`)).json().can.transfer).toBe(false);
  });

  it.each<[string, () => Record<string, unknown>, string]>([
    ['to the org the member is in', () => ({ toOrgId: w.tree.branchA1.id }), 'transfer_same_org'],
    ['to a community committee', () => ({ toOrgId: w.tree.communityB1.id }), 'member_org_not_branch'],
    ['with a letter dated tomorrow', () => ({ issuedOn: '2026-06-16' }), 'transfer_issued_in_future'],
    [
      'valid until before its issue',
      () => ({ validUntil: '2026-06-01' }),
      'transfer_valid_until_before_issued',
    ],
  ])('refuses a transfer %s (422)', async (_what, extra, reason) => {
    const m: Member = await createMember(w.as.sec_a1, w.tree.branchA1.id);
    expectRule(await w.as.sec_a1.post('/api/transfers', letter(m.id, extra())), reason);
  });

  it('takes the validity from the settings (组织参数)', async () => {
    const sys = w.as.sysadmin;
    const current = (await sys.get('/api/settings/org')).json();
    expectStatus(
      await sys.put('/api/settings/org', { value: { transferValidityMonths: 7 }, version: current.version }),
      400,
    );
    expectStatus(
      await sys.put('/api/settings/org', { value: { transferValidityMonths: 6 }, version: current.version }),
      200,
    );
    const m: Member = await createMember(w.as.sec_a1, w.tree.branchA1.id);
    expect((await issue(m)).validUntil).toBe('2026-12-10');
    const saved = (await sys.get('/api/settings/org')).json();
    await sys.put('/api/settings/org', { value: { transferValidityMonths: 3 }, version: saved.version });
  });
});

describe('receiving, rejecting, cancelling', () => {
  it('moves the member on receipt: org, history on both sides, rollup and audit', async () => {
    const m: Member = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name: '孙转' });
    const t = await issue(m);
    const [a1, b1] = [
      await orgStats(w.t.deps.db, w.tree.branchA1.id),
      await orgStats(w.t.deps.db, w.tree.branchB1.id),
    ];
    expectStatus(
      await w.as.sec_a1.post(`/api/transfers/${t.id}/receive`, {
        version: t.version,
        receivedOn: '2026-06-12',
      }),
      403,
    );
    const res = await w.as.sec_b1.post(`/api/transfers/${t.id}/receive`, {
      version: t.version,
      receivedOn: '2026-06-12',
    });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({
      status: 'received',
      decidedOn: '2026-06-12',
      can: { receive: false },
    });
    const moved = (await w.as.sec_b1.get(`/api/members/${m.id}`)).json();
    expect(moved).toMatchObject({ orgId: w.tree.branchB1.id, status: 'full' });
    expect(moved.events.at(-1)).toMatchObject({
      kind: 'org_changed',
      orgId: w.tree.branchA1.id,
      orgName: '和平社区第一党支部',
      toOrgId: w.tree.branchB1.id,
      effectiveOn: '2026-06-12',
    });
    expectStatus(await w.as.sec_a1.get(`/api/members/${m.id}`), 404);
    expect((await orgStats(w.t.deps.db, w.tree.branchA1.id)).member_count).toBe((a1.member_count ?? 0) - 1);
    expect((await orgStats(w.t.deps.db, w.tree.branchB1.id)).member_count).toBe((b1.member_count ?? 0) + 1);
    const [row] = await auditRows(w.t.deps.db, 'transfer.receive', t.id);
    expect(row).toMatchObject({
      actorUsername: 'sec_b1',
      orgId: w.tree.branchB1.id,
      diff: { after: { status: 'received' } },
    });
    const again = await w.as.sec_b1.post(`/api/transfers/${t.id}/receive`, {
      version: t.version + 1,
      receivedOn: '2026-06-12',
    });
    expectRule(again, 'transfer_not_pending');
  });

  it('refuses a receipt dated before the letter and a stale version', async () => {
    const t = await issue(await createMember(w.as.sec_a1, w.tree.branchA1.id));
    const url = `/api/transfers/${t.id}/receive`;
    expect(issuePaths(await w.as.sec_b1.post(url, { receivedOn: '2026-13-01' }))).toEqual([
      'body.version',
      'body.receivedOn',
    ]);
    expect(issuePaths(await w.as.sec_b1.get('/api/transfers/abc'))).toEqual(['params.id']);
    expectRule(
      await w.as.sec_b1.post(url, { version: t.version, receivedOn: '2026-06-09' }),
      'transfer_received_before_issued',
    );
    expectStatus(await w.as.sec_b1.post(url, { version: t.version + 1, receivedOn: '2026-06-12' }), 409);
  });

  it('lets the receiving side reject with a reason, leaving the member where they were', async () => {
    const m: Member = await createMember(w.as.sec_a1, w.tree.branchA1.id);
    const t = await issue(m);
    expect(
      issuePaths(await w.as.sec_b1.post(`/api/transfers/${t.id}/reject`, { version: t.version })),
    ).toEqual(['body.reason']);
    const stale = { version: t.version + 1, reason: '介绍信信息有误' };
    expectStatus(await w.as.sec_b1.post(`/api/transfers/${t.id}/reject`, stale), 409);
    expectStatus(
      await w.as.sec_a1.post(`/api/transfers/${t.id}/reject`, { version: t.version, reason: 'x' }),
      403,
    );
    const res = await w.as.sec_b1.post(`/api/transfers/${t.id}/reject`, {
      version: t.version,
      reason: '介绍信信息有误',
    });
    expect(res.json()).toMatchObject({
      status: 'rejected',
      rejectionReason: '介绍信信息有误',
      decidedOn: '2026-06-15',
    });
    expect((await w.as.sec_a1.get(`/api/members/${m.id}`)).json()).toMatchObject({
      orgId: w.tree.branchA1.id,
      can: { transfer: true },
    });
    expect(await auditRows(w.t.deps.db, 'transfer.reject', t.id)).toHaveLength(1);
  });

  it('lets the sending side cancel, and only the sending side', async () => {
    const t = await issue(await createMember(w.as.sec_a1, w.tree.branchA1.id));
    expectStatus(await w.as.sec_b1.post(`/api/transfers/${t.id}/cancel`, { version: t.version }), 403);
    expectStatus(await w.as.sec_a1.post(`/api/transfers/${t.id}/cancel`, { version: t.version + 1 }), 409);
    expect(
      (await w.as.sec_a1.post(`/api/transfers/${t.id}/cancel`, { version: t.version })).json(),
    ).toMatchObject({
      status: 'cancelled',
    });
    expect(await auditRows(w.t.deps.db, 'transfer.cancel', t.id)).toHaveLength(1);
  });

  it('refuses a receipt when the member left meanwhile', async () => {
    const m: Member = await createMember(w.as.sec_a1, w.tree.branchA1.id);
    const t = await issue(m);
    await w.as.sec_a1.post(`/api/members/${m.id}/events`, {
      version: m.version,
      kind: 'record_death',
      effectiveOn: '2026-06-11',
    });
    const res = await w.as.sec_b1.post(`/api/transfers/${t.id}/receive`, {
      version: t.version,
      receivedOn: '2026-06-12',
    });
    expectRule(res, 'transfer_member_changed');
  });
});

describe('a transfer out of the deployment', () => {
  it('completes at once: status transferred_out, the letter on the member, event, rollup, audit', async () => {
    const m: Member = await createMember(w.as.sec_a1, w.tree.branchA1.id);
    const before = await orgStats(w.t.deps.db, w.tree.branchA1.id);
    const res = await w.as.sec_a1.post('/api/transfers', {
      memberId: m.id,
      externalOrgName: '某省某市某街道某社区党支部',
      letterNo: '和组转〔2026〕外1号',
      issuedOn: '2026-06-14',
    });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({
      status: 'completed_out',
      toOrgId: null,
      decidedOn: '2026-06-14',
      overdue: false,
    });
    const member = (await w.as.sec_a1.get(`/api/members/${m.id}`)).json();
    expect(member).toMatchObject({ status: 'transferred_out', transferLetterNo: '和组转〔2026〕外1号' });
    expect(member.events.at(-1)).toMatchObject({
      kind: 'transferred_out',
      fromValue: 'full',
      toValue: 'transferred_out',
    });
    expect((await orgStats(w.t.deps.db, w.tree.branchA1.id)).member_count).toBe(
      (before.member_count ?? 0) - 1,
    );
    expect(await auditRows(w.t.deps.db, 'transfer.complete_out', res.json().id)).toHaveLength(1);
    expectRule(await w.as.sec_a1.post('/api/transfers', letter(m.id)), 'transfer_member_not_on_roster');
  });
});
