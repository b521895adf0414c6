import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COMPLIANCE_RULES } from '../../../domain/org-life/index.ts';
import { auditRows } from '../../testing/audit-rows.ts';
import {
  expectRule,
  expectStatus,
  issuePaths,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';
import { insertMeeting } from '../../testing/fixtures/org-life.ts';
import { TEST_PASSWORD } from '../../testing/fixtures.ts';
import { loginAs, TEST_NOW } from '../../testing/test-app.ts';
import { naiveSubtreeFigures } from './naive.service.ts';

/** Editing the versions of the rules of organizational life (docs/organizational-life.md §7.2); today 2026-06-15. */

let w: RosterWorld;
beforeAll(async () => {
  w = await startRosterWorld();
}, 60_000);
afterAll(async () => {
  await w?.t.close();
});

const RULES = '/api/compliance/rules';
const { version: _v, validFrom: _f, ...defaults } = DEFAULT_COMPLIANCE_RULES;
const body = (change: Record<string, unknown> = {}) => ({
  ...defaults,
  requirements: DEFAULT_COMPLIANCE_RULES.requirements.map((r) => ({ ...r, appliesTo: [...r.appliesTo] })),
  version: '2026-09 细则',
  validFrom: '2026-09-01',
  ...change,
});
/** The default without the monthly 主题党日: what the re-judging proof drops. */
const withoutThemeDay = () =>
  body({
    version: '2026-07 本地细则',
    validFrom: '2026-07-01',
    requirements: body().requirements.filter((r) => r.id !== 'theme_day_monthly'),
  });
const compliance = (id: number, period: string) => `/api/orgs/${id}/compliance?period=${period}`;
type Item = { version: string; status: string; editable: boolean; revision: number; stored: boolean };

describe('who may read and edit the versions', () => {
  it('reads with org_life.read or settings.system; edits only with settings.system', async () => {
    const asSecretary = (await w.as.sec_a1.get(RULES)).json();
    expect(asSecretary.can).toEqual({ edit: false });
    expect(asSecretary.items).toEqual([
      expect.objectContaining({
        version: '2018-支部工作条例',
        status: 'current',
        inForce: true,
        editable: false,
        stored: false,
        revision: 0,
      }),
    ]);
    expect(asSecretary.items[0].requirements[0]).toMatchObject({
      id: 'general_meeting_quarterly',
      appliesTo: ['branch', 'joint_branch', 'temporary_branch', 'floating_branch'],
    });
    const asSystem = (await w.as.sysadmin.get(RULES)).json();
    expect(asSystem.can).toEqual({ edit: true });
    expectStatus(await w.as.member.get(RULES), 403);
    expectStatus(await w.t.anon.get(RULES), 401);

    for (const actor of [w.as.sec_a1, w.as.city_admin, w.as.member]) {
      expectStatus(await actor.post(RULES, body()), 403);
      expectStatus(await actor.put(`${RULES}/x`, { ...body(), revision: 1 }), 403);
      expectStatus(await actor.delete(`${RULES}/x`), 403);
    }
    expectStatus(await w.t.anon.post(RULES, body()), 401);
    expectStatus(await w.t.anon.put(`${RULES}/x`, { ...body(), revision: 1 }), 401);
    expectStatus(await w.t.anon.delete(`${RULES}/x`), 401);
    // Deployment-wide, not scoped to an org: an unknown version is the 404.
    expectStatus(await w.as.sysadmin.put(`${RULES}/nothing`, { ...body(), revision: 1 }), 404);
    expectStatus(await w.as.sysadmin.delete(`${RULES}/nothing`), 404);
  });
});

describe('refusals of a new version', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['a date already begun', { validFrom: '2026-06-01' }, 'rule_set_valid_from_not_future'],
    ['a date in the past', { validFrom: '2025-01-01' }, 'rule_set_valid_from_not_future'],
    ['not the first of a month', { validFrom: '2026-09-15' }, 'rule_set_valid_from_not_month_start'],
    ['the default’s name', { version: '2018-支部工作条例' }, 'rule_set_version_duplicate'],
    [
      'two requirements with one id',
      {
        requirements: body().requirements.map((r, i) =>
          i === 1 ? { ...r, id: 'general_meeting_quarterly' } : r,
        ),
      },
      'rule_set_requirement_duplicate',
    ],
    [
      'per group for a 党员大会',
      { requirements: body().requirements.map((r, i) => (i === 0 ? { ...r, perGroup: true } : r)) },
      'rule_set_requirement_flag_mismatch',
    ],
  ])('%s', async (_, change, reason) => {
    expectRule(await w.as.sysadmin.post(RULES, body(change)), reason);
  });

  it('checks the numbers and vocabularies at the edge (400 with the field)', async () => {
    const bad = body({
      reminderDays: 61,
      requirements: body().requirements.map((r, i) =>
        i === 0 ? { ...r, minCount: 0, appliesTo: ['committee'], cadence: 'week' } : r,
      ),
    });
    expect(issuePaths(await w.as.sysadmin.post(RULES, bad)).sort()).toEqual([
      'body.reminderDays',
      'body.requirements.0.appliesTo.0',
      'body.requirements.0.cadence',
      'body.requirements.0.minCount',
    ]);
    expect(issuePaths(await w.as.sysadmin.post(RULES, body({ requirements: [] })))).toEqual([
      'body.requirements',
    ]);
    // Nothing was stored by the refusals.
    expect((await w.as.sysadmin.get(RULES)).json().items).toHaveLength(1);
  });
});

