import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMember,
  expectStatus,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';
import type { TestClient } from '../../testing/test-app.ts';

/**
 * The deadlines of one member or transfer reach the 待办 of whoever must act — the secretary of the org the member
 * is placed in (or that must receive the transfer) and the levels above — and nobody else's; they say how many
 * days are left or overdue, name whom they are about, and go when the branch acts (issue 9, part 8;
 * docs/membership.md §11). The test day is 2026-06-15.
 */
let w: RosterWorld;
type Member = { id: number; version: number };
type Item = {
  org: { id: number };
  finding: { kind: string; severity: string; days: number | null; subject?: { type: string; id: number } };
};

beforeAll(async () => {
  w = await startRosterWorld();
});
afterAll(() => w.t.close());

async function todosAbout(client: TestClient, kind: 'member' | 'transfer', id: number): Promise<Item[]> {
  const res = await client.get('/api/findings?pageSize=100');
  expectStatus(res, 200);
  return (res.json().items as Item[]).filter(
    (i) => i.finding.subject?.type === kind && i.finding.subject.id === id,
  );
}

const kindsAbout = async (client: TestClient, kind: 'member' | 'transfer', id: number) =>
  (await todosAbout(client, kind, id)).map((i) => i.finding.kind);

async function act(m: Member, body: Record<string, unknown>): Promise<Member> {
  const res = await w.as.sec_a1.post(`/api/members/${m.id}/events`, { version: m.version, ...body });
  expectStatus(res, 200);
  return res.json();
}

describe('a 预备期 about to end, then overdue, then 转正', () => {
  let m: Member;
  beforeAll(async () => {
    // Admitted 2025-07-01: the 预备期 ends 2026-07-01, 16 days after the test day.
    m = await createMember(
      w.as.sec_a1,
      w.tree.branchA1.id,
      { status: 'probationary', admittedOn: '2025-07-01', confirmedOn: null },
      { name: '预备甲' },
    );
  });

  it('is in the 待办 of the branch secretary and the levels above, with the days left, and not elsewhere', async () => {
    for (const client of [w.as.sec_a1, w.as.admin_a, w.as.city_admin]) {
      const [item] = await todosAbout(client, 'member', m.id);
      expect(item).toMatchObject({
        org: { id: w.tree.branchA1.id },
        finding: { kind: 'probation_ending', severity: 'warning', days: -16, subject: { name: '预备甲' } },
      });
    }
    expect(await todosAbout(w.as.sec_b1, 'member', m.id)).toEqual([]);
    expect(await todosAbout(w.as.admin_b, 'member', m.id)).toEqual([]);
    const bench = await w.as.sec_a1.get('/api/workbench');
    expectStatus(bench, 200);
    expect(JSON.stringify(bench.json())).toContain('probation_ending');
  });

  it('turns critical once the 预备期 has ended without 转正, and goes when the branch confirms', async () => {
    // Admitted 2025-06-01: the 预备期 ended 2026-06-01, 14 days before the test day.
    let late: Member = await createMember(w.as.sec_a1, w.tree.branchA1.id, {
      status: 'probationary',
      admittedOn: '2025-06-01',
      confirmedOn: null,
    });
    const [item] = await todosAbout(w.as.sec_a1, 'member', late.id);
    expect(item?.finding).toMatchObject({ kind: 'probation_overdue', severity: 'critical', days: 14 });
    late = await act(late, { kind: 'confirm', effectiveOn: '2026-06-01' });
    expect(await kindsAbout(w.as.sec_a1, 'member', late.id)).toEqual([]);
    // The one still within its 预备期 keeps its reminder.
    expect(await kindsAbout(w.as.sec_a1, 'member', m.id)).toEqual(['probation_ending']);
  });
});

