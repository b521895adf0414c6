import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { insertCharges } from '../../testing/fixtures/dues.ts';
import {
  createMember,
  expectRule,
  expectStatus,
  type RosterWorld,
  startRosterWorld,
} from '../../testing/fixtures/members.ts';

/**
 * The property (docs/dues.md §9): for any sequence of payments and reversals through the API, each month's
 * balance equals its charge less what was paid (reversals included), and no entry is ever updated or deleted — every
 * row once written reads back the same after every later step.
 */
let w: RosterWorld;
beforeAll(async () => {
  w = await startRosterWorld();
}, 60_000);
afterAll(async () => {
  await w?.t.close();
});

// Months before the current one (June 2026): the charges module keeps the current month's rows itself.
const MONTHS = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05'];
const CHARGE = 3000;

type Step =
  | { readonly op: 'pay'; readonly months: readonly number[]; readonly amount: number | null }
  | { readonly op: 'reverse'; readonly pick: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constant('pay' as const),
    months: fc.uniqueArray(fc.integer({ min: 0, max: MONTHS.length - 1 }), { minLength: 1, maxLength: 3 }),
    amount: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: null }),
  }),
  fc.record({ op: fc.constant('reverse' as const), pick: fc.nat() }),
);

type ModelEntry = {
  id: number;
  kind: 'payment' | 'reversal';
  month: string;
  amount: number;
  reversed: boolean;
};

async function rowsOf(memberId: number) {
  return queryRows<Record<string, unknown>>(
    w.t.deps.db,
    sql`select * from dues_ledger where member_id = ${memberId} order by id`,
  );
}

describe('the ledger under any sequence of payments and reversals', () => {
  it('keeps balance = charge − Σ entries, and never changes an entry', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const member = await createMember(w.as.sec_a1, w.tree.branchA1.id, {}, { name: '性质测试' });
        await insertCharges(w.t.deps.db, {
          memberId: member.id,
          orgId: w.tree.branchA1.id,
          months: Object.fromEntries(MONTHS.map((m) => [m, CHARGE])),
        });
        const model: ModelEntry[] = [];
        const paid = (month: string) =>
          model.filter((e) => e.month === month).reduce((s, e) => s + e.amount, 0);
        let seen: Record<string, unknown>[] = [];
        for (const s of steps) {
          if (s.op === 'pay') {
            const months = [...s.months].sort().map((i) => MONTHS[i] as string);
            const full = months.find((m) => paid(m) >= CHARGE);
            const res = await w.as.sec_a1.post('/api/dues/payments', {
              memberId: member.id,
              months: months.map((month) => ({ month, amount: s.amount })),
              method: 'cash',
              paidOn: '2026-06-15',
              confirm: true,
            });
            if (full !== undefined) {
              expectRule(res, 'dues_month_paid_in_full');
            } else {
              expectStatus(res, 200);
              for (const e of res.json().entries)
                model.push({ id: e.id, kind: 'payment', month: e.month, amount: e.amount, reversed: false });
              // The default amount is what the month still owed.
              if (s.amount === null)
                expect(res.json().entries.every((e: { amount: number }) => e.amount > 0)).toBe(true);
            }
          } else {
            if (model.length === 0) continue;
            const target = model[s.pick % model.length] as ModelEntry;
            const res = await w.as.sec_a1.post(`/api/dues/payments/${target.id}/reverse`, {
              reason: '核对更正',
            });
            if (target.kind === 'reversal') expectRule(res, 'dues_reversal_of_reversal');
            else if (target.reversed) expectRule(res, 'dues_entry_already_reversed');
            else {
              expectStatus(res, 200);
              target.reversed = true;
              model.push({
                id: res.json().id,
                kind: 'reversal',
                month: target.month,
                amount: -target.amount,
                reversed: false,
              });
            }
          }
          // No entry once written has changed, and none has gone.
          const now = await rowsOf(member.id);
          expect(now.slice(0, seen.length)).toEqual(seen);
          expect(now.length).toBe(model.length);
          seen = now;
        }
        const view = (await w.as.sec_a1.get(`/api/members/${member.id}/dues`)).json();
        for (const month of MONTHS) {
          const row = view.months.find((m: { month: string }) => m.month === month);
          expect(row, month).toMatchObject({
            charged: CHARGE,
            paid: paid(month),
            balance: CHARGE - paid(month),
          });
        }
      }),
      { numRuns: 12 },
    );
  }, 300_000);
});
