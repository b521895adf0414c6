import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriodKey } from '../../../domain/org-life/index.ts';
import { auditRows } from '../../testing/audit-rows.ts';
import {
  expectRule,
  expectStatus,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';
import { insertMeeting, insertVote } from '../../testing/fixtures/org-life.ts';
import { naiveSubtreeFigures } from './naive.service.ts';

let w: RosterWorld;
beforeAll(async () => {
  w = await startRosterWorld();
}, 60_000);
afterAll(async () => {
  await w?.t.close();
});

const url = (id: number, period: string) => `/api/orgs/${id}/compliance?period=${period}`;
const strip = ({ rate: _rate, ...f }: Record<string, number | null>) => f;

/** The API's subtree figures equal the naive evaluation of every branch of the subtree. */
async function expectNaive(orgId: number, path: string, period: string) {
  const res = await w.as.city_admin.get(url(orgId, period));
  expectStatus(res, 200);
  const naive = await naiveSubtreeFigures(
    w.t.deps.db,
    path,
    parsePeriodKey(period) ?? { year: 0 },
    '2026-06-15',
  );
  expect(strip(res.json().figures)).toEqual(naive);
  return res.json();
}

describe('GET /api/orgs/:id/compliance (today 2026-06-15)', () => {
  it('with no meeting every judged requirement of 2026-Q1 is missing, and the figures add up the subtree', async () => {
    const res = await w.as.city_admin.get(url(w.tree.root.id, '2026-Q1'));
    expectStatus(res, 200);
    const view = res.json();
    // branchA1 (one 党小组, no committee): 3 主题党日 + 3 党小组会 + 党员大会 + 党课; the two others without the 党小组会.
    expect(view.figures).toEqual({ rate: 0, checks: 18, met: 0, missing: 18, notClosed: 0, due: 0 });
    expect(view.children.map((c: { org: { id: number } }) => c.org.id)).toEqual([
      w.tree.districtA.id,
      w.tree.districtB.id,
    ]);
    expect(view.children[0].figures.checks).toBe(13);
    expect(view.children[1].figures.checks).toBe(5);
    expect(view.ownFigures.checks).toBe(0);
    expect(view.periodLabel).toBe('2026年第一季度');
  });

  it('a closed meeting counts for every kind it is recorded as; a held one is not_closed; the quarter in progress is due', async () => {
    const db = w.t.deps.db;
    await insertMeeting(db, {
      orgId: w.tree.branchA1.id,
      kinds: ['theme_day', 'general_meeting', 'party_lecture'],
      status: 'closed',
      heldOn: '2026-02-10',
    });
    await insertMeeting(db, {
      orgId: w.tree.groupA1.id,
      kinds: ['group_meeting'],
      status: 'held',
      heldOn: '2026-03-05',
    });
    const q1 = (await w.as.sec_a1.get(url(w.tree.branchA1.id, '2026-Q1'))).json();
    expect(q1.figures).toEqual({ rate: 3 / 8, checks: 8, met: 3, missing: 4, notClosed: 1, due: 0 });
    const kinds = q1.findings.map((f: { requirementId: string; period: string; kind: string }) =>
      [f.requirementId, f.period, f.kind].join(' '),
    );
    expect(kinds).toContain('group_meeting_monthly 2026-03 not_closed');
    expect(kinds).toContain('theme_day_monthly 2026-01 missing');
    const q2 = (await w.as.sec_a1.get(url(w.tree.branchA1.id, '2026-Q2'))).json();
    // April and May are over; June ends in 15 days: its 主题党日 and 党小组会 are due, as are the quarter's.
    expect(q2.figures).toEqual({ rate: 0, checks: 4, met: 0, missing: 4, notClosed: 0, due: 4 });
    await expectNaive(w.tree.root.id, w.tree.root.path, '2026-Q1');
    await expectNaive(w.tree.districtA.id, w.tree.districtA.path, '2026');
  });

  it("lists the org's own meeting issues: no minutes, a vote without quorum", async () => {
    const db = w.t.deps.db;
    const id = await insertMeeting(db, {
      orgId: w.tree.branchA2.id,
      kinds: ['general_meeting'],
      status: 'closed',
      heldOn: '2026-01-20',
      minutes: null,
      topic: '接收预备党员',
    });
    await insertVote(db, id, { entitled: 10, present: 5, inFavour: 5 });
    const view = (await w.as.city_admin.get(url(w.tree.branchA2.id, '2026-Q1'))).json();
    const issues = view.findings.filter((f: { kind: string }) =>
      ['no_minutes', 'quorum_not_reached'].includes(f.kind),
    );
    expect(issues.map((f: { kind: string; meetingIds: number[] }) => [f.kind, f.meetingIds])).toEqual([
      ['no_minutes', [id]],
      ['quorum_not_reached', [id]],
    ]);
    expect(issues[1].message).toMatch(/实到会有表决权的党员5人，未超过应到会10人的半数/);
  });

  it('a heat-map cell equals the org view of that month for the same child', async () => {
    const heat = (
      await w.as.city_admin.get(`/api/orgs/${w.tree.streetA.id}/compliance/heatmap?year=2026`)
    ).json();
    expect(heat.months).toHaveLength(12);
    for (const month of ['2026-02', '2026-03', '2026-06', '2026-09']) {
      const view = (await w.as.city_admin.get(url(w.tree.streetA.id, month))).json();
      const i = heat.months.indexOf(month);
      expect(heat.total[i]).toEqual({ period: month, ...view.figures });
      for (const row of heat.rows) {
        const child = view.children.find((c: { org: { id: number } }) => c.org.id === row.org.id);
        expect(row.cells[i]).toEqual({ period: month, ...child.figures });
      }
    }
    expect(heat.total[8]).toMatchObject({ rate: null, checks: 0 });
  });

  it('is scoped: 404 outside, 401 without a session, 403 for a role without org_life.read, 400 for a bad period', async () => {
    expectStatus(await w.as.admin_b.get(url(w.tree.branchA1.id, '2026-Q1')), 404);
    expectStatus(await w.as.admin_b.get(`/api/orgs/${w.tree.branchA1.id}/compliance/heatmap?year=2026`), 404);
    expectStatus(await w.t.anon.get(url(w.tree.branchA1.id, '2026-Q1')), 401);
    expectStatus(await w.t.anon.get(`/api/orgs/${w.tree.branchA1.id}/compliance/heatmap?year=2026`), 401);
    expectStatus(await w.as.sysadmin.get(url(w.tree.branchA1.id, '2026-Q1')), 403);
    expectStatus(await w.as.member.get(`/api/orgs/${w.tree.branchA1.id}/compliance/heatmap?year=2026`), 403);
    expectStatus(await w.as.city_admin.get(url(w.tree.branchA1.id, '2026-Q5')), 400);
    expectStatus(await w.as.member.get('/api/compliance/rules'), 403);
    expectStatus(await w.t.anon.get('/api/compliance/rules'), 401);
    const rules = (await w.as.sec_a1.get('/api/compliance/rules')).json();
    expect(rules.items[0]).toMatchObject({ version: '2018-支部工作条例', inForce: true, reminderDays: 15 });
  });
});

describe('exemptions (免于考核), approved by the level above', () => {
  const base = (orgId: number) => `/api/orgs/${orgId}/compliance/exemptions`;
  const body = {
    requirementId: 'general_meeting_quarterly',
    period: '2026-Q1',
    reason: '支部改组，本季度党员大会并入上级组织',
  };

  it('the level above exempts a requirement: the figures leave it out, audited; withdrawn, it is judged again', async () => {
    const before = (await w.as.sec_a1.get(url(w.tree.branchA1.id, '2026-Q1'))).json().figures;
    const res = await w.as.sec_a1.post(base(w.tree.branchA1.id), body);
    expectStatus(res, 200);
    const view = res.json();
    expect(view).toMatchObject({
      requirementId: 'general_meeting_quarterly',
      period: '2026-Q1',
      periodLabel: '2026年第一季度',
      group: null,
      canDelete: true,
      approvedBy: { name: 'sec_a1' },
    });
    const [row] = await auditRows(w.t.deps.db, 'org_life.exemption_create');
    expect(row).toMatchObject({
      entityType: 'org_life_exemption',
      entityId: String(view.id),
      orgId: w.tree.branchA1.id,
      role: 'secretary',
    });
    // The general meeting of Q1 was met (the meeting of February): exempting it removes one met check.
    const after = (await w.as.sec_a1.get(url(w.tree.branchA1.id, '2026-Q1'))).json().figures;
    expect(after.checks).toBe(before.checks - 1);
    expect(after.met).toBe(before.met - 1);
    await expectNaive(w.tree.root.id, w.tree.root.path, '2026-Q1');

    const list = (await w.as.admin_a.get(`${base(w.tree.districtA.id)}?year=2026`)).json();
    expect(list.items.map((e: { id: number }) => e.id)).toEqual([view.id]);
    expectStatus(await w.as.sec_a1.post(base(w.tree.branchA1.id), body), 409);

    expectStatus(await w.as.sec_a1.delete(`${base(w.tree.branchA1.id)}/${view.id}`), 200);
    const [gone] = await auditRows(w.t.deps.db, 'org_life.exemption_delete');
    expect(gone).toMatchObject({ entityId: String(view.id), orgId: w.tree.branchA1.id });
    expect((await w.as.sec_a1.get(url(w.tree.branchA1.id, '2026-Q1'))).json().figures).toEqual(before);
  });

  it('refuses an exemption that names no requirement of the org, a wrong period or group', async () => {
    const at = base(w.tree.branchA1.id);
    expectRule(
      await w.as.sec_a1.post(at, { ...body, requirementId: 'committee_meeting_monthly', period: '2026-03' }),
      'exemption_unknown_requirement',
    );
    expectRule(await w.as.sec_a1.post(at, { ...body, period: '2026-03' }), 'exemption_period_mismatch');
    expectRule(
      await w.as.sec_a1.post(at, { ...body, requirementId: 'group_meeting_monthly', period: '2026-03' }),
      'exemption_group_mismatch',
    );
    expectRule(
      await w.as.sec_a1.post(at, {
        ...body,
        requirementId: 'group_meeting_monthly',
        period: '2026-03',
        groupId: w.tree.branchA2.id,
      }),
      'exemption_group_mismatch',
    );
    const ok = await w.as.sec_a1.post(at, {
      ...body,
      requirementId: 'group_meeting_monthly',
      period: '2026-03',
      groupId: w.tree.groupA1.id,
    });
    expectStatus(ok, 200);
    expect(ok.json().group).toEqual({ id: w.tree.groupA1.id, name: w.tree.groupA1.name });
    expectStatus(await w.as.sec_a1.delete(`${at}/${ok.json().id}`), 200);
  });

  it('is scoped: the org itself may not exempt itself (403), out of scope 404, 401, 403 without org_life.exempt', async () => {
    const res = await w.as.sec_a1.post(base(w.tree.communityA1.id), { ...body });
    expectStatus(res, 403);
    expect(res.json().error.details.reason).toBe('exemption_not_level_above');
    expectStatus(await w.as.admin_b.post(base(w.tree.branchA1.id), body), 404);
    expectStatus(await w.as.admin_b.get(base(w.tree.branchA1.id)), 404);
    expectStatus(await w.t.anon.post(base(w.tree.branchA1.id), body), 401);
    expectStatus(await w.t.anon.get(base(w.tree.branchA1.id)), 401);
    expectStatus(await w.as.member.post(base(w.tree.branchA1.id), body), 403);
    expectStatus(await w.as.sysadmin.get(base(w.tree.branchA1.id)), 403);
    const made = await w.as.admin_a.post(base(w.tree.branchA1.id), body);
    expectStatus(made, 200);
    const del = `${base(w.tree.branchA1.id)}/${made.json().id}`;
    expectStatus(await w.as.admin_b.delete(del), 404);
    expectStatus(await w.t.anon.delete(del), 401);
    expectStatus(await w.as.member.delete(del), 403);
    expectStatus(await w.as.sec_a1.delete(`${base(w.tree.branchA2.id)}/${made.json().id}`), 404);
    expectStatus(await w.as.admin_a.delete(del), 200);
  });
});
