import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CollectionFigures,
  collectionOf,
  collectionRateBp,
  type MemberMonth,
  monthRange,
} from '../../../domain/dues/index.ts';
import { queryRows } from '../../db/client.ts';
import { duesReductions } from '../../db/tables/dues.ts';
import {
  createMember,
  expectStatus,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';

/*
 * docs/dues.md §10: after any sequence of writes — charges written, rewritten and deleted, payments, reversals
 * (with or without their month), 特殊党费, a community moved back and forth — every figure the API reads from the
 * roll-up equals the domain's definition (src/domain/dues/collection.ts) applied to every charge and ledger entry.
 * The charges and the ledger are written straight into their tables, as the charges and ledger modules would.
 */
let w: RosterWorld;
beforeAll(async () => {
  w = await startRosterWorld();
}, 60_000);
afterAll(async () => {
  await w?.t.close();
});

/** A small deterministic generator (mulberry32), so that a failure can be replayed from its seed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type ChargeRow = {
  member_id: number;
  month: string;
  amount: number;
  reduction_id: number | null;
  path: string;
};
type EntryRow = { member_id: number; month: string; amount: number; counts_on: string };

/** Every charge and entry, judged by the domain: the figures of the charges whose org lies under `path`. */
async function naive(path: string, months: readonly string[]): Promise<CollectionFigures> {
  const db = w.t.deps.db;
  const charges = await queryRows<ChargeRow>(
    db,
    sql`select c.member_id, to_char(c.month, 'YYYY-MM') as month, c.amount, c.reduction_id, o.path::text as path
        from dues_charges c join orgs o on o.id = c.org_id`,
  );
  const entries = await queryRows<EntryRow>(
    db,
    sql`select e.member_id, to_char(coalesce(e.month, r.month), 'YYYY-MM') as month, e.amount,
               coalesce(r.paid_on, e.paid_on)::text as counts_on
        from dues_ledger e left join dues_ledger r on r.id = e.reverses_id
        where e.kind <> 'special_dues' and coalesce(e.month, r.month) is not null`,
  );
  const inside = charges.filter(
    (c) => months.includes(c.month) && (c.path === path || c.path.startsWith(`${path}.`)),
  );
  const of: MemberMonth[] = inside.map((c) => ({
    month: c.month,
    amount: Number(c.amount),
    reduced: c.reduction_id !== null,
    entries: entries
      .filter((e) => Number(e.member_id) === Number(c.member_id) && e.month === c.month)
      .map((e) => ({ amount: Number(e.amount), paidOn: e.counts_on })),
  }));
  return collectionOf(of);
}

describe('the dues roll-up equals the naive sum after random writes (property)', () => {
  it('charges, payments, reversals, 特殊党费 and moves', async () => {
    const db = w.t.deps.db;
    const rnd = random(20261205);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
    const months = monthRange('2026-05', '2026-08');
    const day = () =>
      `2026-${String(5 + Math.floor(rnd() * 5)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    const branches = [w.tree.branchA1, w.tree.branchA2, w.tree.branchB1];
    const members: number[] = [];
    for (let i = 0; i < 6; i++)
      members.push((await createMember(w.as.city_admin, pick(branches).id, {}, { name: `党员${i}` })).id);
    const [{ id: approver } = { id: 0 }] = await queryRows<{ id: number }>(
      db,
      sql`select id from users order by id limit 1`,
    );
    const reductions: number[] = [];
    for (const kind of ['reduce', 'exempt'] as const) {
      const [row] = await db
        .insert(duesReductions)
        .values({
          memberId: members[0] as number,
          orgId: w.tree.branchA1.id,
          kind,
          fromMonth: '2026-05-01',
          toMonth: '2026-08-01',
          monthlyAmount: kind === 'reduce' ? 100 : null,
          reason: '困难',
          branchDecidedOn: '2026-04-01',
          status: 'approved',
          decidedBy: Number(approver),
          decidedOn: '2026-04-10',
        })
        .returning({ id: duesReductions.id });
      reductions.push((row as { id: number }).id);
    }
    const readers = [
      w.tree.root,
      w.tree.districtA,
      w.tree.districtB,
      w.tree.streetA,
      w.tree.streetB,
      w.tree.communityA2,
      w.tree.branchA1,
    ];
    let receipt = 0;
    for (let step = 0; step < 45; step++) {
      const action = pick([
        'charge',
        'charge',
        'charge',
        'delete',
        'pay',
        'pay',
        'pay',
        'reverse',
        'special',
        'move',
      ]);
      const member = pick(members);
      const month = `${pick(months)}-01`;
      if (action === 'charge') {
        const full = Math.floor(rnd() * 3_000);
        const reduction = rnd() < 0.3 ? pick(reductions) : null;
        const amount = reduction === reductions[1] ? 0 : reduction ? Math.min(100, full) : full;
        await db.execute(
          sql`insert into dues_charges (member_id, month, org_id, category, full_amount, amount, reduction_id, rule_version)
              values (${member}, ${month}, ${pick(branches).id}, 'employed', ${full}, ${amount}, ${reduction}, 'v')
              on conflict (member_id, month) do update
                set org_id = excluded.org_id, full_amount = excluded.full_amount, amount = excluded.amount,
                    reduction_id = excluded.reduction_id`,
        );
      } else if (action === 'delete') {
        await db.execute(sql`delete from dues_charges where member_id = ${member} and month = ${month}`);
      } else if (action === 'pay') {
        await db.execute(
          sql`insert into dues_ledger (member_id, kind, month, amount, paid_on, method, org_id, receipt)
              values (${member}, 'payment', ${month}, ${1 + Math.floor(rnd() * 2_000)}, ${day()}, 'cash',
                      ${pick(branches).id}, ${`R${++receipt}`})`,
        );
      } else if (action === 'reverse') {
        const open = await queryRows<{ id: number; month: string; amount: number; member_id: number }>(
          db,
          sql`select e.id, e.month::text as month, e.amount, e.member_id from dues_ledger e
              where e.kind = 'payment' and not exists (select 1 from dues_ledger r where r.reverses_id = e.id)
              order by e.id`,
        );
        if (open.length > 0) {
          const e = pick(open);
          await db.execute(
            sql`insert into dues_ledger (member_id, kind, month, amount, paid_on, org_id, receipt, reverses_id, reason)
                values (${e.member_id}, 'reversal', ${rnd() < 0.5 ? e.month : null}, ${-Number(e.amount)}, ${day()},
                        ${w.tree.branchA1.id}, ${`R${++receipt}`}, ${e.id}, '登记错误')`,
          );
        }
      } else if (action === 'special') {
        await db.execute(
          sql`insert into dues_ledger (member_id, kind, month, amount, paid_on, method, org_id, receipt, to_centre)
              values (${member}, 'special_dues', null, 100000, ${day()}, 'cash', ${w.tree.branchA1.id},
                      ${`R${++receipt}`}, true)`,
        );
      } else {
        const [org] = await queryRows<{ version: number; parent_id: number }>(
          db,
          sql`select version, parent_id from orgs where id = ${w.tree.communityA2.id}`,
        );
        const parentId = Number(org?.parent_id) === w.tree.streetA.id ? w.tree.streetB.id : w.tree.streetA.id;
        expectStatus(
          await w.as.city_admin.post(`/api/orgs/${w.tree.communityA2.id}/move`, {
            parentId,
            version: Number(org?.version),
          }),
          200,
        );
      }
      if (step % 3 !== 2) continue;
      const reader = pick(readers);
      const period = rnd() < 0.5 ? pick(months) : '2026';
      const res = await w.as.city_admin.get(`/api/orgs/${reader.id}/dues-summary?period=${period}`);
      expectStatus(res, 200);
      const view = res.json();
      const [now] = await queryRows<{ path: string }>(
        db,
        sql`select path::text as path from orgs where id = ${reader.id}`,
      );
      const periodMonths = period === '2026' ? monthRange('2026-01', '2026-12') : [period];
      const expected = await naive(String(now?.path), periodMonths);
      expect(view.figures, `step ${step} ${action} org ${reader.name} ${period}`).toEqual({
        ...expected,
        rateBp: collectionRateBp(expected),
      });
      for (const child of view.children) {
        const [p] = await queryRows<{ path: string }>(
          db,
          sql`select path::text as path from orgs where id = ${child.org.id}`,
        );
        const e = await naive(String(p?.path), periodMonths);
        expect(child.figures, `step ${step} child ${child.org.name}`).toEqual({
          ...e,
          rateBp: collectionRateBp(e),
        });
      }
      const [marks] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from dues_rollup_marks`,
      );
      expect(Number(marks?.n)).toBe(0);
    }
  }, 240_000);
});