describe('a new version re-judges the periods it governs, never those begun', () => {
  it('the first version keeps the default as history; July judges without the 主题党日; past periods keep it', async () => {
    const db = w.t.deps.db;
    await insertMeeting(db, {
      orgId: w.tree.branchA1.id,
      kinds: ['theme_day', 'general_meeting'],
      status: 'closed',
      heldOn: '2026-02-10',
    });
    // Read before: the year 2026 is judged (and kept) under the default.
    const q1Before = (await w.as.city_admin.get(compliance(w.tree.root.id, '2026-Q1'))).json();
    const juneBefore = (await w.as.city_admin.get(compliance(w.tree.branchA1.id, '2026-06'))).json();

    const res = await w.as.sysadmin.post(RULES, withoutThemeDay());
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({
      version: '2026-07 本地细则',
      validFrom: '2026-07-01',
      status: 'future',
      editable: true,
      revision: 1,
    });
    const created = await auditRows(db, 'org_life.rule_set_create');
    expect(created.map((r) => [r.entityType, r.entityId, r.role])).toEqual([
      ['org_life_rule_set', '2026-07 本地细则', 'system_admin'],
      ['org_life_rule_set', '2018-支部工作条例', 'system_admin'],
    ]);
    const list = (await w.as.sysadmin.get(RULES)).json();
    expect(list.items.map((i: Item) => [i.version, i.status, i.editable, i.stored])).toEqual([
      ['2018-支部工作条例', 'current', false, true],
      ['2026-07 本地细则', 'future', true, true],
    ]);

    // Periods already begun keep their rules.
    expect((await w.as.city_admin.get(compliance(w.tree.root.id, '2026-Q1'))).json().figures).toEqual(
      q1Before.figures,
    );
    expect((await w.as.city_admin.get(compliance(w.tree.branchA1.id, '2026-06'))).json().figures).toEqual(
      juneBefore.figures,
    );

    try {
      w.t.clock.set(new Date('2026-08-15T01:00:00Z'));
      const admin = await loginAs(w.t, 'city_admin', TEST_PASSWORD);
      const july = (await admin.get(compliance(w.tree.branchA1.id, '2026-07'))).json();
      const june = (await admin.get(compliance(w.tree.branchA1.id, '2026-06'))).json();
      const ids = (view: { findings: { requirementId: string | null }[] }) =>
        view.findings.map((f) => f.requirementId);
      // branchA1 (one 党小组, no committee): June judged the 主题党日 and the 党小组会; July only the 党小组会.
      expect(ids(june)).toEqual(['group_meeting_monthly', 'theme_day_monthly']);
      expect(june.ownFigures).toMatchObject({ checks: 2, missing: 2 });
      expect(ids(july)).toEqual(['group_meeting_monthly']);
      expect(july.ownFigures).toMatchObject({ checks: 1, missing: 1 });
      // The roll-up equals the naive evaluation under the versions: re-judged for every org.
      const root = (await admin.get(compliance(w.tree.root.id, '2026-07'))).json();
      const naive = await naiveSubtreeFigures(db, w.tree.root.path, { year: 2026, month: 7 }, '2026-08-15');
      const { rate: _rate, ...figures } = root.figures;
      expect(figures).toEqual(naive);
      const rules = (await admin.get(RULES)).json();
      expect(rules.items.map((i: Item) => i.status)).toEqual(['history', 'current']);
    } finally {
      w.t.clock.set(TEST_NOW);
    }
  });
});

