import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import {
  createMember,
  expectStatus,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';
import { naiveDuesFigures } from './naive.service.ts';

/*
 * The monthly pass rewrites whole months for every member chunk by chunk with the charges' marking triggers set
 * aside, and marks each branch-month once itself (migration 0045): what it writes and what it deletes must still
 * reach the roll-up and the arrears to-dos. Today is 2026-06-15 (TEST_NOW).
 */
let w: RosterWorld;
let a1: number;
let a2: number;
let b1: number;

async function setBase(memberId: number, amount: number) {
  await w.t.deps.db.execute(
    sql`insert into dues_bases (member_id, from_month, kind, amount) values (${memberId}, '2026-01-01', 'salary', ${amount})`,
  );
}

const generate = async (month: string) =>
  expectStatus(await w.as.city_admin.post('/api/dues/charges/generate', { month }), 200);

async function cityFigures(period: string) {
  const res = await w.as.city_admin.get(`/api/orgs/${w.tree.root.id}/dues-summary?period=${period}`);
  expectStatus(res, 200);
  const { rateBp: _rate, ...figures } = res.json().figures;
  return figures;
}

const marksOf = async (month: string) =>
  (
    await queryRows<{ org_id: number }>(
      w.t.deps.db,
      sql`select org_id from dues_rollup_marks where month = ${month}::date order by org_id`,
    )
  ).map((r) => Number(r.org_id));

beforeAll(async () => {
  w = await startRosterWorld();
  a1 = (await createMember(w.as.city_admin, w.tree.branchA1.id, {}, { name: '甲一' })).id;
  a2 = (await createMember(w.as.city_admin, w.tree.branchA1.id, {}, { name: '甲二' })).id;
  b1 = (await createMember(w.as.city_admin, w.tree.branchB1.id, {}, { name: '乙一' })).id;
  await setBase(a1, 400_000);
  await setBase(a2, 250_000);
  await setBase(b1, 800_000);
  // Whatever the first reads marked is taken now, so that the marks below are the pass's own.
  await cityFigures('2026-06');
}, 60_000);
afterAll(async () => {
  await w?.t.close();
});

describe('a month generated for every member', () => {
  it('marks each branch-month once, and the roll-up then equals the charges summed', async () => {
    await generate('2026-04');
    expect(await marksOf('2026-04-01')).toEqual(
      [w.tree.branchA1.id, w.tree.branchB1.id].sort((x, y) => x - y),
    );
    const figures = await cityFigures('2026-04');
    expect(figures).toMatchObject({ charged: 4_000 + 1_250 + 12_000, members: 3, inArrears: 3 });
    expect(figures).toEqual(await naiveDuesFigures({ db: w.t.deps.db }, w.tree.root.path, ['2026-04']));
  });

  it('takes a charge the pass deletes out of the roll-up (the branch-month marked before the pass)', async () => {
    // Written behind the charges' back (no mark for the member): only the pass itself can notice.
    await w.t.deps.db.execute(sql`delete from dues_bases where member_id = ${b1}`);
    await w.t.deps.db.execute(sql`delete from dues_charge_marks`);
    await generate('2026-04');
    const figures = await cityFigures('2026-04');
    expect(figures).toMatchObject({ charged: 4_000 + 1_250, members: 2 });
    expect(figures).toEqual(await naiveDuesFigures({ db: w.t.deps.db }, w.tree.root.path, ['2026-04']));
  });

  it('reaches the arrears to-dos: three months generated and unpaid warn the branch', async () => {
    await generate('2026-03');
    await generate('2026-05');
    const res = await w.as.sec_a1.get('/api/findings?pageSize=200');
    expectStatus(res, 200);
    const warned = res
      .json()
      .items.filter((i: { finding: { kind: string } }) => i.finding.kind === 'dues_arrears')
      .map((i: { finding: { subject?: { id: number } } }) => i.finding.subject?.id);
    expect(warned.sort()).toEqual([a1, a2].sort());
  });
});
