import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DuesCharge, memberCharges } from '../../../domain/dues/index.ts';
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
import { heldMonths, loadDuesRuleSets, loadFacts, readChargesOf } from './charges.repo.ts';

/**
 * After random writes — bases, categories, standings, transfers, reductions, a new version of the rules — through the
 * API or straight to the tables, and the clock moving over months, the charges table equals a full recomputation
 * from the facts, and no mark is left after a read (docs/dues.md §8).
 */
let w: RosterWorld;
let admin: TestClient;
const ids: number[] = [];

/** A small deterministic generator (mulberry32), so that a failure can be replayed. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  w = await startRosterWorld();
  admin = w.as.city_admin;
  const branches = [w.tree.branchA1.id, w.tree.groupA1.id, w.tree.branchB1.id];
  for (let i = 0; i < 6; i++) {
    const m = await createMember(admin, branches[i % 3] ?? 0, {
      category: MEMBER_CATEGORIES[i % MEMBER_CATEGORIES.length],
      ...(i === 5 ? { status: 'probationary', admittedOn: '2026-06-03', confirmedOn: null } : {}),
    });
    ids.push(m.id);
  }
}, 60_000);
afterAll(async () => {
  await w?.t.close();
});

const key = (c: DuesCharge) => `${c.memberId}@${c.month}`;

async function expectExact() {
  const db = w.t.deps.db;
  const read = await admin.get(
    `/api/dues/charges?orgId=${w.tree.root.id}&month=${w.t.clock.today().slice(0, 7)}`,
  );
  expectStatus(read, 200);
  const [marks] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from dues_charge_marks`);
  expect(marks?.n).toBe(0);
  const months = await heldMonths(db);
  const sets = await loadDuesRuleSets(db);
  const facts = await loadFacts(db, { after: 0, limit: 1_000 }, '1900-01-01');
  const expected = facts
    .flatMap((f) => memberCharges(f, months, sets).charges)
    .sort((a, b) => key(a).localeCompare(key(b)));
  const actual = (await readChargesOf(db, ids, months[0] ?? '2000-01', months.at(-1) ?? '2000-01')).sort(
    (a, b) => key(a).localeCompare(key(b)),
  );
  expect(actual).toEqual(expected);
}

async function memberOf(id: number) {
  const res = await admin.get(`/api/members/${id}`);
  expectStatus(res, 200);
  return res.json() as { id: number; version: number; status: string; orgId: number };
}

describe('the charges table after random writes', () => {
  it('always equals a full recomputation', async () => {
    const random = rng(20260615);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    const months = ['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09'];
    let letter = 0;
    await expectExact();
    expectStatus(await admin.post('/api/dues/charges/generate', { month: '2026-04' }), 200);
    expectStatus(await admin.post('/api/dues/charges/generate', { month: '2026-05' }), 200);
    await expectExact();
    for (let step = 0; step < 40; step++) {
      const id = pick(ids);
      const today = w.t.clock.today();
      const op = pick([
        'base',
        'base',
        'drop_base',
        'category',
        'standing',
        'transfer',
        'reduction',
        'clock',
        'rules',
      ]);
      if (op === 'base') {
        await w.t.deps.db.execute(
          sql`insert into dues_bases (member_id, from_month, kind, amount)
              values (${id}, ${`${pick(months)}-01`}::date, 'salary', ${Math.floor(random() * 1_500_000)})
              on conflict (member_id, from_month) do update set amount = excluded.amount`,
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
        const kind = m.status === 'suspended' ? 'restore' : 'suspend';
        await admin.post(`/api/members/${id}/events`, {
          version: m.version,
          kind,
          effectiveOn: today,
          reason: '测试',
        });
      } else if (op === 'transfer') {
        const m = await memberOf(id);
        if (m.status === 'suspended') continue;
        const to = [w.tree.branchA1.id, w.tree.groupA1.id].includes(m.orgId)
          ? w.tree.branchB1.id
          : w.tree.branchA1.id;
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
      } else if (op === 'reduction') {
        const from = pick(months);
        const created = await admin.post('/api/dues/reductions', {
          memberId: id,
          kind: 'exempt',
          fromMonth: from,
          toMonth: pick(months.filter((m) => m >= from)),
          reason: '生活困难',
          branchDecidedOn: today,
        });
        if (created.statusCode === 200)
          await admin.post(`/api/dues/reductions/${created.json().id}/approve`, {});
      } else if (op === 'clock') {
        w.t.clock.advance(Math.floor(random() * 20 + 5) * 86_400_000);
        admin = await loginAs(w.t, 'city_admin', TEST_PASSWORD);
      } else {
        await w.t.deps.db.execute(
          sql`insert into dues_rule_sets (version, valid_from, rules)
              values (${`测试-${step}`}, ${`${pick(months)}-01`}::date,
                      ${JSON.stringify({ flat: { farmer: 100 + step, student: 20, unemployed: 20, welfare: 20 }, mode: pick(['rebase', 'fixed_year']), chargeOrgOn: pick(['first_day', 'last_day']) })}::jsonb)
              on conflict do nothing`,
        );
      }
      await expectExact();
    }
    const [count] = await queryRows<{ n: number }>(
      w.t.deps.db,
      sql`select count(*)::int as n from dues_charges`,
    );
    expect(count?.n).toBeGreaterThan(10);
  }, 240_000);
});
