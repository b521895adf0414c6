import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDUCATION_CODES, ETHNICITY_CODES, WORK_POST_CODES } from '../../../domain/codes/index.ts';
import {
  ADMISSION_PERIOD_STARTS,
  AGE_BAND_STARTS,
  childFigures,
  GENDERS,
  MEMBER_CATEGORIES,
  MEMBER_STATUSES,
  type StatsMember,
} from '../../../domain/membership/index.ts';
import { ORG_KINDS, type OrgKind } from '../../../domain/org/index.ts';
import { addDays, addYears } from '../../../domain/shared/index.ts';
import { queryRows } from '../../db/client.ts';
import { orgs } from '../../db/tables/orgs.ts';
import {
  changeMember,
  expectedFor,
  type RosterMember,
  vectorOfView,
  writeMembers,
} from '../../testing/fixtures/stats.ts';
import { createUser, type FixtureOrg, insertOrg, TEST_PASSWORD } from '../../testing/fixtures.ts';
import { loginAs, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { rebuildRollup } from './rollup.service.ts';
import { refreshSubtrees } from './subtree.service.ts';

/**
 * The statistics at every level of a random tree equal the in-memory reference (aggregate) over a random
 * roster written through the real write path, then changed as writers change it (status, org, category,
 * flags, person data): the rollup kept by the writers, summed over each subtree, is exact. A recount
 * (rebuildRollup, the counting rules as SQL) then finds the same rows.
 */
let t: TestApp;
let admin: TestClient;
let root: FixtureOrg;
const TODAY = '2026-06-15';
const KIND_AT_DEPTH: OrgKind[] = ['local_committee', 'working_committee', 'committee', 'branch', 'group'];

beforeAll(async () => {
  t = await startTestApp();
  root = await insertOrg(t.deps.db, null, '测试市委', 'local_committee', 'government');
  await createUser(t.deps.db, { username: 'city', orgId: root.id, roles: [{ role: 'org_admin' }] });
  admin = await loginAs(t, 'city', TEST_PASSWORD);
});
afterAll(() => t.close());

const orNull = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 6 });
const date = (from: string, days: number) => fc.integer({ min: 0, max: days }).map((d) => addDays(from, d));
/** Birth dates around the band boundaries (as of today), on 29 February, and anywhere. */
const birthDate = fc.oneof(
  fc
    .record({ age: fc.constantFrom(...AGE_BAND_STARTS), off: fc.integer({ min: -2, max: 2 }) })
    .map(({ age, off }) => addDays(addYears(TODAY, -age), off)),
  fc.constantFrom('1964-02-29', '1992-02-29', '1996-02-29'),
  date('1925-01-01', 29_000),
);
const admittedOn = fc.oneof(
  fc
    .record({
      start: fc.constantFrom(...Object.values(ADMISSION_PERIOD_STARTS)),
      off: fc.integer({ min: -1, max: 0 }),
    })
    .map(({ start, off }) => addDays(start, off)),
  date('1940-01-01', 31_000),
);
const traits = {
  status: fc.constantFrom(...MEMBER_STATUSES),
  gender: fc.constantFrom(...GENDERS),
  ethnicity: orNull(fc.constantFrom(...ETHNICITY_CODES)),
  birthDate: orNull(birthDate),
  education: orNull(fc.constantFrom(...EDUCATION_CODES)),
  workPost: orNull(fc.constantFrom(...WORK_POST_CODES)),
  admittedOn,
  category: fc.constantFrom(...MEMBER_CATEGORIES),
  isMobile: fc.boolean(),
  isHardship: fc.boolean(),
};
const member = fc.record({ org: fc.nat(), ...traits });
const change = fc.record({
  who: fc.nat(),
  org: fc.option(fc.nat(), { nil: undefined }),
  patch: fc.record(traits, { requiredKeys: [] }),
});
/** After the roster is written: members change, orgs move, are dissolved or founded, the rollup refreshes. */
const step = fc.oneof(
  { weight: 5, arbitrary: change.map((c) => ({ op: 'member' as const, ...c })) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('move' as const), org: fc.nat(), to: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('dissolve' as const), org: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('found' as const), parent: fc.nat() }) },
  { weight: 2, arbitrary: fc.constant({ op: 'refresh' as const }) },
);
const scenario = fc.record({
  parents: fc.array(fc.nat(), { maxLength: 14 }),
  dissolved: fc.array(fc.boolean(), { maxLength: 14 }),
  refreshFirst: fc.boolean(),
  roster: fc.array(member, { maxLength: 40 }),
  steps: fc.array(step, { maxLength: 14 }),
});

async function reset(): Promise<void> {
  for (const table of ['org_stats_changes', 'org_stats_base', 'org_subtree_stats']) {
    await t.deps.db.execute(sql`delete from ${sql.identifier(table)}`);
  }
  await t.deps.db.execute(sql`delete from member_events`);
  await t.deps.db.execute(sql`delete from members`);
  await t.deps.db.execute(sql`delete from persons`);
  await t.deps.db.execute(sql`delete from org_stats`);
  await t.deps.db.execute(sql`delete from org_events`);
  await t.deps.db.execute(sql`delete from orgs where id <> ${root.id}`);
  await t.deps.db.transaction((tx) => rebuildRollup(tx, TODAY));
}

type TreeOrg = FixtureOrg & { depth: number };

