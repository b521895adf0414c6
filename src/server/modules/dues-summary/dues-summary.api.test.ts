import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, queryRows } from '../../db/client.ts';
import { duesCharges, duesLedger, duesReductions } from '../../db/tables/dues.ts';
import { auditRows } from '../../testing/audit-rows.ts';
import {
  createMember,
  expectStatus,
  issuePaths,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';
import type { TestResponse } from '../../testing/test-app.ts';

/*
 * Charges and ledger entries are written straight into their tables (the charges and ledger modules are not what
 * is tested here; the ledger accepts inserts): in 2026-07, at 和平社区第一党支部 张三 pays on time, 李四's 少交 is
 * paid late by his wife, 王五 is 免交; at 幸福社区第一党支部 赵六's payment is reversed and paid again short, where
 * he works (光明社区第一党支部); at 光明社区第一党支部 钱七 pays nothing. 特殊党费: 张三 1,500 元, 李四 50 元.
 */
let w: RosterWorld;
const m: Record<string, number> = {};
let approver = 0;

async function firstUserId(db: Db): Promise<number> {
  const [row] = await queryRows<{ id: number }>(db, sql`select id from users order by id limit 1`);
  return Number(row?.id);
}

async function charge(
  db: Db,
  memberId: number,
  orgId: number,
  month: string,
  amount: number,
  extra: Partial<typeof duesCharges.$inferInsert> = {},
) {
  await db.insert(duesCharges).values({
    memberId,
    orgId,
    month: `${month}-01`,
    category: 'employed',
    fullAmount: amount,
    amount,
    ruleVersion: '2008-中组发3号',
    ...extra,
  });
}

let receipt = 0;
async function pay(
  db: Db,
  e: { memberId: number; orgId: number; month: string | null; amount: number; paidOn: string } & Partial<
    typeof duesLedger.$inferInsert
  >,
): Promise<number> {
  const [row] = await db
    .insert(duesLedger)
    .values({
      kind: 'payment',
      method: 'cash',
      receipt: `R${++receipt}`,
      ...e,
      month: e.month === null ? null : `${e.month}-01`,
    })
    .returning({ id: duesLedger.id });
  return (row as { id: number }).id;
}

async function reduction(db: Db, memberId: number, orgId: number, kind: 'reduce' | 'exempt') {
  const [row] = await db
    .insert(duesReductions)
    .values({
      memberId,
      orgId,
      kind,
      fromMonth: '2026-01-01',
      toMonth: '2026-12-01',
      monthlyAmount: kind === 'reduce' ? 1_000 : null,
      reason: '生活困难',
      branchDecidedOn: '2025-12-20',
      status: 'approved',
      decidedBy: approver,
      decidedOn: '2026-01-05',
    })
    .returning({ id: duesReductions.id });
  return (row as { id: number }).id;
}

beforeAll(async () => {
  w = await startRosterWorld();
  const { tree } = w;
  for (const [name, org] of [
    ['张三', tree.branchA1],
    ['李四', tree.branchA1],
    ['王五', tree.branchA1],
    ['赵六', tree.branchA2],
    ['钱七', tree.branchB1],
    // In a 党小组 of 和平, without a base on record: no charge can be computed (未核定基数).
    ['孙八', tree.groupA1],
  ] as const)
    m[name] = (await createMember(w.as.city_admin, org.id, {}, { name })).id;
  const db = w.t.deps.db;
  approver = await firstUserId(db);
  await charge(db, m.张三 as number, tree.branchA1.id, '2026-07', 1_500);
  await charge(db, m.李四 as number, tree.branchA1.id, '2026-07', 1_000, {
    fullAmount: 3_000,
    reductionId: await reduction(db, m.李四 as number, tree.branchA1.id, 'reduce'),
  });
  await charge(db, m.王五 as number, tree.branchA1.id, '2026-07', 0, {
    fullAmount: 1_500,
    category: 'retired',
    reductionId: await reduction(db, m.王五 as number, tree.branchA1.id, 'exempt'),
  });
  await charge(db, m.赵六 as number, tree.branchA2.id, '2026-07', 2_000);
  await charge(db, m.钱七 as number, tree.branchB1.id, '2026-07', 1_000);
  await charge(db, m.张三 as number, tree.branchA1.id, '2026-08', 1_500);

  await pay(db, {
    memberId: m.张三 as number,
    orgId: tree.branchA1.id,
    month: '2026-07',
    amount: 1_500,
    paidOn: '2026-07-10',
  });
  await pay(db, {
    memberId: m.李四 as number,
    orgId: tree.branchA1.id,
    month: '2026-07',
    amount: 1_000,
    paidOn: '2026-08-03',
    method: 'bank_transfer',
    paidBy: '李四之妻',
  });
  const first = await pay(db, {
    memberId: m.赵六 as number,
    orgId: tree.branchA2.id,
    month: '2026-07',
    amount: 2_000,
    paidOn: '2026-07-05',
  });
  await pay(db, {
    kind: 'reversal',
    memberId: m.赵六 as number,
    orgId: tree.branchA2.id,
    month: null,
    amount: -2_000,
    paidOn: '2026-07-20',
    reversesId: first,
    reason: '金额登记错误',
    method: null,
  });
  await pay(db, {
    memberId: m.赵六 as number,
    orgId: tree.branchB1.id,
    month: '2026-07',
    amount: 1_800,
    paidOn: '2026-08-02',
  });
  await pay(db, {
    kind: 'special_dues',
    memberId: m.张三 as number,
    orgId: tree.branchA1.id,
    month: null,
    amount: 150_000,
    paidOn: '2026-07-01',
    toCentre: true,
  });
  await pay(db, {
    kind: 'special_dues',
    memberId: m.李四 as number,
    orgId: tree.branchA1.id,
    month: null,
    amount: 5_000,
    paidOn: '2026-09-01',
  });
});
afterAll(() => w.t.close());

const figures = (f: Record<string, number | null>) => expect.objectContaining(f);

describe('GET /api/orgs/:id/dues-summary (收缴统计)', () => {
  it('sums the subtree for a month, counts a month where it is owed, and drills down to the children', async () => {
    const res = await w.as.city_admin.get(`/api/orgs/${w.tree.root.id}/dues-summary?period=2026-07`);
    expectStatus(res, 200);
    const v = res.json();
    expect(v.periodLabel).toBe('2026年7月');
    expect(v.figures).toEqual({
      charged: 5_500,
      paid: 4_300,
      owed: 1_200,
      members: 5,
      paidInFull: 3,
      inArrears: 2,
      onTime: 2,
      reduced: 1,
      exempt: 1,
      rateBp: 7_818,
    });
    expect(v.children.map((c: { org: { name: string } }) => c.org.name)).toEqual(['甲区委', '乙区委']);
    // 赵六's 18 元 paid at 光明 counts for 幸福 (甲区), where the month is owed.
    expect(v.children[0].figures).toEqual(figures({ charged: 4_500, paid: 4_300, owed: 200, members: 4 }));
    expect(v.children[1].figures).toEqual(figures({ charged: 1_000, paid: 0, owed: 1_000, rateBp: 0 }));
    expect(v.months).toEqual([{ month: '2026-07', label: '2026年7月', figures: v.figures }]);
  });

  it('sums a year as its months', async () => {
    const v = (await w.as.sec_a1.get(`/api/orgs/${w.tree.communityA1.id}/dues-summary?period=2026`)).json();
    expect(v.figures).toEqual(figures({ charged: 4_000, paid: 2_500, owed: 1_500, members: 4 }));
    expect(v.months).toHaveLength(12);
    expect(v.months[6].figures).toEqual(figures({ charged: 2_500, paid: 2_500, onTime: 2 }));
    expect(v.months[7].figures).toEqual(figures({ charged: 1_500, paid: 0, rateBp: 0 }));
    expect(v.months[0].figures).toEqual(figures({ charged: 0, rateBp: null }));
  });

  it('follows a write made after the last read (the triggers mark, the read refreshes)', async () => {
    await pay(w.t.deps.db, {
      memberId: m.钱七 as number,
      orgId: w.tree.branchB1.id,
      month: '2026-07',
      amount: 400,
      paidOn: '2026-07-30',
    });
    const v = (await w.as.admin_b.get(`/api/orgs/${w.tree.districtB.id}/dues-summary?period=2026-07`)).json();
    expect(v.figures).toEqual(figures({ charged: 1_000, paid: 400, owed: 600, inArrears: 1 }));
  });

  it('answers 401, 403, 404 and 400 as every route does', async () => {
    const url = (id: number, q = 'period=2026-07') => `/api/orgs/${id}/dues-summary?${q}`;
    expectStatus(await w.t.anon.get(url(w.tree.branchA1.id)), 401);
    expectStatus(await w.as.member.get(url(w.tree.branchA1.id)), 403);
    expectStatus(await w.as.sysadmin.get(url(w.tree.branchA1.id)), 403);
    expectStatus(await w.as.sec_b1.get(url(w.tree.branchA1.id)), 404);
    expect(issuePaths(await w.as.sec_a1.get(url(w.tree.branchA1.id, 'period=2026-13')))).toEqual([
      'querystring.period',
    ]);
    expect(issuePaths(await w.as.sec_a1.get(url(w.tree.branchA1.id, 'period=1990')))).toEqual([
      'querystring.period',
    ]);
  });
});

describe('GET /api/orgs/:id/dues-sheet (党费收缴表)', () => {
  it('lists each member charged with 应缴 / 实缴 / 欠缴, the payment and notes, and 合计', async () => {
    const res = await w.as.sec_a1.get(`/api/orgs/${w.tree.branchA1.id}/dues-sheet?month=2026-07`);
    expectStatus(res, 200);
    const v = res.json();
    expect(v).toMatchObject({ month: '2026-07', monthLabel: '2026年7月', canRecord: true });
    expect(v.rows).toEqual([
      {
        memberId: m.李四,
        name: '李四',
        category: 'employed',
        fullAmount: 3_000,
        charged: 1_000,
        reduction: 'reduce',
        paid: 1_000,
        owed: 0,
        paidInFull: true,
        onTime: false,
        method: 'bank_transfer',
        paidOn: '2026-08-03',
        notes: '少交（已批准）；逾期交纳；李四之妻代缴',
      },
      {
        memberId: m.王五,
        name: '王五',
        category: 'retired',
        fullAmount: 1_500,
        charged: 0,
        reduction: 'exempt',
        paid: 0,
        owed: 0,
        paidInFull: true,
        onTime: true,
        method: null,
        paidOn: null,
        notes: '免交（已批准）',
      },
      {
        memberId: m.张三,
        name: '张三',
        category: 'employed',
        fullAmount: 1_500,
        charged: 1_500,
        reduction: null,
        paid: 1_500,
        owed: 0,
        paidInFull: true,
        onTime: true,
        method: 'cash',
        paidOn: '2026-07-10',
        notes: '',
      },
    ]);
    expect(v.missing).toEqual([{ memberId: m.孙八, name: '孙八', category: 'employed' }]);
    expect(v.totals).toEqual({
      charged: 2_500,
      paid: 2_500,
      owed: 0,
      members: 3,
      paidInFull: 3,
      inArrears: 0,
      onTime: 2,
      reduced: 1,
      exempt: 1,
      rateBp: 10_000,
    });
    // The sheet's 合计 is the roll-up's figure of the branch.
    const summary = (
      await w.as.sec_a1.get(`/api/orgs/${w.tree.branchA1.id}/dues-summary?period=2026-07`)
    ).json();
    expect(summary.figures).toEqual(v.totals);
  });

  it('shows a reversed payment paid again elsewhere', async () => {
    const v = (await w.as.admin_a.get(`/api/orgs/${w.tree.branchA2.id}/dues-sheet?month=2026-07`)).json();
    expect(v.rows).toEqual([
      expect.objectContaining({
        name: '赵六',
        charged: 2_000,
        paid: 1_800,
        owed: 200,
        paidInFull: false,
        onTime: false,
        method: 'cash',
        paidOn: '2026-08-02',
        notes: '在光明社区第一党支部交纳；有冲正',
      }),
    ]);
  });

  it('answers 401, 403, 404 and 400', async () => {
    const url = (id: number, q = 'month=2026-07') => `/api/orgs/${id}/dues-sheet?${q}`;
    expectStatus(await w.t.anon.get(url(w.tree.branchA1.id)), 401);
    expectStatus(await w.as.member.get(url(w.tree.branchA1.id)), 403);
    expectStatus(await w.as.sec_b1.get(url(w.tree.branchA1.id)), 404);
    expect(issuePaths(await w.as.sec_a1.get(url(w.tree.branchA1.id, 'month=2026-7')))).toEqual([
      'querystring.month',
    ]);
  });
});

async function workbookOf(res: TestResponse): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return workbook;
}

