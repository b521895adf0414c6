import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { auditRows } from '../../testing/audit-rows.ts';
import {
  createMember,
  expectRule,
  expectStatus,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';
import { createUser, TEST_PASSWORD } from '../../testing/fixtures.ts';
import { loginAs, type TestClient } from '../../testing/test-app.ts';

// Today is 2026-06-15 (TEST_NOW).
let w: RosterWorld;
/** A secretary of branchA1 itself: records its reductions, never approves them. */
let secBranch: TestClient;
let m1: { id: number; version: number };
let m2: { id: number };
let m3: { id: number };

async function setBase(memberId: number, fromMonth: string, amount: number) {
  await w.t.deps.db.execute(
    sql`insert into dues_bases (member_id, from_month, kind, amount) values (${memberId}, ${fromMonth}::date, 'salary', ${amount})
        on conflict (member_id, from_month) do update set amount = excluded.amount`,
  );
}

const charges = (client: TestClient, q: string) => client.get(`/api/dues/charges?${q}`);
const amountsOf = (items: { member: { id: number }; month: string; amount: number }[]) =>
  Object.fromEntries(items.map((i) => [`${i.member.id}@${i.month}`, i.amount]));

beforeAll(async () => {
  w = await startRosterWorld();
  await createUser(w.t.deps.db, {
    username: 'sec_branch',
    orgId: w.tree.branchA1.id,
    roles: [{ role: 'secretary' }],
  });
  secBranch = await loginAs(w.t, 'sec_branch', TEST_PASSWORD);
  m1 = await createMember(w.as.city_admin, w.tree.branchA1.id, { category: 'employed' }, { name: '甲一' });
  m2 = await createMember(w.as.city_admin, w.tree.groupA1.id, { category: 'student' }, { name: '甲二' });
  m3 = await createMember(w.as.city_admin, w.tree.branchB1.id, { category: 'employed' }, { name: '乙一' });
  await setBase(m1.id, '2026-01-01', 400_000); // 1% → 40.00 元
}, 60_000);
afterAll(async () => {
  await w?.t.close();
});

describe('GET /api/dues/charges', () => {
  it('generates the current month on the first read: the branch (and its 党小组) owe what the rules give', async () => {
    const res = await charges(w.as.sec_a1, `orgId=${w.tree.branchA1.id}&month=2026-06`);
    expectStatus(res, 200);
    const view = res.json();
    expect(view.generated).toEqual(['2026-06']);
    expect(amountsOf(view.items)).toEqual({ [`${m1.id}@2026-06`]: 4_000, [`${m2.id}@2026-06`]: 20 });
    expect(view.items.find((i: { member: { id: number } }) => i.member.id === m1.id)).toMatchObject({
      org: { id: w.tree.branchA1.id },
      category: 'employed',
      fullAmount: 4_000,
      reduction: null,
    });
    // Amounts only: never the base or its items (docs/dues.md §11).
    expect(JSON.stringify(view)).not.toContain('400000');
    expect(view.missing).toEqual([]);
  });

  it('a percentage category without a base owes a charge that cannot be computed (未核定基数)', async () => {
    const view = (await charges(w.as.admin_b, `orgId=${w.tree.branchB1.id}&month=2026-06`)).json();
    expect(view.items).toEqual([]);
    expect(view.missing).toEqual([
      {
        member: { id: m3.id, name: '乙一' },
        month: '2026-06',
        org: { id: w.tree.branchB1.id, name: expect.any(String) },
      },
    ]);
  });

  it('follows a base as soon as it is written, whoever writes it (the marks)', async () => {
    await setBase(m3.id, '2026-06-01', 1_200_000); // 2% → 240.00 元
    const view = (await charges(w.as.admin_b, `memberId=${m3.id}&from=2026-05&to=2026-06`)).json();
    expect(amountsOf(view.items)).toEqual({ [`${m3.id}@2026-06`]: 24_000 });
    expect(view.generated).toEqual(['2026-06']);
    expect(view.missing).toEqual([]);
  });

  it('401 without a session, 403 without dues.read, 404 outside the scope', async () => {
    expectStatus(await charges(w.t.anon, `orgId=${w.tree.branchA1.id}&month=2026-06`), 401);
    expectStatus(await charges(w.as.sysadmin, `orgId=${w.tree.branchA1.id}&month=2026-06`), 403);
    expectStatus(await charges(w.as.member, `orgId=${w.tree.branchA1.id}&month=2026-06`), 403);
    expectStatus(await charges(w.as.admin_b, `orgId=${w.tree.branchA1.id}&month=2026-06`), 404);
    expectStatus(await charges(w.as.admin_b, `memberId=${m1.id}&from=2026-01&to=2026-06`), 404);
  });

  it('400 for a query that is neither an org and a month nor a member and a range', async () => {
    expectStatus(await charges(w.as.city_admin, `orgId=${w.tree.branchA1.id}`), 400);
    expectStatus(await charges(w.as.city_admin, `memberId=${m1.id}&from=2026-06&to=2026-01`), 400);
    expectStatus(await charges(w.as.city_admin, `orgId=${w.tree.branchA1.id}&month=2026-13`), 400);
  });
});

describe('POST /api/dues/charges/generate', () => {
  it('generates a past month for every member on demand, audited', async () => {
    const res = await w.as.city_admin.post('/api/dues/charges/generate', { month: '2026-05' });
    expectStatus(res, 200);
    // m1 and m2 are charged; m3's base starts in June, so May is missing.
    expect(res.json()).toEqual({ month: '2026-05', charged: 2, missing: 1 });
    const [row] = await auditRows(w.t.deps.db, 'dues_charges.generate');
    expect(row).toMatchObject({ entityType: 'dues_month', entityId: '2026-05', role: 'org_admin' });
    const view = (await charges(w.as.sec_a1, `memberId=${m1.id}&from=2026-01&to=2026-12`)).json();
    expect(view.generated).toEqual(['2026-05', '2026-06']);
    expect(amountsOf(view.items)).toEqual({ [`${m1.id}@2026-05`]: 4_000, [`${m1.id}@2026-06`]: 4_000 });
  });

  it('again changes nothing', async () => {
    const before = await queryRows(w.t.deps.db, sql`select * from dues_charges order by member_id, month`);
    expectStatus(await w.as.city_admin.post('/api/dues/charges/generate', { month: '2026-05' }), 200);
    expect(await queryRows(w.t.deps.db, sql`select * from dues_charges order by member_id, month`)).toEqual(
      before,
    );
  });

  it('refuses a month not yet begun', async () => {
    expectRule(
      await w.as.city_admin.post('/api/dues/charges/generate', { month: '2026-07' }),
      'dues_month_future',
    );
  });

  it('401 without a session, 403 without dues.manage or without the whole deployment', async () => {
    expectStatus(await w.t.anon.post('/api/dues/charges/generate', { month: '2026-04' }), 401);
    expectStatus(await w.as.sysadmin.post('/api/dues/charges/generate', { month: '2026-04' }), 403);
    expectStatus(await w.as.member.post('/api/dues/charges/generate', { month: '2026-04' }), 403);
    expectStatus(await w.as.admin_a.post('/api/dues/charges/generate', { month: '2026-04' }), 403);
  });
});

describe('reductions (减免)', () => {
  const body = (extra: Record<string, unknown> = {}) => ({
    memberId: m1.id,
    kind: 'reduce',
    fromMonth: '2026-05',
    toMonth: '2026-08',
    monthlyAmount: 1_000,
    reason: '长期患病，生活困难',
    branchDecidedOn: '2026-06-10',
    ...extra,
  });
  let reduceId = 0;

  it('the branch records one, pending the level above; audited; the charges do not change yet', async () => {
    const res = await secBranch.post('/api/dues/reductions', body());
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({
      member: { id: m1.id, name: '甲一' },
      org: { id: w.tree.branchA1.id },
      status: 'pending',
      monthlyAmount: 1_000,
      canDecide: false,
      canWithdraw: true,
    });
    reduceId = res.json().id;
    const [row] = await auditRows(w.t.deps.db, 'dues_reduction.create');
    expect(row).toMatchObject({
      entityType: 'dues_reduction',
      entityId: String(reduceId),
      orgId: w.tree.branchA1.id,
    });
    const view = (await charges(w.as.sec_a1, `memberId=${m1.id}&from=2026-05&to=2026-06`)).json();
    expect(amountsOf(view.items)).toEqual({ [`${m1.id}@2026-05`]: 4_000, [`${m1.id}@2026-06`]: 4_000 });
  });

  it('the branch never approves its own (403); outside the scope 404; no session 401; no permission 403', async () => {
    const own = await secBranch.post(`/api/dues/reductions/${reduceId}/approve`, {});
    expectStatus(own, 403);
    expect(own.json().error.details.reason).toBe('dues_reduction_not_level_above');
    expectStatus(await w.t.anon.post(`/api/dues/reductions/${reduceId}/approve`, {}), 401);
    expectStatus(await w.as.sysadmin.post(`/api/dues/reductions/${reduceId}/approve`, {}), 403);
    expectStatus(await w.as.admin_b.post(`/api/dues/reductions/${reduceId}/approve`, {}), 404);
    expectStatus(await w.as.admin_b.post(`/api/dues/reductions/${reduceId}/reject`, {}), 404);
    expectStatus(await w.as.admin_b.post(`/api/dues/reductions/${reduceId}/withdraw`, {}), 404);
    expectStatus(await w.t.anon.post(`/api/dues/reductions/${reduceId}/withdraw`, {}), 401);
    expectStatus(await w.as.sysadmin.post(`/api/dues/reductions/${reduceId}/withdraw`, {}), 403);
  });

  it('the 党委 above approves: audited, and the months it covers owe its amount', async () => {
    const list = (
      await w.as.sec_a1.get(`/api/dues/reductions?orgId=${w.tree.communityA1.id}&status=pending`)
    ).json();
    expect(list.items.map((r: { id: number; canDecide: boolean }) => [r.id, r.canDecide])).toEqual([
      [reduceId, true],
    ]);
    const res = await w.as.sec_a1.post(`/api/dues/reductions/${reduceId}/approve`, { note: '同意' });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({
      status: 'approved',
      decidedOn: '2026-06-15',
      decisionNote: '同意',
      canDecide: false,
    });
    const [row] = await auditRows(w.t.deps.db, 'dues_reduction.approve');
    expect(row).toMatchObject({ entityId: String(reduceId), role: 'secretary' });
    const view = (await charges(w.as.sec_a1, `memberId=${m1.id}&from=2026-05&to=2026-06`)).json();
    expect(view.items).toMatchObject([
      { month: '2026-05', fullAmount: 4_000, amount: 1_000, reduction: { id: reduceId, kind: 'reduce' } },
      { month: '2026-06', fullAmount: 4_000, amount: 1_000 },
    ]);
    expectRule(
      await w.as.sec_a1.post(`/api/dues/reductions/${reduceId}/reject`, {}),
      'dues_reduction_not_pending',
    );
    expectRule(
      await secBranch.post(`/api/dues/reductions/${reduceId}/withdraw`, {}),
      'dues_reduction_not_pending',
    );
  });

  it('refuses an overlap with an approved one, at recording and at approval', async () => {
    expectRule(
      await secBranch.post(
        '/api/dues/reductions',
        body({ kind: 'exempt', monthlyAmount: null, fromMonth: '2026-08', toMonth: '2026-09' }),
      ),
      'dues_reduction_overlap',
    );
  });

  it('a 免交 refused by the level above changes nothing; one withdrawn neither', async () => {
    const exempt = await secBranch.post(
      '/api/dues/reductions',
      body({
        memberId: m2.id,
        kind: 'exempt',
        monthlyAmount: null,
        fromMonth: '2026-06',
        toMonth: '2026-06',
      }),
    );
    expectStatus(exempt, 200);
    const refused = await w.as.admin_a.post(`/api/dues/reductions/${exempt.json().id}/reject`, {
      note: '不符合条件',
    });
    expectStatus(refused, 200);
    expect(refused.json()).toMatchObject({ status: 'rejected', decidedBy: { name: 'admin_a' } });
    expect((await auditRows(w.t.deps.db, 'dues_reduction.reject')).length).toBe(1);
    const again = await secBranch.post(
      '/api/dues/reductions',
      body({
        memberId: m2.id,
        kind: 'exempt',
        monthlyAmount: null,
        fromMonth: '2026-06',
        toMonth: '2026-06',
      }),
    );
    const withdrawn = await secBranch.post(`/api/dues/reductions/${again.json().id}/withdraw`, {});
    expectStatus(withdrawn, 200);
    expect(withdrawn.json().status).toBe('withdrawn');
    expect((await auditRows(w.t.deps.db, 'dues_reduction.withdraw')).length).toBe(1);
    const view = (await charges(w.as.sec_a1, `memberId=${m2.id}&from=2026-06&to=2026-06`)).json();
    expect(view.items).toMatchObject([{ amount: 20, reduction: null }]);
    // An exempt approved later makes the month owe 0.
    const third = await secBranch.post(
      '/api/dues/reductions',
      body({
        memberId: m2.id,
        kind: 'exempt',
        monthlyAmount: null,
        fromMonth: '2026-06',
        toMonth: '2026-06',
      }),
    );
    expectStatus(await w.as.admin_a.post(`/api/dues/reductions/${third.json().id}/approve`, {}), 200);
    const after = (await charges(w.as.sec_a1, `memberId=${m2.id}&from=2026-06&to=2026-06`)).json();
    expect(after.items).toMatchObject([{ fullAmount: 20, amount: 0, reduction: { kind: 'exempt' } }]);
  });

  it.each([
    [{ fromMonth: '2026-09', toMonth: '2026-08' }, 'dues_reduction_months_invalid'],
    [{ fromMonth: '2026-09', toMonth: '2027-09' }, 'dues_reduction_too_long'],
    [{ reason: '' }, 'dues_reduction_reason_required'],
    [{ branchDecidedOn: '2026-06-16' }, 'dues_reduction_date_future'],
    [{ monthlyAmount: null }, 'dues_reduction_amount_invalid'],
    [{ kind: 'exempt' }, 'dues_reduction_amount_invalid'],
    [{ monthlyAmount: 4_000, fromMonth: '2026-09', toMonth: '2026-10' }, 'dues_reduction_amount_not_lower'],
  ])('refuses %j: %s', async (extra, reason) => {
    expectRule(await secBranch.post('/api/dues/reductions', body(extra)), reason);
  });

  it('refuses a 少交 whose full amount cannot be computed (no base)', async () => {
    expectRule(
      await w.as.admin_b.post(
        '/api/dues/reductions',
        body({ memberId: m3.id, fromMonth: '2026-01', toMonth: '2026-03' }),
      ),
      'dues_reduction_full_unknown',
    );
  });

  it('recording: 401, 403 without dues.manage, 404 for a member outside the scope', async () => {
    expectStatus(await w.t.anon.post('/api/dues/reductions', body()), 401);
    expectStatus(await w.as.sysadmin.post('/api/dues/reductions', body()), 403);
    expectStatus(await w.as.member.post('/api/dues/reductions', body()), 403);
    expectStatus(await w.as.admin_b.post('/api/dues/reductions', body()), 404);
  });

  it('the list: 401, 403, 404, and the status filter', async () => {
    expectStatus(await w.t.anon.get(`/api/dues/reductions?orgId=${w.tree.branchA1.id}`), 401);
    expectStatus(await w.as.sysadmin.get(`/api/dues/reductions?orgId=${w.tree.branchA1.id}`), 403);
    expectStatus(await w.as.admin_b.get(`/api/dues/reductions?orgId=${w.tree.branchA1.id}`), 404);
    const all = (await w.as.admin_a.get(`/api/dues/reductions?orgId=${w.tree.districtA.id}`)).json();
    expect(all.items.map((r: { status: string }) => r.status).sort()).toEqual([
      'approved',
      'approved',
      'rejected',
      'withdrawn',
    ]);
    const refused = (
      await w.as.admin_a.get(`/api/dues/reductions?orgId=${w.tree.districtA.id}&status=rejected`)
    ).json();
    expect(refused.items).toHaveLength(1);
  });
});

describe('the monthly pass', () => {
  it('a read in a new month generates it for every member first', async () => {
    w.t.clock.set(new Date('2026-07-02T01:00:00Z'));
    const admin = await loginAs(w.t, 'city_admin', TEST_PASSWORD);
    const view = (await charges(admin, `orgId=${w.tree.root.id}&month=2026-07`)).json();
    expect(view.generated).toEqual(['2026-07']);
    expect(amountsOf(view.items)).toEqual({
      [`${m1.id}@2026-07`]: 1_000, // still under the approved 少交
      [`${m2.id}@2026-07`]: 20,
      [`${m3.id}@2026-07`]: 24_000,
    });
    w.t.clock.set(new Date('2026-06-15T01:00:00Z'));
  });
});
