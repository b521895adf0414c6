import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import {
  createMember,
  expectStatus,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';
import { createUser, TEST_PASSWORD } from '../../testing/fixtures.ts';
import { loginAs, type TestClient } from '../../testing/test-app.ts';

/**
 * 未核定基数 on the to-dos (docs/dues.md §8): one finding per 党支部 naming its members who owe the current month in a
 * percentage category without a base; settled in the transaction of the write that sets the base; never for a flat
 * category, a member under 停止党籍 or not yet on the roster that month; seen by the branch and the levels above
 * only. Today is 2026-06-15 (TEST_NOW).
 */
let w: RosterWorld;
let secA: TestClient;
let secB: TestClient;
const ids = {} as Record<'jia' | 'yi' | 'bing' | 'ding' | 'wu' | 'ji' | 'geng', number>;

type Item = {
  org: { id: number };
  finding: { kind: string; severity: string; message: string; date: string };
};

async function todos(client: TestClient): Promise<Item[]> {
  const res = await client.get('/api/findings?kind=dues_base_missing&pageSize=200');
  expectStatus(res, 200);
  return res.json().items;
}

/** The findings table as it is, without a read that would settle marks left behind. */
async function stored(orgId: number) {
  return queryRows<{ message: string; severity: string }>(
    w.t.deps.db,
    sql`select message, severity from findings where kind = 'dues_base_missing' and org_id = ${orgId}`,
  );
}

const base = (memberId: number) => ({
  memberId,
  fromMonth: '2026-06',
  kind: 'salary',
  items: [{ label: '基本工资', amount: 500_000, counted: true }],
  incomeTax: 0,
});

beforeAll(async () => {
  w = await startRosterWorld();
  const { tree, as } = w;
  for (const [username, org] of [
    ['sec_branch_a', tree.branchA1.id],
    ['sec_branch_b', tree.branchB1.id],
  ] as const)
    await createUser(w.t.deps.db, { username, orgId: org, roles: [{ role: 'secretary' }] });
  secA = await loginAs(w.t, 'sec_branch_a', TEST_PASSWORD);
  secB = await loginAs(w.t, 'sec_branch_b', TEST_PASSWORD);
  const make = async (org: number, extra: Record<string, unknown>, name: string) =>
    (await createMember(as.city_admin, org, extra, { name })).id;
  ids.jia = await make(tree.branchA1.id, {}, '甲党员');
  ids.yi = await make(tree.groupA1.id, { category: 'retired' }, '乙党员');
  ids.bing = await make(tree.branchA1.id, { category: 'student' }, '丙党员');
  ids.ding = await make(tree.branchA1.id, { category: 'farmer' }, '丁党员');
  ids.wu = await make(tree.branchA1.id, {}, '戊党员');
  // Arrived from outside on 2026-06-10: on the roster after the first day that decides June.
  ids.ji = await make(tree.branchA1.id, { entry: { by: 'transferred_in', on: '2026-06-10' } }, '己党员');
  ids.geng = await make(tree.branchB1.id, {}, '庚党员');
  const wu = (await as.city_admin.get(`/api/members/${ids.wu}`)).json();
  expectStatus(
    await as.city_admin.post(`/api/members/${ids.wu}/events`, {
      version: wu.version,
      kind: 'suspend',
      effectiveOn: '2026-06-01',
      reason: '出国定居',
    }),
    200,
  );
}, 60_000);
afterAll(() => w?.t.close());

describe('the to-do 未核定基数 (dues_base_missing)', () => {
  it('names, per branch, the members of a percentage category owing June without a base', async () => {
    const items = await todos(secA);
    expect(items.map((i) => [i.org.id, i.finding.severity, i.finding.date])).toEqual([
      [w.tree.branchA1.id, 'warning', '2026-06-01'],
    ]);
    // 甲 (在职) and 乙 (离退休, in a 党小组 of the branch); never 丙 (学生), 丁 (农民), 戊 (停止党籍 since 06-01) nor
    // 己 (arrived 06-10).
    expect(items[0]?.finding.message).toBe(
      '2名党员未核定党费计算基数（甲党员、乙党员），2026年6月应缴党费无法计算，请在“党费基数”中按其收入核定',
    );
  });

  it('is seen by the branch and the levels above, not by another branch', async () => {
    expect((await todos(secB)).map((i) => [i.org.id, i.finding.message.slice(0, 8)])).toEqual([
      [w.tree.branchB1.id, '1名党员未核定党'],
    ]);
    expect((await todos(secB))[0]?.finding.message).toContain('庚党员');
    expect((await todos(w.as.sec_a1)).map((i) => i.org.id)).toEqual([w.tree.branchA1.id]);
    expect((await todos(w.as.admin_a)).map((i) => i.org.id)).toEqual([w.tree.branchA1.id]);
    expect((await todos(w.as.admin_b)).map((i) => i.org.id)).toEqual([w.tree.branchB1.id]);
    expect((await todos(w.as.city_admin)).map((i) => i.org.id).sort()).toEqual(
      [w.tree.branchA1.id, w.tree.branchB1.id].sort(),
    );
    expectStatus(await w.t.anon.get('/api/findings?kind=dues_base_missing'), 401);
  });

  it('is settled by the write that sets a base, in its transaction', async () => {
    expectStatus(await secA.post('/api/dues/bases', base(ids.jia)), 200);
    // Read straight from the table: the write itself left it right, with no mark waiting.
    expect((await stored(w.tree.branchA1.id)).map((r) => r.message)).toEqual([
      '1名党员未核定党费计算基数（乙党员），2026年6月应缴党费无法计算，请在“党费基数”中按其收入核定',
    ]);
    const [marks] = await queryRows<{ n: number }>(
      w.t.deps.db,
      sql`select count(*)::int as n from findings_dirty`,
    );
    expect(marks?.n).toBe(0);
    expectStatus(
      await secA.post('/api/dues/bases', {
        ...base(ids.yi),
        kind: 'pension',
        items: [{ label: '基本养老金', amount: 400_000, counted: true }],
      }),
      200,
    );
    expect(await stored(w.tree.branchA1.id)).toEqual([]);
    expect(await todos(secA)).toEqual([]);
  });

  it('asks again in a new month, by the category on its first day', async () => {
    const bing = (await w.as.city_admin.get(`/api/members/${ids.bing}`)).json();
    expectStatus(
      await w.as.city_admin.patch(`/api/members/${ids.bing}`, {
        version: bing.version,
        category: 'employed',
      }),
      200,
    );
    // June was decided on its first day, when 丙 was a 学生 (flat): nothing to ask.
    expect(await stored(w.tree.branchA1.id)).toEqual([]);
    // July: 丙 (now 在职) and 己 (on the roster since 06-10) owe it without a base.
    w.t.clock.advance(20 * 86_400_000);
    secA = await loginAs(w.t, 'sec_branch_a', TEST_PASSWORD);
    expect((await todos(secA)).map((i) => [i.finding.date, i.finding.message.split('，')[0]])).toEqual([
      ['2026-07-01', '2名党员未核定党费计算基数（丙党员、己党员）'],
    ]);
    expectStatus(await secA.post('/api/dues/bases', { ...base(ids.bing), fromMonth: '2026-07' }), 200);
    expect((await stored(w.tree.branchA1.id)).map((r) => r.message.split('，')[0])).toEqual([
      '1名党员未核定党费计算基数（己党员）',
    ]);
  });
});
