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
const send = (m: { id: number; version: number }, body: Record<string, unknown>, client = w.as.sec_a1) =>
  client.post(`/api/members/${m.id}/events`, { version: m.version, ...body });

/** A 预备党员 admitted 2025-06-01: the 预备期 ends 2026-06-01, before the test day 2026-06-15. */
const probationary = () =>
  createMember(w.as.sec_a1, w.tree.branchA1.id, {
    status: 'probationary',
    admittedOn: '2025-06-01',
    confirmedOn: null,
  });

beforeAll(async () => {
  w = await startRosterWorld();
});
afterAll(() => w.t.close());

describe('POST /api/members/:id/events: access and input', () => {
  let m: { id: number; version: number };
  beforeAll(async () => {
    m = await createMember(w.as.sec_a1, w.tree.branchA1.id);
  });
  const suspend = { kind: 'suspend', effectiveOn: '2026-06-01', reason: '出国定居' };

  it('answers 401 without a session, 403 to the system administrator, 404 outside the scope', async () => {
    expectStatus(await w.t.anon.post(`/api/members/${m.id}/events`, { version: 1, ...suspend }), 401);
    expectStatus(await send(m, suspend, w.as.sysadmin), 403);
    expectStatus(await send(m, suspend, w.as.sec_b1), 404);
    expectStatus(await send(m, suspend, w.as.admin_b), 404);
  });

  it('answers 400 with field paths', async () => {
    const res = await w.as.sec_a1.post(`/api/members/${m.id}/events`, {
      kind: 'promote',
      effectiveOn: 'soon',
    });
    expect(issuePaths(res)).toEqual(
      expect.arrayContaining(['body.version', 'body.kind', 'body.effectiveOn']),
    );
  });

  it('answers 409 for a stale version', async () => {
    expectStatus(await send({ ...m, version: m.version + 5 }, suspend), 409);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['dated in the future', { kind: 'record_death', effectiveOn: '2026-06-16' }, 'event_in_future'],
    ['dated before admission', { kind: 'record_death', effectiveOn: '2010-06-30' }, 'event_before_admission'],
    ['left without a reason', { kind: 'leave', effectiveOn: '2026-06-01' }, 'left_reason_required'],
    ['suspended without a reason', { kind: 'suspend', effectiveOn: '2026-06-01' }, 'reason_required'],
    [
      'confirming a full member',
      { kind: 'confirm', effectiveOn: '2026-06-01' },
      'event_not_allowed_in_status',
    ],
  ])('refuses a change %s (422)', async (_what, body, reason) => {
    expectRule(await send(m, body), reason);
  });
});

describe('转正 (confirmation) timing, 党章第七条', () => {
  it('refuses before the 预备期 ends, confirms on or after its end and dates 转正 from it', async () => {
    const m = await probationary();
    expectRule(await send(m, { kind: 'confirm', effectiveOn: '2026-05-31' }), 'confirm_before_probation_end');
    const res = await send(m, { kind: 'confirm', effectiveOn: '2026-06-10' });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({ status: 'full', confirmedOn: '2026-06-01', version: m.version + 1 });
    expect(res.json().events.at(-1)).toMatchObject({
      kind: 'confirmed',
      fromValue: 'probationary',
      toValue: 'full',
      effectiveOn: '2026-06-10',
    });
  });

  it('waits for the end of an extension, which may be granted once, by 6 to 12 months', async () => {
    // Admitted 2024-12-01: the year ends 2025-12-01, an extension may end 2026-06-01 to 2026-12-01.
    const extra = { status: 'probationary', admittedOn: '2024-12-01', confirmedOn: null };
    let m = await createMember(w.as.sec_a1, w.tree.branchA1.id, extra);
    const extend = (probationEndsOn: string) =>
      send(m, { kind: 'extend_probation', effectiveOn: '2025-12-05', probationEndsOn });
    expectRule(await extend('2026-05-31'), 'probation_extension_out_of_range');
    expectRule(await extend('2026-12-02'), 'probation_extension_out_of_range');
    const extended = await extend('2026-06-10');
    expectStatus(extended, 200);
    m = extended.json();
    expect(m).toMatchObject({ probationEndsOn: '2026-06-10', status: 'probationary' });
    expectRule(await extend('2026-07-01'), 'probation_already_extended');
    expectRule(await send(m, { kind: 'confirm', effectiveOn: '2026-06-09' }), 'confirm_before_probation_end');
    expect((await send(m, { kind: 'confirm', effectiveOn: '2026-06-12' })).json()).toMatchObject({
      status: 'full',
      confirmedOn: '2026-06-10',
    });
  });
});

describe('停止党籍, 失联, 出党: statuses, history, rollup and audit', () => {
  it('walks full → unreachable → suspended → full, each step a dated event', async () => {
    let m = await createMember(w.as.sec_a1, w.tree.branchA1.id);
    const steps = [
      { kind: 'mark_unreachable', effectiveOn: '2025-06-01', lostContactOn: '2024-12-01' },
      { kind: 'suspend', effectiveOn: '2026-01-10', reason: '失联超过6个月，经查找仍无法取得联系' },
      { kind: 'restore', effectiveOn: '2026-06-01', reason: '本人主动联系，经支部大会讨论恢复党籍' },
    ];
    for (const step of steps) m = (await send(m, step)).json();
    expect(m).toMatchObject({ status: 'full', lostContactOn: null });
    expect(m.events.map((e: { kind: string; toValue: string }) => `${e.kind}:${e.toValue}`)).toEqual([
      'registered:full',
      'marked_unreachable:unreachable',
      'suspended:suspended',
      'restored:full',
    ]);
    expectRule(
      await send(m, { kind: 'record_death', effectiveOn: '2026-05-31' }),
      'event_before_last_change',
    );
  });

  it('takes a member who died off the rollup and audits the change', async () => {
    const m = await createMember(w.as.sec_a1, w.tree.branchA1.id);
    const before = await orgStats(w.t.deps.db, w.tree.branchA1.id);
    const res = await send(m, { kind: 'record_death', effectiveOn: '2026-06-14', reason: '病故' });
    expect(res.json()).toMatchObject({
      status: 'deceased',
      leftReason: null,
      can: { edit: true, changeStatus: false, transfer: false },
    });
    const after = await orgStats(w.t.deps.db, w.tree.branchA1.id);
    expect(after.member_count).toBe((before.member_count ?? 0) - 1);
    expect(after.status_full).toBe((before.status_full ?? 0) - 1);
    const [row] = await auditRows(w.t.deps.db, 'member.status_change', m.id);
    expect(row).toMatchObject({ actorUsername: 'sec_a1', role: 'secretary' });
    expect(row?.diff).toMatchObject({
      before: { status: 'full' },
      after: { status: 'deceased' },
      note: { kind: 'record_death', effectiveOn: '2026-06-14' },
    });
  });

  it('cancels only a probation (取消预备党员资格)', async () => {
    const full = await createMember(w.as.sec_a1, w.tree.branchA1.id);
    expectRule(
      await send(full, { kind: 'leave', leftReason: 'probation_cancelled', effectiveOn: '2026-06-01' }),
      'probation_cancel_not_probationary',
    );
    const p = await probationary();
    const res = await send(p, {
      kind: 'leave',
      leftReason: 'probation_cancelled',
      effectiveOn: '2026-06-01',
      approvalOrgName: '甲街道党工委',
      approvalDocumentNo: '甲组批〔2026〕1号',
      approvalOn: '2026-06-10',
    });
    expect(res.json()).toMatchObject({ status: 'left', leftReason: 'probation_cancelled' });
  });
});
