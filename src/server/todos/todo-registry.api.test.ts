import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/client.ts';
import { MODULES } from '../modules/index.ts';
import type { Module } from '../modules/module.ts';
import { loginOrgActors, type OrgActor, seedOrgActors } from '../testing/fixtures/orgs.ts';
import { seedTree, type Tree } from '../testing/fixtures.ts';
import { startTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import type { TodoProducer } from './producer.ts';
import { todoRegistry } from './registry.ts';

/**
 * A module's producer reaches /api/findings and the 工作台 by registration alone (issue 8, 5). The test module stands
 * in for one to come (党费, 组织生活): it gives `branch_too_large` — a kind of the closed vocabulary, freed here by
 * serving the stats module without its producer — for every 党支部, dated 2000-01-01 and critical, so that it heads
 * every list. Nothing in the workbench or the findings route knows of it.
 */
const everyBranch: TodoProducer = {
  name: 'test.every-branch',
  kinds: ['branch_too_large'],
  severities: ['critical'],
  article: 'docs/design.md §4',
  inputs: ['org'],
  dated: false,
  async produce({ db }, { orgs }) {
    const rows = await queryRows<{ id: number }>(
      db,
      sql`select id from orgs where kind = 'branch' and dissolved_on is null
          ${orgs === 'all' ? sql`` : sql`and id = any(${sql.param([...orgs])}::int[])`}`,
    );
    return rows.map((r) => ({
      orgId: Number(r.id),
      finding: {
        kind: 'branch_too_large' as const,
        severity: 'critical' as const,
        message: '测试模块的待办',
        article: '测试条例第一条',
        date: '2000-01-01' as const,
        days: null,
      },
    }));
  },
};
const testModule: Module = { name: 'test-module', registerRoutes: () => {}, todoProducers: [everyBranch] };
const modules = [...MODULES.map((m) => (m.name === 'stats' ? { ...m, todoProducers: [] } : m)), testModule];

let t: TestApp;
let tree: Tree;
let as: Record<OrgActor, TestClient>;

beforeAll(async () => {
  t = await startTestApp({ modules });
  tree = await seedTree(t.deps.db);
  await seedOrgActors(t.deps.db, tree);
  as = await loginOrgActors(t);
});
afterAll(() => t.close());

const branchesOf = (items: { org: { id: number }; finding: { message: string } }[]) =>
  items.filter((i) => i.finding.message === '测试模块的待办').map((i) => i.org.id);

describe('a module’s to-do producer', () => {
  it('appears in /api/findings and the 工作台 of every user whose scope holds its orgs', async () => {
    const list = (await as.city_admin.get('/api/findings?kind=branch_too_large')).json();
    expect(branchesOf(list.items).sort((a, b) => a - b)).toEqual(
      [tree.branchA1.id, tree.branchA2.id, tree.branchB1.id].sort((a, b) => a - b),
    );
    const bench = (await as.admin_b.get('/api/workbench')).json();
    expect(bench.findingCounts.branch_too_large).toEqual({ warning: 0, critical: 1 });
    expect(bench.todos[0]).toMatchObject({
      org: { id: tree.branchB1.id },
      finding: { kind: 'branch_too_large', message: '测试模块的待办' },
    });
  });

  it('follows the writes of its inputs: a branch founded through the API has its to-do at once', async () => {
    const res = await as.city_admin.post('/api/orgs', {
      parentId: tree.communityA1.id,
      name: '和平社区第二党支部',
      kind: 'branch',
      sector: 'community',
      establishedOn: '2026-06-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await queryRows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from findings where org_id = ${res.json().id} and kind = 'branch_too_large'`,
    );
    expect(Number(row?.n)).toBe(1);
    const bench = (await as.admin_a.get('/api/workbench')).json();
    expect(bench.findingCounts.branch_too_large.critical).toBe(3);
  });
});

describe('todoRegistry', () => {
  it('refuses a kind given by two producers', () => {
    expect(() => todoRegistry([everyBranch, { ...everyBranch, name: 'test.again' }])).toThrow(
      /branch_too_large is produced by both test.every-branch and test.again/,
    );
  });
});
