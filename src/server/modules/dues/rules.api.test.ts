import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DUES_RULES, type DuesCharge, memberCharges } from '../../../domain/dues/index.ts';
import { auditRows } from '../../testing/audit-rows.ts';
import {
  createMember,
  expectRule,
  expectStatus,
  issuePaths,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';
import { createUser, TEST_PASSWORD } from '../../testing/fixtures.ts';
import { loginAs, TEST_NOW, type TestClient } from '../../testing/test-app.ts';
import { heldMonths, loadDuesRuleSets, loadFacts, readChargesOf } from './charges.repo.ts';

/** Editing the versions of the dues rules (党费收缴标准, docs/dues.md §7); today 2026-06-15. */

let w: RosterWorld;
/** A 系统管理员 of one district only: holds settings.system, but not over the whole deployment. */
let districtSysadmin: TestClient;
beforeAll(async () => {
  w = await startRosterWorld();
  await createUser(w.t.deps.db, {
    username: 'sysadmin_a',
    orgId: w.tree.districtA.id,
    roles: [{ role: 'system_admin' }],
  });
  districtSysadmin = await loginAs(w.t, 'sysadmin_a', TEST_PASSWORD);
}, 60_000);
afterAll(async () => {
  await w?.t.close();
});

const RULES = '/api/dues/rules';
const at = (version: string) => `${RULES}/${encodeURIComponent(version)}`;
const { version: _v, validFrom: _f, ...defaults } = DEFAULT_DUES_RULES;
const body = (change: Record<string, unknown> = {}) => ({
  ...structuredClone(defaults),
  version: '2026-09 本省标准',
  validFrom: '2026-09-01',
  ...change,
});
const employed = (brackets: unknown[]) => ({
  brackets: { employed: brackets, retired: structuredClone(DEFAULT_DUES_RULES.brackets.retired) },
});
type Item = { version: string; status: string; editable: boolean; stored: boolean; revision: number };
const listed = async (client: TestClient) =>
  ((await client.get(RULES)).json().versions as Item[]).map((i) => [
    i.version,
    i.status,
    i.editable,
    i.stored,
  ]);

describe('who may read and edit the versions', () => {
  it('reads with dues.read or settings.system; edits only with settings.system over the whole deployment', async () => {
    const asSecretary = (await w.as.sec_a1.get(RULES)).json();
    expect(asSecretary).toMatchObject({
      inForce: '2008-中组发3号',
      can: { edit: false },
      versions: [
        { version: '2008-中组发3号', status: 'current', editable: false, stored: false, revision: 0 },
      ],
    });
    expect(asSecretary.versions[0].brackets.employed[0]).toEqual({ upTo: 300_000, rateBp: 50 });
    expect((await w.as.sysadmin.get(RULES)).json().can).toEqual({ edit: true });
    expect((await districtSysadmin.get(RULES)).json().can).toEqual({ edit: false });
    expectStatus(await w.as.member.get(RULES), 403);
    expectStatus(await w.t.anon.get(RULES), 401);

    for (const actor of [w.as.sec_a1, w.as.city_admin, w.as.member]) {
      expectStatus(await actor.post(RULES, body()), 403);
      expectStatus(await actor.put(at('x'), { ...body(), revision: 1 }), 403);
      expectStatus(await actor.delete(at('x')), 403);
    }
    expectStatus(await w.t.anon.post(RULES, body()), 401);
    expectStatus(await w.t.anon.put(at('x'), { ...body(), revision: 1 }), 401);
    expectStatus(await w.t.anon.delete(at('x')), 401);
    // A 系统管理员 of a part of the tree does not reach the deployment's rules.
    expectStatus(await districtSysadmin.post(RULES, body()), 404);
    expectStatus(await districtSysadmin.put(at(DEFAULT_DUES_RULES.version), { ...body(), revision: 1 }), 404);
    expectStatus(await districtSysadmin.delete(at(DEFAULT_DUES_RULES.version)), 404);
    // Deployment-wide: an unknown version is the 404.
    expectStatus(await w.as.sysadmin.put(at('nothing'), { ...body(), revision: 1 }), 404);
    expectStatus(await w.as.sysadmin.delete(at('nothing')), 404);
    expect(await auditRows(w.t.deps.db, 'dues.rule_set_create')).toEqual([]);
  });
});

describe('refusals of a new version', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['a month already begun', { validFrom: '2026-06-01' }, 'dues_rule_set_valid_from_not_future'],
    ['a month in the past', { validFrom: '2025-01-01' }, 'dues_rule_set_valid_from_not_future'],
    ['not the first of a month', { validFrom: '2026-09-15' }, 'dues_rule_set_valid_from_not_month_start'],
    ['the default’s name', { version: '2008-中组发3号' }, 'dues_rule_set_version_duplicate'],
    [
      'bounds not ascending',
      employed([
        { upTo: 500_000, rateBp: 50 },
        { upTo: 300_000, rateBp: 100 },
        { upTo: null, rateBp: 200 },
      ]),
      'dues_rule_set_brackets_invalid',
    ],
    ['the last bracket bounded', employed([{ upTo: 300_000, rateBp: 50 }]), 'dues_rule_set_brackets_invalid'],
    [
      'an unbounded bracket first',
      employed([
        { upTo: null, rateBp: 50 },
        { upTo: null, rateBp: 100 },
      ]),
      'dues_rule_set_brackets_invalid',
    ],
  ])('%s', async (_, change, reason) => {
    expectRule(await w.as.sysadmin.post(RULES, body(change)), reason);
  });

  it('checks the numbers and vocabularies at the edge (400 with the field)', async () => {
    const bad = body({
      ...employed([{ upTo: null, rateBp: 0 }]),
      flat: { ...DEFAULT_DUES_RULES.flat, farmer: -1 },
      rounding: { unit: 'li', mode: 'half_up' },
      mode: 'monthly',
      backPaymentWarnMonths: 0,
      centreThreshold: 0,
    });
    expect(issuePaths(await w.as.sysadmin.post(RULES, bad)).sort()).toEqual([
      'body.backPaymentWarnMonths',
      'body.brackets.employed.0.rateBp',
      'body.centreThreshold',
      'body.flat.farmer',
      'body.mode',
      'body.rounding.unit',
    ]);
    expect(issuePaths(await w.as.sysadmin.post(RULES, body(employed([]))))).toEqual([
      'body.brackets.employed',
    ]);
    // Nothing was stored by the refusals.
    expect(await listed(w.as.sysadmin)).toEqual([['2008-中组发3号', 'current', false, false]]);
  });
});