describe('changing and deleting a version not yet in force', () => {
  it('changes at the revision read, refuses a stale one and the versions in force; deletes; all audited', async () => {
    const db = w.t.deps.db;
    const as = await loginAs(w.t, 'sysadmin', TEST_PASSWORD);
    const created = (await as.post(RULES, body())).json();
    expect(created).toMatchObject({ version: '2026-09 细则', revision: 1 });
    expectRule(await as.post(RULES, body({ version: '另一版本' })), 'rule_set_valid_from_duplicate');

    const url = `${RULES}/${encodeURIComponent('2026-09 细则')}`;
    const res = await as.put(url, {
      ...body({ version: '2026-10 细则', validFrom: '2026-10-01', reminderDays: 20 }),
      revision: 1,
    });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({
      version: '2026-10 细则',
      validFrom: '2026-10-01',
      reminderDays: 20,
      revision: 2,
    });
    const [changed] = await auditRows(db, 'org_life.rule_set_update');
    expect(changed).toMatchObject({
      entityType: 'org_life_rule_set',
      entityId: '2026-10 细则',
      role: 'system_admin',
    });
    expect(JSON.stringify(changed?.diff)).toContain('2026-09-01');

    const renamed = `${RULES}/${encodeURIComponent('2026-10 细则')}`;
    expectStatus(
      await as.put(renamed, { ...body({ version: '2026-10 细则', validFrom: '2026-10-01' }), revision: 1 }),
      409,
    );
    expectRule(
      await as.put(renamed, { ...body({ version: '2026-10 细则', validFrom: '2026-07-01' }), revision: 2 }),
      'rule_set_valid_from_duplicate',
    );
    expectRule(
      await as.put(renamed, { ...body({ version: '2026-10 细则', validFrom: '2026-06-01' }), revision: 2 }),
      'rule_set_valid_from_not_future',
    );
    // The version in force today is history: neither changed nor deleted.
    const inForce = `${RULES}/${encodeURIComponent('2018-支部工作条例')}`;
    expectRule(
      await as.put(inForce, {
        ...body({ version: '2018-支部工作条例', validFrom: '2026-11-01' }),
        revision: 1,
      }),
      'rule_set_not_editable',
    );
    expectRule(await as.delete(inForce), 'rule_set_not_editable');

    expectStatus(await as.delete(renamed), 200);
    const [deleted] = await auditRows(db, 'org_life.rule_set_delete');
    expect(deleted).toMatchObject({ entityType: 'org_life_rule_set', entityId: '2026-10 细则' });
    expectStatus(await as.delete(renamed), 404);
    expect((await as.get(RULES)).json().items.map((i: Item) => i.version)).toEqual([
      '2018-支部工作条例',
      '2026-07 本地细则',
    ]);
  });
});
