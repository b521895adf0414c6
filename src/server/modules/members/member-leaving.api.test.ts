import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows } from '../../testing/actors.ts';
import {
  createMember,
  expectRule,
  expectStatus,
  orgStats,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';

/**
 * Leaving the roster (docs/membership.md §5): 出党 by its 党统 T10 category, each with the procedure of the level
 * above it needs (退党 filed; 劝退, the 除名 cases, 不予承认 and 取消预备党员资格 approved; 开除党籍 a discipline
 * decision), and 去世 as its own kind of leaving. The test day is 2026-06-15.
 */
let w: RosterWorld;
beforeAll(async () => {
  w = await startRosterWorld();
});
afterAll(() => w.t.close());

type Member = { id: number; version: number; status: string };
const send = (m: Member, body: Record<string, unknown>, client = w.as.sec_a1) =>
  client.post(`/api/members/${m.id}/events`, { version: m.version, ...body });
const fullMember = (): Promise<Member> => createMember(w.as.sec_a1, w.tree.branchA1.id);
const probationary = (): Promise<Member> =>
  createMember(w.as.sec_a1, w.tree.branchA1.id, {
    status: 'probationary',
    admittedOn: '2025-09-01',
    confirmedOn: null,
  });

const DECIDED = '2026-06-01';
const filed = { approvalOrgName: '甲街道党工委', approvalOn: '2026-06-05' };
const approved = { ...filed, approvalDocumentNo: '甲组批〔2026〕7号' };
const leave = (leftReason: string, procedure: Record<string, unknown> = {}) => ({
  kind: 'leave',
  leftReason,
  effectiveOn: DECIDED,
  reason: '经支部大会讨论决定',
  ...procedure,
});

describe('出党 by its T10 category, with the procedure each needs', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['退党, filed with the level above', leave('withdrawn', filed), { procedure: 'filed' }],
    ['劝退, approved', leave('persuaded', approved), { procedure: 'approved' }],
    ['劝而不退除名, approved', leave('removed_refused', approved), { procedure: 'approved' }],
    [
      '自行脱党除名 of a member who cannot be found',
      leave('removed_lapsed', { ...approved, unreachable: true }),
      { procedure: 'approved', unreachable: true },
    ],
    ['开除党籍, by a discipline decision', leave('expelled', approved), { procedure: 'discipline' }],
    ['不予承认, approved', leave('not_recognized', approved), { procedure: 'approved' }],
  ])('records %s, audited, and takes the member off 党员总数', async (_what, body, note) => {
    const m = await fullMember();
    const before = await orgStats(w.t.deps.db, w.tree.branchA1.id);
    const res = await send(m, body);
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({ status: 'left', leftReason: body.leftReason });
    expect(res.json().events.at(-1)).toMatchObject({ kind: 'left', fromValue: 'full', toValue: 'left' });
    const after = await orgStats(w.t.deps.db, w.tree.branchA1.id);
    expect(after.member_count).toBe((before.member_count ?? 0) - 1);
    const [row] = await auditRows(w.t.deps.db, 'member.status_change', m.id);
    expect(row?.diff).toMatchObject({
      after: { status: 'left', leftReason: body.leftReason },
      note: {
        kind: 'leave',
        leftReason: body.leftReason,
        approvalOrgName: '甲街道党工委',
        approvalOn: '2026-06-05',
        ...('unreachable' in note ? { unreachable: true } : {}),
      },
    });
  });

  it.each<[string, Record<string, unknown>]>([
    ['退党 not filed', leave('withdrawn')],
    ['劝退 without the approval document', leave('persuaded', filed)],
    ['劝而不退除名 without approval', leave('removed_refused')],
    [
      '自行脱党除名 without the approving org',
      leave('removed_lapsed', { ...approved, approvalOrgName: null }),
    ],
    ['开除党籍 without the decision date', leave('expelled', { ...approved, approvalOn: undefined })],
    ['不予承认 without approval', leave('not_recognized', filed)],
  ])('refuses %s (422), and nothing changes', async (_what, body) => {
    const m = await fullMember();
    expectRule(await send(m, body), 'leave_procedure_missing');
    const still = (await w.as.sec_a1.get(`/api/members/${m.id}`)).json();
    expect(still).toMatchObject({ status: 'full', version: m.version });
  });

  it('refuses an approval dated after today or before the branch decided', async () => {
    const m = await fullMember();
    expectRule(
      await send(m, leave('persuaded', { ...approved, approvalOn: '2026-06-16' })),
      'leave_procedure_in_future',
    );
    expectRule(
      await send(m, leave('persuaded', { ...approved, approvalOn: '2026-05-31' })),
      'leave_procedure_before_decision',
    );
  });

  it('takes 无法取得联系 only on a 自行脱党除名', async () => {
    const m = await fullMember();
    expectRule(
      await send(m, leave('persuaded', { ...approved, unreachable: true })),
      'leave_unreachable_not_lapsed',
    );
  });

  it('lets a 预备党员 leave only by 取消预备党员资格 (approved) or 不予承认, never 劝退 or 除名', async () => {
    const p = await probationary();
    for (const category of ['persuaded', 'removed_refused', 'removed_lapsed', 'expelled', 'withdrawn']) {
      expectRule(await send(p, leave(category, approved)), 'leave_category_not_for_probationary');
    }
    expectRule(await send(p, leave('probation_cancelled')), 'leave_procedure_missing');
    const res = await send(p, leave('probation_cancelled', approved));
    expect(res.json()).toMatchObject({ status: 'left', leftReason: 'probation_cancelled' });
    const full = await fullMember();
    expectRule(await send(full, leave('probation_cancelled', approved)), 'probation_cancel_not_probationary');
  });

  it('no longer takes the unclassified 除名 of older records, nor 死亡 as a category (400)', async () => {
    const m = await fullMember();
    for (const leftReason of ['removed', 'deceased']) {
      const res = await send(m, leave(leftReason, approved));
      expectStatus(res, 400);
      expect(res.json().error.details.issues[0].path).toEqual(['body', 'leftReason']);
    }
  });

  it('lets a 停止党籍 member be removed: off the roster, no change to 党员总数 (counted out at suspension)', async () => {
    let m = await fullMember();
    m = (await send(m, { kind: 'suspend', effectiveOn: '2026-05-01', reason: '出国定居' })).json();
    const before = await orgStats(w.t.deps.db, w.tree.branchA1.id);
    const res = await send(m, leave('removed_lapsed', approved));
    expect(res.json()).toMatchObject({ status: 'left' });
    const after = await orgStats(w.t.deps.db, w.tree.branchA1.id);
    expect(after.member_count).toBe(before.member_count);
    expect(after.status_suspended).toBe((before.status_suspended ?? 0) - 1);
  });
});