async function buildTree(parents: number[], dissolved: boolean[]): Promise<TreeOrg[]> {
  const tree: TreeOrg[] = [{ ...root, depth: 0 }];
  for (const [i, p] of parents.entries()) {
    const candidates = tree.filter((o) => o.depth < KIND_AT_DEPTH.length - 1);
    const parent = candidates[p % candidates.length] as FixtureOrg & { depth: number };
    const kind = KIND_AT_DEPTH[parent.depth + 1] as OrgKind;
    const org = await insertOrg(t.deps.db, parent, `组织${i}`, kind, 'community', {
      dissolvedOn: dissolved[i] ? '2025-01-01' : null,
    });
    tree.push({ ...org, depth: parent.depth + 1 });
  }
  return tree;
}

/** Moves an org (and its subtree) under another org one level up, through the API, as an org_admin does. */
async function moveOrg(tree: TreeOrg[], org: number, to: number): Promise<void> {
  const movable = tree.filter((o) => o.depth >= 2);
  const moving = movable[org % Math.max(movable.length, 1)];
  if (!moving) return;
  const parents = tree.filter((o) => o.depth === moving.depth - 1 && !o.path.startsWith(`${moving.path}.`));
  const target = parents[to % parents.length] as TreeOrg;
  const { version } = (await admin.get(`/api/orgs/${moving.id}`)).json();
  const res = await admin.post(`/api/orgs/${moving.id}/move`, { parentId: target.id, version });
  if (res.statusCode !== 200) return; // refused by the rules (a dissolved parent…): nothing moved
  const oldPath = moving.path;
  for (const o of tree) {
    if (o.path === oldPath || o.path.startsWith(`${oldPath}.`))
      o.path = `${target.path}${o.path.slice(oldPath.lastIndexOf('.'))}`;
  }
}

async function orgStatsRows() {
  return queryRows(t.deps.db, sql`select * from org_stats where member_count <> 0 order by org_id`);
}

describe('GET /api/orgs/:id/stats (property)', () => {
  it('equals the in-memory aggregate of the subtree at every level of a random tree', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        await reset();
        const tree = await buildTree(s.parents, s.dissolved);
        if (s.refreshFirst) await refreshSubtrees(t.deps.db);
        const roster: RosterMember[] = s.roster.map(({ org, ...m }) => ({
          ...m,
          orgId: (tree[org % tree.length] as FixtureOrg).id,
        }));
        if (roster.length > 0) await writeMembers(t, roster);
        for (const step of s.steps) {
          if (step.op === 'refresh') await refreshSubtrees(t.deps.db);
          if (step.op === 'move') await moveOrg(tree, step.org, step.to);
          if (step.op === 'dissolve') {
            const org = tree[1 + (step.org % Math.max(tree.length - 1, 1))];
            if (org)
              await t.deps.db.update(orgs).set({ dissolvedOn: '2026-01-01' }).where(eq(orgs.id, org.id));
          }
          if (step.op === 'found') {
            const parent = tree.filter((o) => o.depth < KIND_AT_DEPTH.length - 1)[step.parent % tree.length];
            if (parent) {
              const kind = KIND_AT_DEPTH[parent.depth + 1] as OrgKind;
              const org = await insertOrg(t.deps.db, parent, `新组织${tree.length}`, kind);
              tree.push({ ...org, depth: parent.depth + 1 });
            }
          }
          if (step.op !== 'member') continue;
          const m = roster[step.who % Math.max(roster.length, 1)];
          if (!m) continue;
          const orgId = step.org === undefined ? m.orgId : (tree[step.org % tree.length] as FixtureOrg).id;
          const after: StatsMember = { ...stripIds(m), ...step.patch, orgId };
          await changeMember(t.deps.db, TODAY, m, after);
        }
        const all = await t.deps.db.select().from(orgs);
        const paths = new Map(all.map((o) => [o.id, o.path]));
        for (const org of all) {
          const res = await admin.get(`/api/orgs/${org.id}/stats`);
          expect(res.statusCode, res.body).toBe(200);
          const view = res.json();
          expect(view.asOf).toBe(TODAY);
          expect(vectorOfView(view)).toEqual(expectedFor(roster, paths, org.path, TODAY));
          const children = all.filter((o) => o.parentId === org.id).sort((a, b) => a.id - b.id);
          const shown = children.filter(
            (c) =>
              c.dissolvedOn === null || (expectedFor(roster, paths, c.path, TODAY).member_count ?? 0) > 0,
          );
          expect(view.children.map((c: { org: { id: number } }) => c.org.id)).toEqual(shown.map((c) => c.id));
          for (const c of view.children) {
            const path = paths.get(c.org.id) as string;
            const { org: _org, ...figures } = c;
            expect(figures).toEqual(childFigures(expectedFor(roster, paths, path, TODAY)));
          }
          const own = roster.filter((m) => m.orgId === org.id);
          expect(view.ownMemberCount).toBe(expectedFor(own, paths, org.path, TODAY).member_count ?? 0);
          const inSubtree = all.filter(
            (o) => o.dissolvedOn === null && (o.path === org.path || o.path.startsWith(`${org.path}.`)),
          );
          for (const kind of ORG_KINDS) {
            expect(view.orgCounts[kind]).toBe(inSubtree.filter((o) => o.kind === kind).length);
          }
        }
        const kept = await orgStatsRows();
        const rootView = (await admin.get(`/api/orgs/${root.id}/stats`)).json();
        await t.deps.db.transaction((tx) => rebuildRollup(tx, TODAY));
        expect(await orgStatsRows()).toEqual(kept);
        expect((await admin.get(`/api/orgs/${root.id}/stats`)).json()).toEqual(rootView);
      }),
      { numRuns: 25 },
    );
  });
});

function stripIds(m: RosterMember): StatsMember {
  const { memberId: _m, personId: _p, ...rest } = m;
  return rest;
}