describe('a new version charges the months it governs, never those begun', () => {
  it('keeps the default as history; July is charged by the new version once generated; June is untouched', async () => {
    const db = w.t.deps.db;
    const admin = w.as.city_admin;
    const worker = await createMember(admin, w.tree.branchA1.id, { category: 'employed' }, { name: '丙一' });
    const farmer = await createMember(admin, w.tree.branchA1.id, { category: 'farmer' }, { name: '丙二' });
    await db.execute(
      sql`insert into dues_bases (member_id, from_month, kind, amount) values (${worker.id}, '2026-01-01', 'salary', 400000)`,
    );
    const ids = [worker.id, farmer.id];
    const amounts = async (client: TestClient, month: string) => {
      const res = await client.get(`/api/dues/charges?orgId=${w.tree.branchA1.id}&month=${month}`);
      expectStatus(res, 200);
      const items = res.json().items as { member: { id: number }; amount: number }[];
      return items
        .filter((i) => ids.includes(i.member.id))
        .map((i) => [i.member.id, i.amount])
        .sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
    };
    // June under the default: 1% of 4,000.00 元, and 0.20 元.
    const june = [
      [worker.id, 4_000],
      [farmer.id, 20],
    ];
    expect(await amounts(admin, '2026-06')).toEqual(june);

    const res = await w.as.sysadmin.post(
      RULES,
      body({
        version: '2026-07 本省标准',
        validFrom: '2026-07-01',
        ...employed([
          { upTo: 300_000, rateBp: 50 },
          { upTo: null, rateBp: 300 },
        ]),
        flat: { ...DEFAULT_DUES_RULES.flat, farmer: 100 },
      }),
    );
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({
      version: '2026-07 本省标准',
      status: 'future',
      editable: true,
      revision: 1,
    });
    const created = await auditRows(db, 'dues.rule_set_create');
    expect(created.map((r) => [r.entityType, r.entityId, r.role])).toEqual([
      ['dues_rule_set', '2026-07 本省标准', 'system_admin'],
      ['dues_rule_set', '2008-中组发3号', 'system_admin'],
    ]);
    expect(await listed(w.as.sysadmin)).toEqual([
      ['2008-中组发3号', 'current', false, true],
      ['2026-07 本省标准', 'future', true, true],
    ]);
    // The months begun keep their charges.
    expect(await amounts(admin, '2026-06')).toEqual(june);

    try {
      w.t.clock.set(new Date('2026-07-15T01:00:00Z'));
      const later = await loginAs(w.t, 'city_admin', TEST_PASSWORD);
      expect(await amounts(later, '2026-07')).toEqual([
        [worker.id, 12_000],
        [farmer.id, 100],
      ]);
      expect(await amounts(later, '2026-06')).toEqual(june);
      // The table equals the domain's computation over the versions.
      const key = (c: DuesCharge) => `${c.memberId}@${c.month}`;
      const months = await heldMonths(db);
      const sets = await loadDuesRuleSets(db);
      const facts = await loadFacts(db, { after: 0, limit: 1_000 }, '1900-01-01');
      const expected = facts
        .filter((f) => ids.includes(f.memberId))
        .flatMap((f) => memberCharges(f, months, sets).charges)
        .sort((a, b) => key(a).localeCompare(key(b)));
      const actual = (await readChargesOf(db, ids, '2026-01', '2026-07')).sort((a, b) =>
        key(a).localeCompare(key(b)),
      );
      expect(actual).toEqual(expected);
      expect(actual.map((c) => [c.month, c.ruleVersion])).toContainEqual(['2026-07', '2026-07 本省标准']);
      expect((await later.get(RULES)).json().versions.map((i: Item) => i.status)).toEqual([
        'history',
        'current',
      ]);
    } finally {
      w.t.clock.set(TEST_NOW);
    }
  });
});