describe('失联 and 停止党籍 left undecided', () => {
  it('失联 for 6 months asks for a decision on 停止党籍, and goes with it', async () => {
    let m: Member = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name: '失联乙' });
    m = await act(m, { kind: 'mark_unreachable', effectiveOn: '2025-12-01', lostContactOn: '2025-12-01' });
    expect(await kindsAbout(w.as.sec_a1, 'member', m.id)).toEqual(['unreachable_long']);
    expect(await kindsAbout(w.as.sec_b1, 'member', m.id)).toEqual([]);
    m = await act(m, { kind: 'suspend', effectiveOn: '2026-06-10', reason: '经查找仍无法联系' });
    expect(await kindsAbout(w.as.sec_a1, 'member', m.id)).toEqual([]);
  });

  it('失联 for less than 6 months is no to-do yet', async () => {
    let m: Member = await createMember(w.as.sec_a1, w.tree.branchA1.id);
    m = await act(m, { kind: 'mark_unreachable', effectiveOn: '2026-01-01', lostContactOn: '2026-01-01' });
    expect(await kindsAbout(w.as.sec_a1, 'member', m.id)).toEqual([]);
  });

  it('停止党籍 for 2 years asks for 恢复 or 除名, and goes when restored', async () => {
    let m: Member = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name: '停籍丙' });
    m = await act(m, { kind: 'mark_unreachable', effectiveOn: '2023-01-01', lostContactOn: '2023-01-01' });
    m = await act(m, { kind: 'suspend', effectiveOn: '2024-03-01', reason: '经查找仍无法联系' });
    const [item] = await todosAbout(w.as.sec_a1, 'member', m.id);
    expect(item?.finding).toMatchObject({ kind: 'suspended_long', days: 106 });
    m = await act(m, { kind: 'restore', effectiveOn: '2026-06-01', reason: '已取得联系' });
    expect(await kindsAbout(w.as.sec_a1, 'member', m.id)).toEqual([]);
  });
});

describe('a transfer waiting to be received', () => {
  it("is the receiving org's to-do, not the sender's, and goes when received", async () => {
    const m: Member = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name: '转接丁' });
    const issued = await w.as.sec_a1.post('/api/transfers', {
      memberId: m.id,
      toOrgId: w.tree.branchB1.id,
      letterNo: `和组转〔2026〕${m.id}号`,
      issuedOn: '2026-06-10',
      reason: '居住地变更',
    });
    expectStatus(issued, 200);
    const transfer = issued.json();
    const [item] = await todosAbout(w.as.sec_b1, 'transfer', transfer.id);
    expect(item).toMatchObject({
      org: { id: w.tree.branchB1.id },
      finding: { kind: 'transfer_awaiting', severity: 'warning', days: -87, subject: { name: '转接丁' } },
    });
    expect(await todosAbout(w.as.sec_a1, 'transfer', transfer.id)).toEqual([]);
    const received = await w.as.sec_b1.post(`/api/transfers/${transfer.id}/receive`, {
      version: transfer.version,
      receivedOn: '2026-06-15',
    });
    expectStatus(received, 200);
    expect(await todosAbout(w.as.sec_b1, 'transfer', transfer.id)).toEqual([]);
  });

  it("turns critical past the letter's validity", async () => {
    const m: Member = await createMember(w.as.sec_a1, w.tree.branchA1.id);
    const issued = await w.as.sec_a1.post('/api/transfers', {
      memberId: m.id,
      toOrgId: w.tree.branchB1.id,
      letterNo: `和组转〔2026〕${m.id}号`,
      issuedOn: '2026-03-01',
      reason: '居住地变更',
    });
    expectStatus(issued, 200);
    const [item] = await todosAbout(w.as.sec_b1, 'transfer', issued.json().id);
    expect(item?.finding).toMatchObject({ kind: 'transfer_overdue', severity: 'critical', days: 14 });
  });

  it('the list answers 401 without a session', async () => {
    expectStatus(await w.t.anon.get('/api/findings'), 401);
  });
});
