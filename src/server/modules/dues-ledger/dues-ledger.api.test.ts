import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { fakePaymentProvider } from '../../payments/index.ts';
import { auditRows } from '../../testing/audit-rows.ts';
import { insertCharges } from '../../testing/fixtures/dues.ts';
import {
  createMember,
  expectRule,
  expectStatus,
  linkUser,
  MEMBER_ACTORS,
  type MemberActor,
} from '../../testing/fixtures/members.ts';
import { createUser, seedTree, TEST_PASSWORD, type Tree } from '../../testing/fixtures.ts';
import { loginAs, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

/**
 * The dues ledger through the app (docs/dues.md §4, §5, §9): payments, reversals, 特殊党费, the reads, their scope and
 * audit, the arrears to-dos, and the database refusing to change an entry. Today is 2026-06-15 (TEST_NOW).
 */
const provider = fakePaymentProvider({ 'WX-0001': { amount: 4000, paidOn: '2026-06-14' } });
let t: TestApp;
let tree: Tree;
const as = {} as Record<MemberActor, TestClient>;
let anon: TestClient;
let memberId: number;
let personId: number;

const ROLES: Record<MemberActor, [string, keyof Tree]> = {
  city_admin: ['org_admin', 'root'],
  admin_a: ['org_admin', 'districtA'],
  admin_b: ['org_admin', 'districtB'],
  sec_a1: ['secretary', 'communityA1'],
  sec_b1: ['secretary', 'communityB1'],
  sysadmin: ['system_admin', 'root'],
  member: ['member', 'branchA1'],
};

beforeAll(async () => {
  // The roster world (fixtures/members.ts), on an app with a payment provider.
  t = await startTestApp({ payments: provider });
  tree = await seedTree(t.deps.db);
  for (const name of MEMBER_ACTORS) {
    const [role, org] = ROLES[name];
    await createUser(t.deps.db, { username: name, orgId: tree[org].id, roles: [{ role: role as never }] });
    as[name] = await loginAs(t, name, TEST_PASSWORD);
  }
  anon = t.anon;
  const m = await createMember(as.city_admin, tree.groupA1.id, {
    admittedOn: '2025-10-20',
    status: 'probationary',
    confirmedOn: null,
  });
  memberId = m.id;
  personId = m.personId;
  await insertCharges(t.deps.db, {
    memberId,
    orgId: tree.branchA1.id,
    months: {
      '2025-10': 4000,
      '2025-11': 4000,
      '2025-12': 4000,
      '2026-01': 4000,
      '2026-02': 4000,
      '2026-03': 4000,
      '2026-04': 4000,
      '2026-05': 4000,
    },
  });
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const payment = (extra: Record<string, unknown> = {}) => ({
  memberId,
  months: [{ month: '2026-06' }],
  method: 'cash',
  paidOn: '2026-06-15',
  ...extra,
});

async function ledgerRows() {
  return queryRows<Record<string, unknown>>(t.deps.db, sql`select * from dues_ledger order by id`);
}

describe('POST /api/dues/payments', () => {
  it('records one entry per month, the balance by default, audited', async () => {
    const res = await as.sec_a1.post(
      '/api/dues/payments',
      payment({ months: [{ month: '2026-05' }, { month: '2026-04', amount: 1000 }], paidBy: '配偶王五' }),
    );
    expectStatus(res, 200);
    const body = res.json();
    expect(body.warnings).toEqual([]);
    expect(body.entries.map((e: { month: string; amount: number }) => [e.month, e.amount])).toEqual([
      ['2026-04', 1000],
      ['2026-05', 4000],
    ]);
    expect(body.entries[0]).toMatchObject({
      kind: 'payment',
      method: 'cash',
      paidBy: '配偶王五',
      receipt: body.receipt,
      collectingOrg: { id: tree.branchA1.id },
      can: { reverse: true },
    });
    const [audit] = await auditRows(t.deps.db, 'dues_payment.record');
    expect(audit).toMatchObject({
      entityType: 'dues_ledger_entry',
      entityId: String(body.entries[0].id),
      actorUsername: 'sec_a1',
    });
    expect(audit?.diff).toMatchObject({ after: { total: 5000, receipt: body.receipt } });
  });

  it("refuses the rules' cases with their reasons", async () => {
    expectRule(
      await as.sec_a1.post('/api/dues/payments', payment({ months: [{ month: '2026-05' }] })),
      'dues_month_paid_in_full',
    );
    expectRule(
      await as.sec_a1.post('/api/dues/payments', payment({ months: [{ month: '2025-09', amount: 100 }] })),
      'dues_payment_before_admission',
    );
    expectRule(
      await as.sec_a1.post('/api/dues/payments', payment({ paidOn: '2026-06-16' })),
      'dues_paid_on_future',
    );
    expectRule(
      await as.sec_a1.post('/api/dues/payments', payment({ months: [{ month: '2026-07' }] })),
      'dues_prepayment_without_consent',
    );
    expectRule(
      await as.sec_a1.post('/api/dues/payments', payment({ collectingOrgId: tree.branchB1.id })),
      'dues_collecting_org_not_mobile',
    );
    const far = await as.sec_a1.post('/api/dues/payments', payment({ months: [{ month: '2025-11' }] }));
    expectRule(far, 'dues_payment_needs_confirm');
    expect(far.json().error.details.warnings.map((w: { reason: string }) => w.reason)).toEqual([
      'dues_back_payment_long',
    ]);
    const before = (await ledgerRows()).length;
    expect(before).toBe(2);
    // Confirmed, it is recorded.
    const confirmed = await as.sec_a1.post(
      '/api/dues/payments',
      payment({ months: [{ month: '2025-11' }], confirm: true }),
    );
    expectStatus(confirmed, 200);
    expect(confirmed.json().warnings.map((w: { reason: string }) => w.reason)).toEqual([
      'dues_back_payment_long',
    ]);
  });

  it("prepays with the branch's consent, recorded", async () => {
    const res = await as.sec_a1.post(
      '/api/dues/payments',
      payment({ months: [{ month: '2026-07' }, { month: '2026-08' }], prepaymentConsentBy: '支部委员会' }),
    );
    expectStatus(res, 200);
    expect(
      res
        .json()
        .entries.map((e: { amount: number; prepaymentConsentBy: string }) => [
          e.amount,
          e.prepaymentConsentBy,
        ]),
    ).toEqual([
      [4000, '支部委员会'],
      [4000, '支部委员会'],
    ]);
  });

  it('verifies an external payment with the provider before writing it', async () => {
    expectRule(
      await as.sec_a1.post(
        '/api/dues/payments',
        payment({ months: [{ month: '2026-03' }], method: 'external', externalRef: 'WX-404' }),
      ),
      'dues_payment_not_verified',
    );
    const res = await as.sec_a1.post(
      '/api/dues/payments',
      payment({ months: [{ month: '2026-03' }], method: 'external', externalRef: 'WX-0001' }),
    );
    expectStatus(res, 200);
    expect(res.json().entries[0]).toMatchObject({
      method: 'external',
      externalRef: 'WX-0001',
      paidOn: '2026-06-14',
    });
    expect(provider.asked.at(-1)).toEqual({ ref: 'WX-0001', amount: 4000 });
    // The reference is required by the contract.
    expectStatus(await as.sec_a1.post('/api/dues/payments', payment({ method: 'external' })), 400);
  });

  it('lets a 流动党员 pay where they are: the collecting org records it, the month stays the home branch’s', async () => {
    await t.deps.db.execute(sql`update members set is_mobile = true where id = ${memberId}`);
    try {
      // The secretary where the member is (光明社区) does not reach the member, but reaches the collecting branch.
      const res = await as.sec_b1.post(
        '/api/dues/payments',
        payment({ months: [{ month: '2026-02' }], collectingOrgId: tree.branchB1.id }),
      );
      expectStatus(res, 200);
      expect(res.json().entries[0].collectingOrg).toEqual({ id: tree.branchB1.id, name: tree.branchB1.name });
      const view = (await as.sec_a1.get(`/api/members/${memberId}/dues`)).json();
      expect(view.months.find((m: { month: string }) => m.month === '2026-02')).toMatchObject({
        org: { id: tree.branchA1.id },
        charged: 4000,
        paid: 4000,
        balance: 0,
      });
    } finally {
      await t.deps.db.execute(sql`update members set is_mobile = false where id = ${memberId}`);
    }
  });

  it('answers 401, 403 and 404 by the actor', async () => {
    expectStatus(await anon.post('/api/dues/payments', payment()), 401);
    expectStatus(await as.sysadmin.post('/api/dues/payments', payment()), 403);
    expectStatus(await as.member.post('/api/dues/payments', payment()), 403);
    expectStatus(await as.sec_b1.post('/api/dues/payments', payment()), 404);
    expectStatus(await as.admin_b.post('/api/dues/payments', payment()), 404);
  });
});

describe('POST /api/dues/payments/:entryId/reverse', () => {
  let entryId: number;
  beforeAll(async () => {
    const res = await as.sec_a1.post(
      '/api/dues/payments',
      payment({ months: [{ month: '2026-01', amount: 400 }] }),
    );
    entryId = res.json().entries[0].id;
  });

  it('answers 401, 403 and 404 by the actor', async () => {
    const body = { reason: '金额录错' };
    expectStatus(await anon.post(`/api/dues/payments/${entryId}/reverse`, body), 401);
    expectStatus(await as.sysadmin.post(`/api/dues/payments/${entryId}/reverse`, body), 403);
    expectStatus(await as.member.post(`/api/dues/payments/${entryId}/reverse`, body), 403);
    expectStatus(await as.sec_b1.post(`/api/dues/payments/${entryId}/reverse`, body), 404);
    expectStatus(await as.sec_a1.post('/api/dues/payments/999999/reverse', body), 404);
  });

  it('negates one entry once, with its reason, audited; never a reversal', async () => {
    expectStatus(await as.sec_a1.post(`/api/dues/payments/${entryId}/reverse`, { reason: ' ' }), 400);
    const res = await as.sec_a1.post(`/api/dues/payments/${entryId}/reverse`, {
      reason: '金额录错，应为40元',
    });
    expectStatus(res, 200);
    const reversal = res.json();
    expect(reversal).toMatchObject({
      kind: 'reversal',
      month: '2026-01',
      amount: -400,
      reversesId: entryId,
      reason: '金额录错，应为40元',
      can: { reverse: false },
    });
    const [audit] = await auditRows(t.deps.db, 'dues_payment.reverse');
    expect(audit).toMatchObject({ entityId: String(reversal.id), actorUsername: 'sec_a1' });
    expect(audit?.diff).toMatchObject({ before: { amount: 400, kind: 'payment' } });
    expectRule(
      await as.sec_a1.post(`/api/dues/payments/${entryId}/reverse`, { reason: '再冲' }),
      'dues_entry_already_reversed',
    );
    expectRule(
      await as.sec_a1.post(`/api/dues/payments/${reversal.id}/reverse`, { reason: '再冲' }),
      'dues_reversal_of_reversal',
    );
    // The month owes its whole charge again, and a new entry corrects it.
    const view = (await as.sec_a1.get(`/api/members/${memberId}/dues`)).json();
    expect(view.months.find((m: { month: string }) => m.month === '2026-01')).toMatchObject({
      paid: 0,
      balance: 4000,
    });
  });
});

describe('POST /api/dues/special (特殊党费)', () => {
  it('records it without a month, to the centre from 1,000 元, audited', async () => {
    const small = await as.sec_a1.post('/api/dues/special', {
      memberId,
      amount: 50_000,
      method: 'cash',
      paidOn: '2026-06-10',
    });
    expectStatus(small, 200);
    expect(small.json()).toMatchObject({
      kind: 'special_dues',
      month: null,
      amount: 50_000,
      toCentre: false,
    });
    const big = await as.sec_a1.post('/api/dues/special', {
      memberId,
      amount: 100_000,
      method: 'bank_transfer',
      paidOn: '2026-06-10',
    });
    expect(big.json()).toMatchObject({ toCentre: true });
    const [audit] = await auditRows(t.deps.db, 'dues_special.record');
    expect(audit).toMatchObject({ entityId: String(big.json().id) });
    expect(audit?.diff).toMatchObject({ after: { amount: 100_000, toCentre: true } });
    expectRule(
      await as.sec_a1.post('/api/dues/special', {
        memberId,
        amount: 100,
        method: 'cash',
        paidOn: '2026-07-01',
      }),
      'dues_paid_on_future',
    );
    expectStatus(
      await as.sec_a1.post('/api/dues/special', {
        memberId,
        amount: 0,
        method: 'cash',
        paidOn: '2026-06-01',
      }),
      400,
    );
  });

  it('answers 401, 403 and 404 by the actor', async () => {
    const body = { memberId, amount: 100, method: 'cash', paidOn: '2026-06-01' };
    expectStatus(await anon.post('/api/dues/special', body), 401);
    expectStatus(await as.sysadmin.post('/api/dues/special', body), 403);
    expectStatus(await as.sec_b1.post('/api/dues/special', body), 404);
  });
});

describe('the reads', () => {
  it('GET /api/dues/payments lists a member’s or an org’s entries in scope', async () => {
    const byMember = await as.sec_a1.get(`/api/dues/payments?memberId=${memberId}`);
    expectStatus(byMember, 200);
    expect(byMember.json().items.length).toBe((await ledgerRows()).length);
    const may = await as.sec_a1.get(`/api/dues/payments?orgId=${tree.branchA1.id}&month=2026-05`);
    expect(may.json().items.map((e: { month: string; amount: number }) => [e.month, e.amount])).toEqual([
      ['2026-05', 4000],
    ]);
    expectStatus(await anon.get(`/api/dues/payments?memberId=${memberId}`), 401);
    expectStatus(await as.sysadmin.get(`/api/dues/payments?memberId=${memberId}`), 403);
    expectStatus(await as.sec_b1.get(`/api/dues/payments?memberId=${memberId}`), 404);
    expectStatus(await as.sec_b1.get(`/api/dues/payments?orgId=${tree.branchA1.id}`), 404);
    expectStatus(await as.sec_a1.get('/api/dues/payments'), 400);
  });

  it('GET /api/members/:id/dues shows each month, why, and the arrears — never the pay', async () => {
    const res = await as.sec_a1.get(`/api/members/${memberId}/dues`);
    expectStatus(res, 200);
    const view = res.json();
    // January: paid, then reversed (above).
    const january = view.months.find((m: { month: string }) => m.month === '2026-01');
    expect(january).toMatchObject({
      charged: 4000,
      paid: 0,
      balance: 4000,
      why: { rateLabel: '1%', base: null },
    });
    expect(january.why.explanation).toBe('按计算基数的1%交纳，每月40.00元');
    expect(view.arrears).toMatchObject({
      // April was paid 10.00 of 40.00 元.
      months: ['2025-10', '2025-12', '2026-01', '2026-04'],
      total: 15000,
      run: 0,
      warning: null,
    });
    expect(view.can).toEqual({ pay: true });
    expectStatus(await anon.get(`/api/members/${memberId}/dues`), 401);
    expectStatus(await as.sysadmin.get(`/api/members/${memberId}/dues`), 403);
    expectStatus(await as.sec_b1.get(`/api/members/${memberId}/dues`), 404);
  });

  it('GET /api/me/dues shows the member their own, with their base', async () => {
    expectStatus(await anon.get('/api/me/dues'), 401);
    expectStatus(await as.member.get('/api/me/dues'), 404);
    expectStatus(await as.sec_a1.get('/api/me/dues'), 403);
    await linkUser(t.deps.db, 'member', personId);
    const res = await as.member.get('/api/me/dues');
    expectStatus(res, 200);
    const january = res.json().months.find((m: { month: string }) => m.month === '2026-01');
    expect(january.why).toMatchObject({ base: 400_000, explanation: '计算基数4,000.00元 × 1% = 40.00元' });
    expect(res.json().can).toEqual({ pay: false });
    expect(res.json().entries.every((e: { can: { reverse: boolean } }) => !e.can.reverse)).toBe(true);
  });
});

/** The database's own refusal: drizzle wraps it, its cause carries the trigger's message. */
async function refused(query: Promise<unknown>): Promise<string> {
  const error = await query.then(
    () => null,
    (e: unknown) => e as Error & { cause?: Error },
  );
  expect(error, 'the statement should have been refused').not.toBeNull();
  return `${error?.message} ${error?.cause?.message ?? ''}`;
}

describe('the ledger is append-only (docs/dues.md §9)', () => {
  it('the database refuses UPDATE, DELETE and TRUNCATE of an entry', async () => {
    const [first] = await ledgerRows();
    expect(
      await refused(t.deps.db.execute(sql`update dues_ledger set amount = 1 where id = ${first?.id}`)),
    ).toMatch(/append-only: UPDATE/);
    expect(await refused(t.deps.db.execute(sql`delete from dues_ledger where id = ${first?.id}`))).toMatch(
      /append-only: DELETE/,
    );
    expect(await refused(t.deps.db.execute(sql`truncate dues_ledger`))).toMatch(/append-only: TRUNCATE/);
    expect((await ledgerRows())[0]).toEqual(first);
  });
});

describe('the arrears to-dos (docs/dues.md §5)', () => {
  type Item = {
    org: { id: number };
    finding: { kind: string; severity: string; message: string; subject?: { id: number } };
  };
  let debtor: number;
  async function duesTodos(): Promise<Item[]> {
    const res = await as.sec_a1.get('/api/findings?pageSize=200');
    expectStatus(res, 200);
    return res
      .json()
      .items.filter((i: Item) => i.finding.kind.startsWith('dues_') && i.finding.subject?.id === debtor);
  }
  beforeAll(async () => {
    debtor = (await createMember(as.city_admin, tree.branchA1.id, {}, { name: '欠费者' })).id;
  });

  it('warn at 3 and 5 months, and at 6 ask for a 党章第九条 case; a payment clears them', async () => {
    await insertCharges(t.deps.db, {
      memberId: debtor,
      orgId: tree.branchA1.id,
      months: { '2026-03': 2000, '2026-04': 2000 },
    });
    expect(await duesTodos()).toEqual([]);
    await insertCharges(t.deps.db, {
      memberId: debtor,
      orgId: tree.branchA1.id,
      months: { '2026-05': 2000, '2026-06': 2000 },
    });
    const three = await duesTodos();
    expect(three.map((i) => [i.org.id, i.finding.kind, i.finding.severity])).toEqual([
      [tree.branchA1.id, 'dues_arrears', 'warning'],
    ]);
    expect(three[0]?.finding.message).toMatch(
      /^欠费者已连续3个月未交纳党费（2026年3月至2026年5月，欠缴60.00元）/,
    );
    await insertCharges(t.deps.db, {
      memberId: debtor,
      orgId: tree.branchA1.id,
      months: { '2026-01': 2000, '2026-02': 2000 },
    });
    expect((await duesTodos())[0]?.finding.message).toMatch(/连续5个月.*再有一个月未交将满六个月/);
    await insertCharges(t.deps.db, {
      memberId: debtor,
      orgId: tree.branchA1.id,
      months: { '2025-12': 2000 },
    });
    const six = await duesTodos();
    expect(six.map((i) => [i.finding.kind, i.finding.severity])).toEqual([['dues_lapse', 'critical']]);
    expect(six[0]?.finding.message).toMatch(/请立案办理.*支部大会.*系统不会更改其党籍状态/);
    // Paying May ends the run at once (its trigger marks the branch).
    const paid = await as.sec_a1.post('/api/dues/payments', {
      memberId: debtor,
      months: [{ month: '2026-05' }],
      method: 'cash',
      paidOn: '2026-06-15',
    });
    expectStatus(paid, 200);
    expect(await duesTodos()).toEqual([]);
    // Its reversal brings the case back.
    await as.sec_a1.post(`/api/dues/payments/${paid.json().entries[0].id}/reverse`, { reason: '票据作废' });
    expect((await duesTodos()).map((i) => i.finding.kind)).toEqual(['dues_lapse']);
  });

  it('stop while a case is open, and after one closed with a valid reason count only later months', async () => {
    const opened = await as.sec_a1.post('/api/lapse-cases', { memberId: debtor, cause: 'dues_arrears' });
    expectStatus(opened, 200);
    expect(await duesTodos()).toEqual([]);
    const step = await as.sec_a1.post(`/api/lapse-cases/${opened.json().id}/steps`, {
      version: opened.json().version,
      key: 'investigate',
      on: '2026-06-15',
      note: '家访核实',
    });
    expectStatus(step, 200);
    const closed = await as.sec_a1.post(`/api/lapse-cases/${opened.json().id}/close`, {
      version: step.json().version,
      outcome: 'valid_reason',
      note: '长期住院，家属已说明',
    });
    expectStatus(closed, 200);
    expect(await duesTodos()).toEqual([]);
    const view = (await as.sec_a1.get(`/api/members/${debtor}/dues`)).json();
    expect(view.arrears).toMatchObject({ run: 0, warning: null, total: 12000 });
  });
});