describe('去世: its own kind of leaving, not 出党', () => {
  it('records the death from any roster status, as the history row 去世, audited', async () => {
    const m = await fullMember();
    const res = await send(m, { kind: 'record_death', effectiveOn: '2026-06-10', reason: '因病去世' });
    expect(res.json()).toMatchObject({ status: 'deceased', leftReason: null });
    expect(res.json().events.at(-1)).toMatchObject({ kind: 'died', fromValue: 'full', toValue: 'deceased' });
    const [row] = await auditRows(w.t.deps.db, 'member.status_change', m.id);
    expect(row?.diff).toMatchObject({ after: { status: 'deceased' }, note: { kind: 'record_death' } });
    const again = (await w.as.sec_a1.get(`/api/members/${m.id}`)).json();
    expectRule(
      await send(again, { kind: 'record_death', effectiveOn: '2026-06-11' }),
      'event_not_allowed_in_status',
    );
    expectRule(
      await send(again, { ...leave('withdrawn', filed), effectiveOn: '2026-06-11' }),
      'event_not_allowed_in_status',
    );
  });

  it('shows in the ledger as 死亡, beside 出党', async () => {
    const m = await createMember(w.as.sec_b1, w.tree.branchB1.id);
    expectStatus(await send(m, { kind: 'record_death', effectiveOn: '2026-06-12' }, w.as.sec_b1), 200);
    const l = (
      await w.as.sec_b1.get(`/api/orgs/${w.tree.communityB1.id}/ledger?from=2026-06-12&to=2026-06-15`)
    ).json();
    expect(l.decreases).toMatchObject({ died: 1, left: 0, total: 1 });
    const entries = (
      await w.as.sec_b1.get(`/api/orgs/${w.tree.communityB1.id}/ledger/entries?from=2026-06-12&to=2026-06-15`)
    ).json();
    expect(entries.items.map((e: { label: string }) => e.label)).toEqual(['死亡']);
  });
});

describe('who may record a leaving', () => {
  it('answers 401 without a session, 403 to the system administrator and a plain member, 404 out of scope', async () => {
    const m = await fullMember();
    const body = { version: m.version, ...leave('withdrawn', filed) };
    expectStatus(await w.t.anon.post(`/api/members/${m.id}/events`, body), 401);
    expectStatus(await send(m, leave('withdrawn', filed), w.as.sysadmin), 403);
    expectStatus(await send(m, leave('withdrawn', filed), w.as.member), 403);
    expectStatus(await send(m, { kind: 'record_death', effectiveOn: '2026-06-10' }, w.as.member), 403);
    expectStatus(await send(m, leave('withdrawn', filed), w.as.sec_b1), 404);
    expectStatus(await send(m, { kind: 'record_death', effectiveOn: '2026-06-10' }, w.as.admin_b), 404);
    const still = (await w.as.sec_a1.get(`/api/members/${m.id}`)).json();
    expect(still.status).toBe('full');
    expectStatus(await send(still, leave('withdrawn', filed), w.as.admin_a), 200);
  });
});
