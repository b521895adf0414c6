import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberEvents, members } from '../../db/tables/people.ts';
import { auditRows } from '../../testing/audit-rows.ts';
import { memberRow, postImport, templateWorkbook, utc } from '../../testing/fixtures/member-import.ts';
import {
  createMember,
  expectRule,
  expectStatus,
  memberBody,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';
import type { TestClient } from '../../testing/test-app.ts';

/**
 * 关账 and arrivals (docs/membership.md §8), on the test clock's day 2026-06-15: 2025 is closed, then an old member
 * (admitted 2010) is imported and changes are back-dated into 2025, under each `closedPeriodPolicy`.
 */
let w: RosterWorld;
type M = { id: number; version: number };
let old: M;
let late: M;

const PERIODS = [
  ['2025-01-01', '2025-12-31'],
  ['2025-01-01', '2025-06-30'],
  ['2025-07-01', '2025-12-31'],
] as const;

const ledger = async (client: TestClient, orgId: number, from: string, to: string) => {
  const res = await client.get(`/api/orgs/${orgId}/ledger?from=${from}&to=${to}`);
  expectStatus(res, 200);
  return res.json();
};
const entries = async (client: TestClient, orgId: number, from: string, to: string) => {
  const res = await client.get(`/api/orgs/${orgId}/ledger/entries?from=${from}&to=${to}&pageSize=100`);
  expectStatus(res, 200);
  return res.json().items as Record<string, unknown>[];
};
/** The 2025 ledgers of the city and of 和平社区, as the level above received them. */
const reported = async () =>
  Promise.all(
    [w.tree.root.id, w.tree.communityA1.id].flatMap((org) =>
      PERIODS.map(([from, to]) => ledger(w.as.city_admin, org, from, to)),
    ),
  );
const setPolicy = async (closedPeriodPolicy: string) => {
  const current = (await w.as.sysadmin.get('/api/settings/org')).json();
  const res = await w.as.sysadmin.put('/api/settings/org', {
    value: { ...current.value, closedPeriodPolicy },
    version: current.version,
  });
  expectStatus(res, 200);
};
const close = (client: TestClient, periodEnd: string, note?: string) =>
  client.post('/api/ledger/closings', { periodEnd, ...(note ? { note } : {}) });

let before2025: unknown[];

beforeAll(async () => {
  w = await startRosterWorld();
  const { as, tree } = w;
  // 2025's history: one admitted in 2025, one admitted long ago (counted since 2010), one suspended in 2025.
  await createMember(
    as.sec_a1,
    tree.branchA1.id,
    { admittedOn: '2025-03-01', status: 'probationary', confirmedOn: null },
    { name: '新发展' },
  );
  old = await createMember(
    as.sec_a1,
    tree.branchA1.id,
    { admittedOn: '2012-05-01', confirmedOn: '2013-05-01' },
    { name: '老党员' },
  );
  late = await createMember(
    as.sec_a1,
    tree.branchA1.id,
    { admittedOn: '2015-05-01', confirmedOn: '2016-05-01' },
    { name: '后去世' },
  );
  before2025 = await reported();
});
afterAll(() => w.t.close());

describe('POST /api/ledger/closings (关账)', () => {
  it('answers 401 without a session, 403 to a secretary and to the system administrator, 404 to an org_admin below the root', async () => {
    expectStatus(await w.t.anon.get('/api/ledger/closings'), 401);
    expectStatus(await close(w.t.anon, '2025-12-31'), 401);
    expectStatus(await w.t.anon.post('/api/ledger/closings/2025-12-31/reopen', { reason: '复核' }), 401);
    expectStatus(await w.as.sysadmin.get('/api/ledger/closings'), 403);
    expectStatus(await close(w.as.sec_a1, '2025-12-31'), 403);
    expectStatus(await close(w.as.sysadmin, '2025-12-31'), 403);
    expectStatus(await close(w.as.admin_a, '2025-12-31'), 404);
    expect(await auditRows(w.t.deps.db, 'ledger.close')).toHaveLength(0);
    const list = (await w.as.sec_a1.get('/api/ledger/closings')).json();
    expect(list).toMatchObject({
      items: [],
      closedThrough: null,
      canClose: false,
      policy: 'correct_in_current',
    });
    expect((await w.as.admin_a.get('/api/ledger/closings')).json().canClose).toBe(false);
    expect((await w.as.city_admin.get('/api/ledger/closings')).json().canClose).toBe(true);
  });

  it('refuses a period that has not ended, or that does not end on 06-30 or 12-31', async () => {
    expectRule(await close(w.as.city_admin, '2026-06-30'), 'ledger_period_not_ended');
    expectRule(await close(w.as.city_admin, '2025-09-30'), 'ledger_period_end_invalid');
    expect((await close(w.as.city_admin, 'bad')).statusCode).toBe(400);
  });

  it('closes 2025 for the whole deployment, audited; an earlier period is then inside the closing', async () => {
    const res = await close(w.as.city_admin, '2025-12-31', '已上报区委组织部');
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({
      closedThrough: '2025-12-31',
      canClose: true,
      items: [
        { periodEnd: '2025-12-31', label: '2025年度', closedOn: '2026-06-15', note: '已上报区委组织部' },
      ],
    });
    const [audit] = await auditRows(w.t.deps.db, 'ledger.close');
    expect(audit).toMatchObject({
      actorUsername: 'city_admin',
      role: 'org_admin',
      entityType: 'ledger_period',
      entityId: '2025-12-31',
    });
    expectRule(await close(w.as.city_admin, '2025-06-30'), 'ledger_period_already_closed');
    expect((await w.as.sec_a1.get('/api/ledger/closings')).json().items).toHaveLength(1);
  });
});

describe('an import after 2025 was closed (建库)', () => {
  it('leaves every 2025 figure as reported and counts the old member in 2026 under 其他增加（其中 建库）', async () => {
    const file = await templateWorkbook([
      memberRow(7, '和平社区第一党支部', { admittedOn: utc('2010-07-01') }),
    ]);
    const res = await postImport(w.t.app, w.as.admin_a.headers, file, {
      dryRun: 'false',
      mode: 'all_or_nothing',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().importedCount).toBe(1);

    expect(await reported()).toEqual(before2025);
    const year = await ledger(w.as.sec_a1, w.tree.communityA1.id, '2026-01-01', '2026-06-30');
    expect(year.increases).toMatchObject({ other: 1, initialLoad: 1, registered: 0, total: 1 });
    expect(year.difference).toBe(0);
    const [arrival] = await entries(w.as.sec_a1, w.tree.communityA1.id, '2026-01-01', '2026-06-30');
    expect(arrival).toMatchObject({
      label: '其他增加（建库）',
      side: 'increase',
      effectiveOn: '2010-07-01',
      countedOn: '2026-06-15',
      correctionOf: null,
    });
    const [imported] = await w.t.deps.db
      .select({ enteredOn: members.enteredOn, enteredBy: members.enteredBy })
      .from(members)
      .where(eq(members.id, arrival?.memberId as number));
    expect(imported).toEqual({ enteredOn: '2026-06-15', enteredBy: 'initial_load' });
  });
});

describe('a change back-dated into the closed 2025', () => {
  const death = (m: M) => ({ version: m.version, kind: 'record_death', effectiveOn: '2025-11-01' });
  const eventsOf = async (memberId: number) =>
    w.t.deps.db.select().from(memberEvents).where(eq(memberEvents.memberId, memberId));

  it('is refused with the reason under `refuse`, and nothing is written', async () => {
    await setPolicy('refuse');
    const auditsBefore = (await auditRows(w.t.deps.db, 'member.status_change')).length;
    const res = await w.as.sec_a1.post(`/api/members/${late.id}/events`, death(late));
    expectStatus(res, 409);
    expect(res.json().error).toMatchObject({
      code: 'conflict',
      message: '2025年度台账已关账（2026-06-15 关账），不能再改动该期数字',
      details: { reason: 'ledger_period_closed' },
    });
    expect(await eventsOf(late.id)).toHaveLength(1);
    const [m] = await w.t.deps.db.select().from(members).where(eq(members.id, late.id));
    expect(m).toMatchObject({ status: 'full', version: late.version });
    expect(await auditRows(w.t.deps.db, 'member.status_change')).toHaveLength(auditsBefore);
    // A member recorded by the form as admitted in 2025 would alter 2025 too.
    const admitted = await w.as.sec_a1.post(
      '/api/members',
      memberBody(w.tree.branchA1.id, { admittedOn: '2025-09-01', status: 'probationary', confirmedOn: null }),
    );
    expectStatus(admitted, 409);
  });

  it('is booked today as a 更正 under `correct_in_current`, and 2025 stays as reported', async () => {
    await setPolicy('correct_in_current');
    const res = await w.as.sec_a1.post(`/api/members/${late.id}/events`, death(late));
    expectStatus(res, 200);
    const died = (await eventsOf(late.id)).find((e) => e.kind === 'died');
    expect(died).toMatchObject({
      effectiveOn: '2025-11-01',
      countedOn: '2026-06-15',
      details: { correctionOf: '2025-11-01' },
    });
    expect(await reported()).toEqual(before2025);
    const now = await ledger(w.as.sec_a1, w.tree.communityA1.id, '2026-01-01', '2026-06-30');
    expect(now.decreases.died).toBe(1);
    expect(now.difference).toBe(0);
    const marked = (await entries(w.as.sec_a1, w.tree.communityA1.id, '2026-01-01', '2026-06-30')).find(
      (e) => e.memberId === late.id,
    );
    expect(marked).toMatchObject({
      label: '死亡',
      effectiveOn: '2025-11-01',
      countedOn: '2026-06-15',
      correctionOf: '2025-11-01',
    });
  });

  it('leaves an event after the closed end as it is', async () => {
    const res = await w.as.sec_a1.post(`/api/members/${old.id}/events`, {
      version: old.version,
      kind: 'record_death',
      effectiveOn: '2026-02-01',
    });
    expectStatus(res, 200);
    const [died] = await w.t.deps.db
      .select()
      .from(memberEvents)
      .where(and(eq(memberEvents.memberId, old.id), eq(memberEvents.kind, 'died')));
    expect(died).toMatchObject({ countedOn: '2026-02-01', details: {} });
  });
});

describe('arrivals recorded by the form', () => {
  it('counts a member transferred in from outside on the day given, under 转入', async () => {
    const m = await createMember(w.as.sec_a1, w.tree.branchA1.id, {
      admittedOn: '2008-07-01',
      confirmedOn: '2009-07-01',
      entry: { by: 'transferred_in', on: '2026-05-20' },
    });
    const [row] = await w.t.deps.db.select().from(members).where(eq(members.id, m.id));
    expect(row).toMatchObject({ enteredBy: 'transferred_in', enteredOn: '2026-05-20' });
    const rows = await entries(w.as.sec_a1, w.tree.communityA1.id, '2026-05-20', '2026-05-20');
    expect(rows).toEqual([
      expect.objectContaining({ memberId: m.id, label: '转入', countedOn: '2026-05-20' }),
    ]);
  });

  it('refuses an arrival before the 入党时间 or after today', async () => {
    const body = (on: string) => memberBody(w.tree.branchA1.id, { entry: { by: 'initial_load', on } });
    expectRule(await w.as.sec_a1.post('/api/members', body('2009-01-01')), 'entered_before_admission');
    expectRule(await w.as.sec_a1.post('/api/members', body('2026-06-16')), 'entered_in_future');
  });
});

describe('POST /api/ledger/closings/:periodEnd/reopen', () => {
  it('reopens only the latest closing, with a reason, for the org_admin at the root; audited', async () => {
    const reopen = (client: TestClient, end: string, reason = '上级要求更正') =>
      client.post(`/api/ledger/closings/${end}/reopen`, { reason });
    expectStatus(await reopen(w.as.sec_a1, '2025-12-31'), 403);
    expectStatus(await reopen(w.as.admin_a, '2025-12-31'), 404);
    expect((await reopen(w.as.city_admin, '2025-12-31', '')).statusCode).toBe(400);
    expectRule(await reopen(w.as.city_admin, '2024-12-31'), 'ledger_period_not_closed');
    const res = await reopen(w.as.city_admin, '2025-12-31');
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({ items: [], closedThrough: null });
    const [audit] = await auditRows(w.t.deps.db, 'ledger.reopen');
    expect(audit).toMatchObject({
      actorUsername: 'city_admin',
      entityType: 'ledger_period',
      entityId: '2025-12-31',
    });
  });
});
