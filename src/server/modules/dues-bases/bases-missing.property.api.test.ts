import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseMissingFinding, monthOf } from '../../../domain/dues/index.ts';
import { MEMBER_CATEGORIES } from '../../../domain/membership/index.ts';
import { queryRows } from '../../db/client.ts';
import {
  createMember,
  expectStatus,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';
import { TEST_PASSWORD } from '../../testing/fixtures.ts';
import { loginAs, type TestClient } from '../../testing/test-app.ts';
import { missingChargesOf } from '../dues/index.ts';
import { baseMissingTodosProducer } from './bases-missing.producer.ts';

/**
 * The producer of 未核定基数 (docs/dues.md §8) is the domain's rule in SQL: after random writes — bases, categories,
 * standings, transfers, arrivals and admissions in the month, versions of the rules deciding on the first or the last
 * day, the clock moving — the to-dos read equal, branch by branch, the months the domain finds missing
 * (`missingChargesOf`, member by member) for the current month, and the producer for one branch its share of them.
 */
let w: RosterWorld;
let admin: TestClient;
const names = new Map<number, string>();

function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const orgsOf = (tree: RosterWorld['tree']) => [
  tree.branchA1.id,
  tree.groupA1.id,
  tree.branchA2.id,
  tree.branchB1.id,
];

beforeAll(async () => {
  w = await startRosterWorld();
  admin = w.as.city_admin;
  const orgs = orgsOf(w.tree);
  for (let i = 0; i < 12; i++) {
    const name = `党员${String.fromCharCode(0x7532 + i)}`;
    const extra: Record<string, unknown> = {
      category: MEMBER_CATEGORIES[i % MEMBER_CATEGORIES.length],
    };
    // Admitted in the month (a 预备党员 owes from it), or arrived from outside in it (owes from the next).
    if (i % 4 === 1)
      Object.assign(extra, { status: 'probationary', admittedOn: '2026-06-03', confirmedOn: null });
    if (i % 4 === 2) extra.entry = { by: i % 8 === 2 ? 'transferred_in' : 'restored', on: '2026-06-05' };
    const m = await createMember(admin, orgs[i % orgs.length] ?? 0, extra, { name });
    names.set(m.id, name);
  }
}, 60_000);
afterAll(async () => {
  await w?.t.close();
});

/** The to-dos the domain asks for: its missing months of the current month, one finding per branch. */
async function expected(branches: readonly number[] | 'all') {
  const month = monthOf(w.t.clock.today());
  const missing = await missingChargesOf(w.t.deps.db, [...names.keys()], [month]);
  const byBranch = new Map<number, { id: number; name: string }[]>();
  for (const m of [...missing].sort((a, b) => a.memberId - b.memberId)) {
    if (branches !== 'all' && !branches.includes(m.branchId)) continue;
    const list = byBranch.get(m.branchId) ?? [];
    list.push({ id: m.memberId, name: names.get(m.memberId) ?? '' });
    byBranch.set(m.branchId, list);
  }
  return [...byBranch]
    .map(([orgId, members]) => ({
      orgId,
      message: baseMissingFinding(month, { count: members.length, names: members.map((m) => m.name) })
        ?.message,
    }))
    .sort((a, b) => a.orgId - b.orgId);
}

async function expectEqual(step: number) {
  const res = await admin.get('/api/findings?kind=dues_base_missing&pageSize=200');
  expectStatus(res, 200);
  const read = (res.json().items as { org: { id: number }; finding: { message: string } }[])
    .map((i) => ({ orgId: i.org.id, message: i.finding.message }))
    .sort((a, b) => a.orgId - b.orgId);
  expect(read, `step ${step}`).toEqual(await expected('all'));
  const [marks] = await queryRows<{ n: number }>(
    w.t.deps.db,
    sql`select count(*)::int as n from findings_dirty`,
  );
  expect(marks?.n).toBe(0);
  // One branch at a time, as a write's refresh asks.
  for (const branch of [w.tree.branchA1.id, w.tree.branchB1.id]) {
    const produced = await baseMissingTodosProducer.produce(
      { db: w.t.deps.db },
      { orgs: [branch], date: w.t.clock.today() },
    );
    expect(
      produced.map((f) => ({ orgId: f.orgId, message: f.finding.message })),
      `step ${step}, branch ${branch}`,
    ).toEqual(await expected([branch]));
  }
  return read.length;
}

async function memberOf(id: number) {
  const res = await admin.get(`/api/members/${id}`);
  expectStatus(res, 200);
  return res.json() as { id: number; version: number; status: string; orgId: number };
}

describe('the to-dos 未核定基数 after random writes', () => {
  it('equal the months the domain finds missing', async () => {
    const random = rng(20260601);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    const months = ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08'];
    const ids = [...names.keys()];
    let letter = 0;
    let seen = (await expectEqual(-1)) > 0 ? 1 : 0;
    for (let step = 0; step < 40; step++) {
      const id = pick(ids);
      const today = w.t.clock.today();
      const op = pick(['base', 'drop_base', 'category', 'standing', 'transfer', 'clock', 'rules']);
      if (op === 'base') {
        await w.t.deps.db.execute(
          sql`insert into dues_bases (member_id, from_month, kind, amount)
              values (${id}, ${`${pick(months)}-01`}::date, 'salary', ${Math.floor(random() * 1_000_000)})
              on conflict (member_id, from_month) do nothing`,
        );
      } else if (op === 'drop_base') {
        await w.t.deps.db.execute(
          sql`delete from dues_bases where id = (select id from dues_bases where member_id = ${id} limit 1)`,
        );
      } else if (op === 'category') {
        const m = await memberOf(id);
        await admin.patch(`/api/members/${id}`, { version: m.version, category: pick(MEMBER_CATEGORIES) });
      } else if (op === 'standing') {
        const m = await memberOf(id);
        await admin.post(`/api/members/${id}/events`, {
          version: m.version,
          kind: m.status === 'suspended' ? 'restore' : 'suspend',
          effectiveOn: pick([today, `${monthOf(today)}-01`]),
          reason: '测试',
        });
      } else if (op === 'transfer') {
        const m = await memberOf(id);
        const to = pick(orgsOf(w.tree).filter((o) => o !== m.orgId));
        const sent = await admin.post('/api/transfers', {
          memberId: id,
          toOrgId: to,
          letterNo: `测转〔2026〕${++letter}号`,
          issuedOn: today,
        });
        if (sent.statusCode === 200)
          await admin.post(`/api/transfers/${sent.json().id}/receive`, {
            version: sent.json().version,
            receivedOn: today,
          });
      } else if (op === 'clock') {
        w.t.clock.advance(Math.floor(random() * 20 + 3) * 86_400_000);
        admin = await loginAs(w.t, 'city_admin', TEST_PASSWORD);
      } else {
        await w.t.deps.db.execute(
          sql`insert into dues_rule_sets (version, valid_from, rules)
              values (${`测试-${step}`}, ${`${pick(months)}-01`}::date,
                      ${JSON.stringify({ mode: pick(['rebase', 'fixed_year']), chargeOrgOn: pick(['first_day', 'last_day']) })}::jsonb)
              on conflict do nothing`,
        );
      }
      if ((await expectEqual(step)) > 0) seen++;
    }
    // Not a test of nothing: to-dos were there most of the time.
    expect(seen).toBeGreaterThan(10);
  }, 240_000);
});