describe('changing and deleting a version not yet in force', () => {
  it('changes at the revision read, refuses a stale one and the versions in force; deletes; all audited', async () => {
    const db = w.t.deps.db;
    const as = await loginAs(w.t, 'sysadmin', TEST_PASSWORD);
    expect((await as.post(RULES, body())).json()).toMatchObject({ version: '2026-09 本省标准', revision: 1 });
    expectRule(await as.post(RULES, body({ version: '另一版本' })), 'dues_rule_set_valid_from_duplicate');

    const res = await as.put(at('2026-09 本省标准'), {
      ...body({ version: '2026-10 本省标准', validFrom: '2026-10-01', centreThreshold: 200_000 }),
      revision: 1,
    });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({
      version: '2026-10 本省标准',
      validFrom: '2026-10-01',
      centreThreshold: 200_000,
      revision: 2,
    });
    const [changed] = await auditRows(db, 'dues.rule_set_update');
    expect(changed).toMatchObject({
      entityType: 'dues_rule_set',
      entityId: '2026-10 本省标准',
      role: 'system_admin',
    });
    expect(JSON.stringify(changed?.diff)).toContain('2026-09-01');

    const renamed = at('2026-10 本省标准');
    expectStatus(
      await as.put(renamed, {
        ...body({ version: '2026-10 本省标准', validFrom: '2026-10-01' }),
        revision: 1,
      }),
      409,
    );
    expectRule(
      await as.put(renamed, {
        ...body({ version: '2026-10 本省标准', validFrom: '2026-07-01' }),
        revision: 2,
      }),
      'dues_rule_set_valid_from_duplicate',
    );
    expectRule(
      await as.put(renamed, {
        ...body({ version: '2026-10 本省标准', validFrom: '2026-06-01' }),
        revision: 2,
      }),
      'dues_rule_set_valid_from_not_future',
    );
    expectRule(
      await as.put(renamed, {
        ...body({
          version: '2026-10 本省标准',
          validFrom: '2026-10-01',
          ...employed([{ upTo: 1, rateBp: 50 }]),
        }),
        revision: 2,
      }),
      'dues_rule_set_brackets_invalid',
    );
    // The version in force today is history: neither changed nor deleted.
    const inForce = at('2008-中组发3号');
    expectRule(
      await as.put(inForce, { ...body({ version: '2008-中组发3号', validFrom: '2026-11-01' }), revision: 1 }),
      'dues_rule_set_not_editable',
    );
    expectRule(await as.delete(inForce), 'dues_rule_set_not_editable');

    expectStatus(await as.delete(renamed), 200);
    const [deleted] = await auditRows(db, 'dues.rule_set_delete');
    expect(deleted).toMatchObject({ entityType: 'dues_rule_set', entityId: '2026-10 本省标准' });
    expectStatus(await as.delete(renamed), 404);
    expect((await as.get(RULES)).json().versions.map((i: Item) => i.version)).toEqual([
      '2008-中组发3号',
      '2026-07 本省标准',
    ]);
    // The refused changes wrote no audit row.
    expect(await auditRows(db, 'dues.rule_set_update')).toHaveLength(1);
  });
});