describe('GET /api/orgs/:id/dues-sheet/export', () => {
  it('writes the sheet with 合计 to a workbook named after the branch and month, audited', async () => {
    const res = await w.as.sec_a1.get(`/api/orgs/${w.tree.branchA1.id}/dues-sheet/export?month=2026-07`);
    expectStatus(res, 200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(
      `党费收缴表-${w.tree.branchA1.name}-2026-07.xlsx`,
    );
    const ws = (await workbookOf(res)).getWorksheet('党费收缴表');
    const rows: string[][] = [];
    ws?.eachRow((row) => {
      rows.push(Array.from((row.values as ExcelJS.CellValue[]).slice(1), (v) => String(v ?? '')));
    });
    expect(rows[0]).toEqual([
      '序号',
      '姓名',
      '人员类别',
      '应缴（元）',
      '实缴（元）',
      '欠缴（元）',
      '交纳方式',
      '交纳日期',
      '备注',
    ]);
    expect(rows.slice(1).map((r) => r.slice(0, 6))).toEqual([
      ['1', '李四', '在职', '10', '10', '0'],
      ['2', '王五', '离退休', '0', '0', '0'],
      ['3', '张三', '在职', '15', '15', '0'],
      ['合计', '3人', '', '25', '25', '0'],
    ]);
    const [audit] = await auditRows(w.t.deps.db, 'dues_sheet.export');
    expect(audit).toMatchObject({
      actorUsername: 'sec_a1',
      role: 'secretary',
      entityType: 'org',
      entityId: String(w.tree.branchA1.id),
      orgId: w.tree.branchA1.id,
      diff: { note: { month: '2026-07', memberCount: 3 } },
    });
  });

  it('answers 401, 403 and 404, and audits nothing then', async () => {
    const before = (await auditRows(w.t.deps.db, 'dues_sheet.export')).length;
    const url = (id: number) => `/api/orgs/${id}/dues-sheet/export?month=2026-07`;
    expectStatus(await w.t.anon.get(url(w.tree.branchA1.id)), 401);
    expectStatus(await w.as.member.get(url(w.tree.branchA1.id)), 403);
    expectStatus(await w.as.sec_b1.get(url(w.tree.branchA1.id)), 404);
    expect(await auditRows(w.t.deps.db, 'dues_sheet.export')).toHaveLength(before);
  });
});

describe('GET /api/orgs/:id/dues-publication and dues-statistics (年度公开、统计)', () => {
  it('publishes the year month by month with 特殊党费 apart', async () => {
    const res = await w.as.sec_a1.get(`/api/orgs/${w.tree.communityA1.id}/dues-publication?year=2026`);
    expectStatus(res, 200);
    const v = res.json();
    expect(v.months).toHaveLength(12);
    expect(v.months[6]).toEqual({
      month: '2026-07',
      label: '2026年7月',
      charged: 2_500,
      paid: 2_500,
      rateBp: 10_000,
    });
    expect(v.months[7]).toEqual({ month: '2026-08', label: '2026年8月', charged: 1_500, paid: 0, rateBp: 0 });
    expect(v.total).toEqual({ charged: 4_000, paid: 2_500, rateBp: 6_250 });
    expect(v.special).toEqual({ count: 2, total: 155_000, toCentreCount: 1, toCentreTotal: 150_000 });
  });

  it('counts members for the yearly statistics', async () => {
    const res = await w.as.city_admin.get(`/api/orgs/${w.tree.root.id}/dues-statistics?year=2026`);
    expectStatus(res, 200);
    // 张三's August is unpaid; 王五 (免交) is on time; 李四 paid late; 赵六 short; 钱七 short.
    expect(res.json()).toMatchObject({
      year: 2026,
      membersCharged: 5,
      membersOnTime: 1,
      membersReduced: 1,
      membersExempt: 1,
      special: { count: 2, total: 155_000, toCentreCount: 1, toCentreTotal: 150_000 },
    });
  });

  it('answer 401, 403, 404 and 400', async () => {
    for (const path of ['dues-publication', 'dues-statistics']) {
      const url = (id: number, q = 'year=2026') => `/api/orgs/${id}/${path}?${q}`;
      expectStatus(await w.t.anon.get(url(w.tree.branchA1.id)), 401);
      expectStatus(await w.as.member.get(url(w.tree.branchA1.id)), 403);
      expectStatus(await w.as.sec_b1.get(url(w.tree.branchA1.id)), 404);
      expect(issuePaths(await w.as.sec_a1.get(url(w.tree.branchA1.id, 'year=1990')))).toEqual([
        'querystring.year',
      ]);
    }
  });
});

describe('a move', () => {
  it('takes the moved branch’s figures out of the old ancestors and into the new ones', async () => {
    const root = `/api/orgs/${w.tree.root.id}/dues-summary?period=2026-07`;
    const before = (await w.as.city_admin.get(root)).json();
    const res = await w.as.city_admin.post(`/api/orgs/${w.tree.communityA2.id}/move`, {
      parentId: w.tree.streetB.id,
      version: 1,
    });
    expectStatus(res, 200);
    const after = (await w.as.city_admin.get(root)).json();
    expect(after.figures).toEqual(before.figures);
    expect(after.children[0].figures).toEqual(figures({ charged: 2_500, paid: 2_500 }));
    expect(after.children[1].figures).toEqual(figures({ charged: 3_000, paid: 2_200 }));
  });
});
