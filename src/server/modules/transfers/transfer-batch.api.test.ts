import { count, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transfers } from '../../db/tables/people.ts';
import { auditRows } from '../../testing/actors.ts';
import {
  createMember,
  expectRule,
  expectStatus,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';
import { createUser, TEST_PASSWORD } from '../../testing/fixtures.ts';
import { loginAs, type TestClient } from '../../testing/test-app.ts';

/**
 * 批量转接（系统内）: one letter per selected member through the single letter's rules and audit, all or nothing,
 * the selection resolved in the `member.manage` scope (ids outside it: 404, nothing written).
 */
let w: RosterWorld;
let auditor: TestClient;

beforeAll(async () => {
  w = await startRosterWorld();
  await createUser(w.t.deps.db, {
    username: 'auditor',
    orgId: w.tree.root.id,
    roles: [{ role: 'audit_admin' }],
  });
  auditor = await loginAs(w.t, 'auditor', TEST_PASSWORD);
});
afterAll(() => w.t.close());

const batch = (selection: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  selection,
  toOrgId: w.tree.branchB1.id,
  letterNo: '和组转〔2026〕20号',
  issuedOn: '2026-06-10',
  reason: '单位整体搬迁',
  ...extra,
});
const transfersOf = async (ids: number[]) =>
  (await w.t.deps.db.select({ n: count() }).from(transfers).where(inArray(transfers.memberId, ids)))[0]?.n;

describe('POST /api/transfers/batch', () => {
  it('issues one pending letter per ticked member, numbered, each audited as a single letter is', async () => {
    const a = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name: '转甲' });
    const b = await createMember(w.as.sec_a1, w.tree.groupA1.id, {}, { name: '转乙' });
    const res = await w.as.sec_a1.post('/api/transfers/batch', batch({ memberIds: [b.id, a.id] }));
    expectStatus(res, 200);
    expect(res.json().count).toBe(2);
    const list = (await w.as.sec_a1.get('/api/transfers?direction=outgoing&status=pending')).json().items;
    const mine = list.filter((t: { memberId: number }) => [a.id, b.id].includes(t.memberId));
    expect(mine).toHaveLength(2);
    expect(mine.map((t: { letterNo: string }) => t.letterNo).sort()).toEqual([
      '和组转〔2026〕20号-1',
      '和组转〔2026〕20号-2',
    ]);
    for (const t of mine) {
      expect(t).toMatchObject({ status: 'pending', toOrgId: w.tree.branchB1.id, validUntil: '2026-09-10' });
      const [row] = await auditRows(w.t.deps.db, 'transfer.create', t.id);
      expect(row).toMatchObject({ actorUsername: 'sec_a1', diff: { after: { status: 'pending' } } });
    }
    // The receiving side sees them and receives them as any letter.
    const incoming = (await w.as.sec_b1.get('/api/transfers?direction=incoming&status=pending')).json().items;
    expect(incoming.filter((t: { memberId: number }) => [a.id, b.id].includes(t.memberId))).toHaveLength(2);
  });

  it('takes the roster filter, resolved now in the scope', async () => {
    const c = await createMember(w.as.admin_a, w.tree.branchA2.id, {}, { name: '筛转一' });
    const res = await w.as.admin_a.post(
      '/api/transfers/batch',
      batch({ filter: { orgId: String(w.tree.branchA2.id), q: '筛转' } }, { letterNo: '幸组转〔2026〕3号' }),
    );
    expectStatus(res, 200);
    expect(res.json()).toEqual({ count: 1, memberIds: [c.id] });
    const [t] = (await w.as.admin_a.get(`/api/transfers?memberId=${c.id}`)).json().items;
    expect(t).toMatchObject({ letterNo: '幸组转〔2026〕3号', status: 'pending' });
  });

  it('refuses the whole batch and lists each member who cannot go, and why (nothing written)', async () => {
    const ok = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name: '能转' });
    const pending = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name: '待接收中' });
    expectStatus(
      await w.as.sec_a1.post('/api/transfers', {
        memberId: pending.id,
        toOrgId: w.tree.branchB1.id,
        letterNo: '单独一份',
        issuedOn: '2026-06-10',
      }),
      200,
    );
    const gone = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name: '已转出' });
    expectStatus(
      await w.as.sec_a1.post('/api/transfers', {
        memberId: gone.id,
        externalOrgName: '外省某党委',
        letterNo: '转外一份',
        issuedOn: '2026-06-10',
      }),
      200,
    );
    const ids = [ok.id, pending.id, gone.id];
    const before = await transfersOf(ids);
    const audits = (await auditRows(w.t.deps.db, 'transfer.create')).length;
    const res = await w.as.sec_a1.post('/api/transfers/batch', batch({ memberIds: ids }));
    expectRule(res, 'batch_refused');
    expect(res.json().error.message).toMatch(/待接收中（.*已有待接收的组织关系转接/);
    expect(res.json().error.message).toContain('已转出');
    expect(res.json().error.details.members).toEqual([
      expect.objectContaining({ memberId: pending.id, reason: 'transfer_already_pending' }),
      expect.objectContaining({ memberId: gone.id, reason: 'transfer_member_not_on_roster' }),
    ]);
    expect(await transfersOf(ids)).toBe(before);
    expect(await auditRows(w.t.deps.db, 'transfer.create')).toHaveLength(audits);

    // A receiving org that is not a branch or group refuses every member, each named.
    const bad = await w.as.sec_a1.post(
      '/api/transfers/batch',
      batch({ memberIds: [ok.id] }, { toOrgId: w.tree.communityB1.id }),
    );
    expectRule(bad, 'batch_refused');
    expect(bad.json().error.details.members).toEqual([
      expect.objectContaining({ memberId: ok.id, reason: 'member_org_not_branch' }),
    ]);
  });

  it('answers 404 for an id outside the scope (nothing written), 401, and 403 to a member and the administrators', async () => {
    const mine = await createMember(w.as.sec_a1, w.tree.branchA1.id);
    const theirs = await createMember(w.as.sec_b1, w.tree.branchB1.id);
    const body = batch({ memberIds: [mine.id, theirs.id] }, { toOrgId: w.tree.branchA2.id });
    expectStatus(await w.as.sec_a1.post('/api/transfers/batch', body), 404);
    expect(await transfersOf([mine.id, theirs.id])).toBe(0);
    expectStatus(await w.t.anon.post('/api/transfers/batch', body), 401);
    expectStatus(await w.as.member.post('/api/transfers/batch', body), 403);
    expectStatus(await w.as.sysadmin.post('/api/transfers/batch', body), 403);
    expectStatus(await auditor.post('/api/transfers/batch', body), 403);
  });
});
