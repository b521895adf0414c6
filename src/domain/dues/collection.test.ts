import { describe, expect, it } from 'vitest';
import {
  addCollection,
  collectionOf,
  collectionRateBp,
  type MemberMonth,
  memberMonthStatus,
  memberYear,
  NO_COLLECTION,
  specialDuesFigures,
} from './collection.ts';

const month = (amount: number, entries: [number, string][] = [], reduced = false): MemberMonth => ({
  month: '2026-07',
  amount,
  reduced,
  entries: entries.map(([a, paidOn]) => ({ amount: a, paidOn })),
});

describe('a member-month (docs/dues.md §10)', () => {
  it('is paid in full when its entries reach the charge, on time when they did by the month’s last day', () => {
    expect(memberMonthStatus(month(1_500, [[1_500, '2026-07-31']]))).toEqual({
      charged: 1_500,
      paid: 1_500,
      owed: 0,
      paidInFull: true,
      onTime: true,
      reduced: false,
      exempt: false,
    });
    // Paid on the first of the next month: paid in full, late.
    expect(memberMonthStatus(month(1_500, [[1_500, '2026-08-01']]))).toMatchObject({
      paidInFull: true,
      onTime: false,
    });
    // Half on time, half later.
    expect(
      memberMonthStatus(
        month(1_500, [
          [700, '2026-07-10'],
          [800, '2026-09-01'],
        ]),
      ),
    ).toMatchObject({ paid: 1_500, paidInFull: true, onTime: false });
  });

  it('counts a reversal against what it reverses: a reversed on-time payment re-paid later is late', () => {
    const s = memberMonthStatus(
      month(1_500, [
        [1_500, '2026-07-05'],
        [-1_500, '2026-07-05'], // the reversal, dated as the entry it reverses
        [1_500, '2026-08-03'],
      ]),
    );
    expect(s).toMatchObject({ paid: 1_500, owed: 0, paidInFull: true, onTime: false });
  });

  it('leaves what is unpaid as 欠缴, and an overpayment as no arrears rather than negative ones', () => {
    expect(memberMonthStatus(month(1_500, [[500, '2026-07-05']]))).toMatchObject({
      paid: 500,
      owed: 1_000,
      paidInFull: false,
      onTime: false,
    });
    expect(memberMonthStatus(month(1_000, [[1_500, '2026-07-05']]))).toMatchObject({
      paid: 1_500,
      owed: 0,
      paidInFull: true,
    });
  });

  it('tells 少交 from 免交: an exempt month is paid in full, on time, with nothing paid', () => {
    expect(memberMonthStatus(month(300, [], true))).toMatchObject({
      reduced: true,
      exempt: false,
      owed: 300,
    });
    expect(memberMonthStatus(month(0, [], true))).toMatchObject({
      reduced: false,
      exempt: true,
      paidInFull: true,
      onTime: true,
      owed: 0,
    });
  });
});

describe('figures and the rate', () => {
  it('sums member-months; the rate is paid ÷ charged in basis points, none when nothing was charged', () => {
    const f = collectionOf([
      month(1_500, [[1_500, '2026-07-05']]),
      month(2_000, [[1_000, '2026-08-05']]),
      month(0, [], true),
    ]);
    expect(f).toEqual({
      charged: 3_500,
      paid: 2_500,
      owed: 1_000,
      members: 3,
      paidInFull: 2,
      inArrears: 1,
      onTime: 2,
      reduced: 0,
      exempt: 1,
    });
    expect(collectionRateBp(f)).toBe(7_142); // 71.42…%
    expect(collectionRateBp(NO_COLLECTION)).toBeNull();
    expect(addCollection(f, NO_COLLECTION)).toEqual(f);
  });

  it('a member’s year: on time only when every month charged was', () => {
    expect(memberYear([month(100, [[100, '2026-07-01']]), month(0, [], true)])).toEqual({
      charged: true,
      allOnTime: true,
      reduced: false,
      exempt: true,
    });
    expect(memberYear([month(100, [[100, '2026-07-01']]), month(100)])).toMatchObject({ allOnTime: false });
    expect(memberYear([])).toEqual({ charged: false, allOnTime: false, reduced: false, exempt: false });
  });

  it('特殊党费: counted and summed, those going to the centre apart (第十一条)', () => {
    expect(
      specialDuesFigures([
        { amount: 99_999, toCentre: false },
        { amount: 100_000, toCentre: true },
        { amount: 500_000, toCentre: true },
      ]),
    ).toEqual({
      count: 3,
      total: 699_999,
      toCentreCount: 2,
      toCentreTotal: 600_000,
    });
  });
});
